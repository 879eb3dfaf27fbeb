/**
 * The outbox (issue 2, PROTOCOL §3; answers since issue 3, §4): sealed reports and sealed
 * answers to the police wait here until the Worker holds them, in the order they were
 * sealed. Shared by the page and the service worker (Background Sync), so it uses no
 * `window`; its storage, `fetch` and clock are passed in, which also lets Node tests drive it.
 *
 * Invariants: an entry leaves the outbox only after a 2xx that stores it (200 or 201 for a
 * report, 201 for an answer); each retry posts the stored body byte for byte; a refusal
 * other than `pow_invalid` and 429 keeps the entry, marked "non accepté" with its code;
 * a `pow_invalid` (issue 7: the effort rose) has the proof solved again at the effort the
 * Worker names (one bit more if it names none), for the same id and sealed bytes: the
 * report is never re-sealed and only `pow` (or a blob's `X-Pow`) changes;
 * a 429 holds every entry of the same target until its Retry-After; page and service
 * worker never flush at the same time (Web Locks).
 *
 * Photos (PROTOCOL §6): a report's blobs are uploaded first, one by one, each marked once the
 * Worker holds it (200 or 201: the id is the content's hash, so a repeated PUT stores nothing
 * new), and only then is the report posted; the entry and its blobs leave together after the
 * report's 2xx. A blob refused for good marks the whole entry "non accepté".
 *
 * Exactly once: a report retried with the same `sealed` is answered 200 (§3). An answer has
 * no such idempotency, so an answer whose POST may have reached the Worker (network failure,
 * 5xx) is marked `unsure`, and before posting it again the conversation is read: the same
 * sealed bytes from the reporter there mean it was stored (a random nonce makes them unique).
 */
import { postReport, putBlob, REPORTS_URL, type Fetch } from './api.ts';
import type { OutboxBlobRef, OutboxRow } from './db.ts';
import { postAnswer, readMailbox } from './mailbox.ts';

export interface OutboxStore {
  /** Entries still to deliver (state `waiting`), in delivery order. */
  waiting(): Promise<OutboxRow[]>;
  update(id: string, changes: Partial<Omit<OutboxRow, 'id'>>): Promise<void>;
  /**
   * Reports: atomically delete the entry and add it to the content-free "sent" list, with
   * the Worker's receipt if it gave one (checked later on the page).
   */
  markSent(id: string, receivedAt: string | null, receipt?: string): Promise<void>;
  /** Answers: the Worker holds it; the entry goes (the conversation lists it from then on). */
  markDelivered(id: string): Promise<void>;
  /** Answers: the `Authorization` value, opened from its box; null when it no longer opens. */
  authorization(row: OutboxRow): Promise<string | null>;
  /** Reports with photos: the sealed bytes of one of the entry's blobs (undefined if lost). */
  blobBytes(entryId: string, blobId: string): Promise<Uint8Array<ArrayBuffer> | undefined>;
}

/** Runs `fn` while holding the outbox lock, across every tab and the service worker. */
export type Lock = <T>(fn: () => Promise<T>) => Promise<T>;

export const OUTBOX_LOCK = 'stopdeal-outbox';

let localChain: Promise<unknown> = Promise.resolve();

/** Web Locks where the browser has them; otherwise a lock within this context only. */
export const webLock: Lock = (fn) => {
  const locks = (globalThis.navigator as { locks?: LockManager } | undefined)?.locks;
  if (locks) return locks.request(OUTBOX_LOCK, fn) as ReturnType<typeof fn>;
  const run = localChain.then(fn, fn);
  localChain = run.catch(() => undefined);
  return run;
};

export interface OutboxDeps {
  store: OutboxStore;
  fetch: Fetch;
  lock?: Lock;
  now?: () => number;
  random?: () => number;
  /**
   * Solves the proof of work again at `powBits` for the same id and sealed bytes (page: Web
   * Worker); `entryId` names the outbox entry, for the progress shown. Absent in the service
   * worker, which cannot start a worker: it records the effort on the entry and leaves it.
   */
  reprove?: (id: string, sealed: string, powBits: number, entryId: string) => Promise<string>;
  /** The same for a blob's `X-Pow` (PROTOCOL §6); absent in the service worker too. */
  reproveBlob?: (blobId: string, blob: Uint8Array<ArrayBuffer>, powBits: number, entryId: string) => Promise<string>;
  /** Remembers an effort the Worker asked for, so that new reports are sealed at it (services/meta.ts). */
  learnEffort?: (powBits: number) => Promise<void>;
  /** The effort known on this device: the "last time" of rows sealed before they kept theirs. */
  knownEffort?: () => Promise<number>;
  onChange?: () => void;
}

