/// <reference types="vite/client" />
/**
 * Opens sealed reports off the page's thread (issue 4: 1,000 or 10,000 reports at unlock):
 * a small pool of report workers (reports/openReports.ts), one per core up to
 * {@link MAX_WORKERS}, started early so libsodium is compiled by the time the passphrase is
 * typed. The police keys are handed to them on the first batch after unlock and wiped on lock,
 * when the workers are also terminated.
 *
 * Trusted Types: the viewer's CSP requires them for scripts, and Chromium counts
 * `new Worker(url)` as a script sink, so a bare URL is refused. One named policy,
 * {@link WORKER_POLICY} (allowed by the CSP's `trusted-types` directive), vouches for exactly
 * one URL: the report worker's, fixed at build time. Should the workers be unavailable all the
 * same (policy refused, worker failing to load), reports are opened on the page as before,
 * in short slices that keep the page responsive: slower, never wrong.
 */
import type { ReportItem } from '../../../schemas/api.ts';
import { FORMS } from '../../../schemas/forms/index.ts';
import type { PoliceKeyPairEntry } from '../../../schemas/keyring.ts';
import type { BlobReply, OpenedReport, OpenReply, OpenRequest } from './openMessages.ts';
import workerUrl from './openReports.ts?worker&url';
import type { DistrictName } from './answers.ts';
import { openBlobChecked, type BlobOpened } from './blobOpen.ts';
import { openItem } from './openItem.ts';
import { searchableText } from './search.ts';

/** The one Trusted Types policy name the viewer's CSP allows (scripts/deployment.ts). */
export const WORKER_POLICY = 'stopdeal-worker';
export const MAX_WORKERS = 4;
/** Reports per message to a worker: small enough to spread a page over the pool. */
const MIN_BATCH = 25;
const MAX_BATCH = 250;

interface TrustedScriptURLPolicy {
  createScriptURL(url: string): unknown;
}
interface TrustedTypesFactory {
  createPolicy(name: string, rules: { createScriptURL: (url: string) => string }): TrustedScriptURLPolicy;
}

interface Slot {
  worker: Worker;
  outstanding: number;
}
interface Pending {
  resolve: (opened: OpenedReport[]) => void;
  reject: (e: Error) => void;
  slot: Slot;
}

export class OpenPoolError extends Error {
  override name = 'OpenPoolError';
}

/** How reports are being opened, for the bench and the tests. */
export type OpenMode = 'workers' | 'page';

let slots: Slot[] | null = null;
let broken = false;
let policy: TrustedScriptURLPolicy | null = null;
let armed = false;
let counter = 0;
/** Bumped on every lock: work started before a lock never resumes after it. */
let lockCount = 0;
const pending = new Map<number, Pending>();
/** Attachments being opened in a worker: settled by its reply, or dropped (null) when the worker fails or on lock. */
const blobPending = new Map<number, { settle: (r: BlobOpened | null) => void; slot: Slot }>();

/** Workers to start: one per core, at least one, at most {@link MAX_WORKERS}. */
export function poolSize(cores: number | undefined): number {
  return Math.max(1, Math.min(MAX_WORKERS, Math.floor(cores || 2)));
}