export interface FlushSummary {
  sent: string[];
  rejected: string[];
  /** Entries still waiting after this flush. */
  waiting: number;
  /** When the earliest waiting entry may be tried again (null: none waiting). */
  nextAttemptAt: number | null;
}

/** PROTOCOL §3: proofs have at most 32 bits (schemas/errors.ts). */
export const MAX_POW_BITS = 32;
/** Solves in a row within one flush while the effort keeps rising; then the backoff paces it. */
export const MAX_PROOF_ROUNDS = 8;

/**
 * The effort to solve at after `pow_invalid` (issue 7): the one the Worker names, else (an
 * older Worker) one bit more than the last proof, at most 32.
 */
export function nextEffort(asked: number | undefined, last: number): number {
  return Math.min(MAX_POW_BITS, Math.max(1, asked ?? last + 1));
}

const BASE_DELAY_MS = 3_000;
const MAX_DELAY_MS = 5 * 60_000;
const DEFAULT_RETRY_AFTER_MS = 60_000;

/** Exponential backoff with ±20 % jitter, so that phones coming back online do not flock. */
export function backoffMs(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}

/** The stored body with a new proof of work; every other byte stays as it was. */
export function withPow(body: string, pow: string): string {
  const parsed = JSON.parse(body) as Record<string, unknown>;
  parsed.pow = pow;
  return JSON.stringify(parsed);
}

function sealedOf(body: string): { id: string; sealed: string } {
  const { id, sealed } = JSON.parse(body) as { id: string; sealed: string };
  return { id, sealed };
}

/**
 * Tries to deliver every waiting entry, one at a time, under the outbox lock.
 * `force` ignores the backoff (app start, `online`, Background Sync), never a server's
 * Retry-After. Stops at the first network or server failure: the rest would fail alike.
 */
export function flushOutbox(deps: OutboxDeps, { force = false } = {}): Promise<FlushSummary> {
  const lock = deps.lock ?? webLock;
  return lock(() => flushLocked(deps, force));
}

async function flushLocked(deps: OutboxDeps, force: boolean): Promise<FlushSummary> {
  const now = deps.now ?? Date.now;
  const random = deps.random ?? Math.random;
  const { store } = deps;
  const changed = () => deps.onChange?.();
  const sent: string[] = [];
  const rejected: string[] = [];
  /** Targets a 429 held during this flush (the rows' own `holdUntil` is from before it). */
  const held = new Map<string, number>();
  /** A 429's Retry-After (§3) holds every waiting entry of that target: never sooner. */
  const hold = async (target: string, until: number) => {
    held.set(target, until);
    for (const other of await store.waiting()) if (targetOf(other) === target) await store.update(other.id, { holdUntil: until });
  };

  entries: for (const entry of await store.waiting()) {
    const t = now();
    if (entry.holdUntil && entry.holdUntil > t) continue;
    if ((held.get(targetOf(entry)) ?? 0) > t) continue;
    if (!force && entry.nextAttemptAt > t) continue;
    if (entry.kind === 'message') {
      const result = await deliverAnswer(deps, entry, hold);
      if (result === 'sent') sent.push(entry.id);
      if (result === 'rejected') rejected.push(entry.id);
      changed();
      if (result === 'stop') break entries;
      continue entries;
    }
    if (entry.blobs?.some((b) => !b.uploaded)) {
      // A 429 on a blob is the town's hourly byte budget: every report with photos waits.
      if ((held.get(BLOBS_HOLD) ?? 0) > t) continue;
      const result = await uploadBlobs(deps, entry, (until) => held.set(BLOBS_HOLD, until));
      if (result !== 'done') {
        if (result === 'rejected') rejected.push(entry.id);
        changed();
        if (result === 'stop') break entries;
        continue entries;
      }
    }
    let body = entry.body;
    let bits = entry.powBits;
    let rounds = 0;
    if (entry.needsPow) {
      if (!deps.reprove) continue;
      body = await reproveBody(deps, entry.id, body, bits ?? (await known(deps)));
      rounds++;
    }
    for (;;) {
      const outcome = await postReport(deps.fetch, body, now());
      const attempts = entry.attempts + 1;
      switch (outcome.kind) {
        case 'stored':
          await store.markSent(entry.id, outcome.receivedAt, outcome.receipt);
          sent.push(entry.id);
          changed();
          continue entries;
        case 'refused':
          if (outcome.code === 'pow_invalid') {
            // §3: never a refusal. Solve again at the effort asked, same id and sealed bytes;
            // recorded first, so that the service worker, or a page closed mid-solve, leaves it known.
            bits = nextEffort(outcome.powBits, bits ?? (await known(deps)));
            if (outcome.powBits !== undefined) await deps.learnEffort?.(outcome.powBits);
            await store.update(entry.id, { needsPow: true, powBits: bits });
            if (deps.reprove && rounds < MAX_PROOF_ROUNDS) {
              body = await reproveBody(deps, entry.id, body, bits);
              rounds++;
              continue;
            }
            await store.update(entry.id, { attempts, nextAttemptAt: now() + backoffMs(attempts, random) });
            changed();
            continue entries;
          }
          await store.update(entry.id, { state: 'rejected', errorCode: outcome.code, attempts });
          rejected.push(entry.id);
          changed();
          continue entries;
        case 'rate_limited':
          // The limit is the town's, not this report's: every waiting report holds off.
          await hold(targetOf(entry), now() + (outcome.retryAfterMs ?? DEFAULT_RETRY_AFTER_MS));
          await store.update(entry.id, { attempts });
          changed();
          continue entries;
        case 'server_error':
        case 'network_error':
          await store.update(entry.id, { attempts, nextAttemptAt: now() + backoffMs(attempts, random) });
          changed();
          break entries;
      }
    }
  }

  const left = await store.waiting();
  const times = left.map((e) => Math.max(e.nextAttemptAt, e.holdUntil ?? 0));
  return { sent, rejected, waiting: left.length, nextAttemptAt: times.length ? Math.min(...times) : null };
}

/** The key under which a blob upload's 429 holds every report that still has photos to upload. */
const BLOBS_HOLD = 'blobs';

/**
 * Uploads the entry's blobs that the Worker does not hold yet, in order (PROTOCOL §6):
 * `done` when all are there, `rejected` (kept, "non accepté"), `next` (held or proof to redo
 * on the page: other entries go on) or `stop` (network or server failure).
 */
async function uploadBlobs(deps: OutboxDeps, entry: OutboxRow, hold: (until: number) => void): Promise<'done' | 'rejected' | 'next' | 'stop'> {
  const now = deps.now ?? Date.now;
  const random = deps.random ?? Math.random;
  const { store } = deps;
  const attempts = entry.attempts + 1;
  const blobs: OutboxBlobRef[] = entry.blobs!.map((b) => ({ ...b }));
  const later = () => store.update(entry.id, { attempts, blobs, nextAttemptAt: now() + backoffMs(attempts, random) });
  for (const ref of blobs) {
    if (ref.uploaded) continue;
    const bytes = await store.blobBytes(entry.id, ref.id);
    if (!bytes) {
      await store.update(entry.id, { state: 'rejected', errorCode: 'blob_missing', attempts, blobs });
      return 'rejected';
    }
    let bits = ref.powBits ?? entry.powBits;
    let rounds = 0;
    const reprove = async () => {
      const at = bits ?? (await known(deps));
      ref.pow = await deps.reproveBlob!(ref.id, bytes, at, entry.id);
      Object.assign(ref, { needsPow: false, powBits: at });
      rounds++;
      await store.update(entry.id, { blobs });
    };
    if (ref.needsPow) {
      // The service worker met pow_invalid: no upload of megabytes with a proof known to fail.
      if (!deps.reproveBlob) {
        await later();
        return 'next';
      }
      await reprove();
    }
    for (;;) {
      const outcome = await putBlob(deps.fetch, ref.id, bytes, ref.pow, now());
      if (outcome.kind === 'stored') {
        ref.uploaded = true;
        await store.update(entry.id, { blobs });
        break;
      }
      if (outcome.kind === 'refused' && outcome.code === 'pow_invalid') {
        // As for reports (§6 follows §3): the same blob bytes, a proof at the effort asked.
        bits = nextEffort(outcome.powBits, bits ?? (await known(deps)));
        if (outcome.powBits !== undefined) await deps.learnEffort?.(outcome.powBits);
        Object.assign(ref, { needsPow: true, powBits: bits });
        await store.update(entry.id, { blobs });
        if (deps.reproveBlob && rounds < MAX_PROOF_ROUNDS) {
          await reprove();
          continue;
        }
        await later();
        return 'next';
      }
      if (outcome.kind === 'refused') {
        await store.update(entry.id, { state: 'rejected', errorCode: outcome.code, attempts, blobs });
        return 'rejected';
      }
      if (outcome.kind === 'rate_limited') {
        const until = now() + (outcome.retryAfterMs ?? DEFAULT_RETRY_AFTER_MS);
        hold(until);
        await store.update(entry.id, { attempts, blobs, holdUntil: until });
        return 'next';
      }
      await later();
      return 'stop';
    }
  }
  return 'done';
}