/** Splits `items` into batches so that each worker gets about two. */
export function batches<T>(items: readonly T[], workers: number): T[][] {
  if (!items.length) return [];
  const size = Math.max(MIN_BATCH, Math.min(MAX_BATCH, Math.ceil(items.length / (workers * 2))));
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The worker's URL, vouched for by the Trusted Types policy when the page enforces them. */
function scriptUrl(): string {
  const tt = (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
  if (!tt) return workerUrl;
  policy ??= tt.createPolicy(WORKER_POLICY, {
    createScriptURL: (url) => {
      if (url !== workerUrl) throw new TypeError('only the report worker may be started');
      return url;
    },
  });
  // A TrustedScriptURL: Worker takes it where a string goes.
  return policy.createScriptURL(workerUrl) as string;
}

function fail(slot: Slot | null, reason: string): void {
  broken = true;
  for (const [n, p] of blobPending) {
    if (slot && p.slot !== slot) continue;
    blobPending.delete(n);
    p.settle(null);
  }
  for (const [n, p] of pending) {
    if (slot && p.slot !== slot) continue;
    pending.delete(n);
    p.reject(new OpenPoolError(reason));
  }
  if (!slot) return;
  slot.worker.terminate();
  slots = slots?.filter((s) => s !== slot) ?? null;
  if (slots && !slots.length) slots = null;
}

function start(): Slot[] | null {
  if (slots) return slots;
  if (broken || typeof Worker === 'undefined') return null;
  try {
    const url = scriptUrl();
    const size = poolSize(typeof navigator === 'undefined' ? undefined : navigator.hardwareConcurrency);
    slots = Array.from({ length: size }, (_, i) => {
      const slot: Slot = { worker: new Worker(url, { type: 'module', name: `open-reports-${i + 1}` }), outstanding: 0 };
      slot.worker.onmessage = (event: MessageEvent<OpenReply | BlobReply | { op: 'ready' }>) => {
        const reply = event.data;
        if ('op' in reply && reply.op === 'blob') {
          const b = blobPending.get(reply.n);
          blobPending.delete(reply.n);
          b?.settle(reply.ok ? { ok: true, plain: reply.plain } : { ok: false, error: reply.error });
          return;
        }
        if (!('n' in reply)) return;
        const p = pending.get(reply.n);
        if (!p) return;
        pending.delete(reply.n);
        p.slot.outstanding--;
        if (reply.ok) p.resolve(reply.opened);
        else p.reject(new OpenPoolError(reply.error));
      };
      slot.worker.onerror = (event) => {
        event.preventDefault();
        fail(slot, event.message || 'report worker failed');
      };
      return slot;
    });
    return slots;
  } catch {
    // Trusted Types policy refused by the CSP, or workers not allowed: open on the page.
    broken = true;
    slots = null;
    return null;
  }
}

function post(slot: Slot, request: OpenRequest): void {
  slot.worker.postMessage(request);
}

/** Starts the workers and has them load libsodium now; nothing waits for it. */
export function warmOpenPool(): void {
  for (const slot of start() ?? []) post(slot, { op: 'warm' });
}

function ask(slot: Slot, items: ReportItem[]): Promise<OpenedReport[]> {
  const n = ++counter;
  slot.outstanding++;
  return new Promise((resolve, reject) => {
    pending.set(n, { resolve, reject, slot });
    post(slot, { op: 'open', n, items });
  });
}

/** Opens reports on the page, yielding every few milliseconds so that it stays responsive. */
async function openOnPage(items: readonly ReportItem[], keys: readonly PoliceKeyPairEntry[], districts: readonly DistrictName[]): Promise<OpenedReport[]> {
  const ids = districts.map((d) => d.id);
  const ctx = { forms: FORMS, districts };
  const out: OpenedReport[] = [];
  let slice = performance.now();
  for (const item of items) {
    const entry = await openItem(item, keys, FORMS, ids);
    out.push({ entry, text: searchableText(entry.id, entry.report, ctx) });
    if (performance.now() - slice > 12) {
      await new Promise((r) => setTimeout(r, 0));
      slice = performance.now();
    }
  }
  return out;
}

/**
 * Opens `items` (in their order) with `keys`: in the workers when they run, else on the page.
 * A batch whose worker fails is opened on the page, so a report is never lost.
 */
export async function openItems(items: readonly ReportItem[], keys: readonly PoliceKeyPairEntry[], districts: readonly DistrictName[]): Promise<OpenedReport[]> {
  const pool = start();
  if (!pool) return openOnPage(items, keys, districts);
  if (!armed) {
    const copy = keys.map((k) => ({ ...k }));
    for (const slot of pool) post(slot, { op: 'keys', keys: copy, districts: [...districts] });
    armed = true;
  }
  const parts = await Promise.all(
    batches(items, pool.length).map((batch) => {
      const current = slots;
      if (!current) return openOnPage(batch, keys, districts);
      const slot = current.reduce((a, b) => (b.outstanding < a.outstanding ? b : a));
      return ask(slot, batch).catch(() => openOnPage(batch, keys, districts));
    }),
  );
  return parts.flat();
}

/**
 * Checks and opens one downloaded attachment (reports/blobOpen.ts) in a report worker, the
 * blob transferred there and the plaintext back, so a 16 MiB photo never freezes the page.
 * On the page when no worker runs or the worker fails. `null` once locked.
 */
export async function openBlobOffPage(id: string, blob: Uint8Array, key: string): Promise<BlobOpened | null> {
  const pool = start();
  if (!pool) return openBlobChecked(id, blob, key);
  const slot = pool.reduce((a, b) => (b.outstanding < a.outstanding ? b : a));
  const n = ++counter;
  const lockedAt = lockCount;
  // A copy goes to the worker (transferred): the page keeps its own for a retry on the page.
  const copy = blob.slice();
  const reply = await new Promise<BlobOpened | null>((settle) => {
    blobPending.set(n, { settle, slot });
    slot.worker.postMessage({ op: 'blob', n, id, blob: copy, key } satisfies OpenRequest, [copy.buffer]);
  });
  if (reply) return reply;
  return lockCount === lockedAt ? openBlobChecked(id, blob, key) : null;
}

/** Which way reports are opened now. */
export function openMode(): OpenMode {
  return slots && !broken ? 'workers' : 'page';
}

/** Lock: the workers drop their keys and are stopped; pending batches are abandoned. */
export function wipeOpenPool(): void {
  for (const slot of slots ?? []) {
    try {
      post(slot, { op: 'wipe' });
    } finally {
      slot.worker.terminate();
    }
  }
  slots = null;
  armed = false;
  lockCount++;
  for (const p of pending.values()) p.reject(new OpenPoolError('locked'));
  pending.clear();
  for (const p of blobPending.values()) p.settle(null);
  blobPending.clear();
}