/** Where an entry is posted (version-1 rows, before their upgrade, are reports). */
export const targetOf = (row: Pick<OutboxRow, 'target'>): string => row.target ?? REPORTS_URL;

/**
 * One attempt at an answer (§4): `sent`, `rejected` (kept, "non accepté"), `next` (held by a
 * 429: the other targets go on) or `stop` (network or server failure: the rest would fail alike).
 */
async function deliverAnswer(deps: OutboxDeps, entry: OutboxRow, hold: (target: string, until: number) => Promise<void>): Promise<'sent' | 'rejected' | 'next' | 'stop'> {
  const now = deps.now ?? Date.now;
  const random = deps.random ?? Math.random;
  const { store } = deps;
  const attempts = entry.attempts + 1;
  const target = targetOf(entry);
  const reject = async (errorCode: string) => {
    await store.update(entry.id, { state: 'rejected', errorCode, attempts });
    return 'rejected' as const;
  };
  const retryLater = async () => {
    await store.update(entry.id, { attempts, unsure: true, nextAttemptAt: now() + backoffMs(attempts, random) });
    return 'stop' as const;
  };

  const authorization = await store.authorization(entry);
  // The device key is gone (wiped in another tab): nothing can send it any more.
  if (authorization === null) return reject('no_key');

  if (entry.unsure) {
    const read = await readMailbox(deps.fetch, target, authorization, entry.sinceSeq ?? 0);
    if (read.kind === 'unknown') return reject('not_found');
    if (read.kind !== 'ok') return retryLater();
    const { sealed } = JSON.parse(entry.body) as { sealed: string };
    if (read.messages.some((m) => m.from === 'reporter' && m.sealed === sealed)) {
      await store.markDelivered(entry.id);
      return 'sent';
    }
  }

  const outcome = await postAnswer(deps.fetch, target, authorization, entry.body, now());
  switch (outcome.kind) {
    case 'stored':
      await store.markDelivered(entry.id);
      return 'sent';
    case 'refused':
      return reject(outcome.code);
    case 'rate_limited':
      // The limit is this mailbox's (docs/api.md): only its answers wait.
      await hold(target, now() + (outcome.retryAfterMs ?? DEFAULT_RETRY_AFTER_MS));
      await store.update(entry.id, { attempts });
      return 'next';
    case 'server_error':
    case 'network_error':
      return retryLater();
  }
}

/** The proof is over the body's own `id` and `sealed` (§3); only `pow` changes. */
async function reproveBody(deps: OutboxDeps, rowId: string, body: string, bits: number): Promise<string> {
  const { id, sealed } = sealedOf(body);
  const next = withPow(body, await deps.reprove!(id, sealed, bits, rowId));
  await deps.store.update(rowId, { body: next, needsPow: false, powBits: bits });
  return next;
}

/** The effort known on the device, for rows that do not carry theirs (1 if none is known). */
const known = async (deps: OutboxDeps): Promise<number> => (await deps.knownEffort?.()) ?? 1;
