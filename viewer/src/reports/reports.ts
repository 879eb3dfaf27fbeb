/**
 * Every report, fetched with signed requests (PROTOCOL §5), opened in memory and held
 * there only: never written to IndexedDB, Cache Storage or Web Storage. New reports
 * arrive by polling `after=<last seq>` while unlocked, sooner through the live channel.
 *
 * Thousands of reports (issue 4): pages are opened by the report workers
 * (reports/openPool.ts) while the next page is being fetched, and each page joins the list
 * as soon as it is open, in `seq` order, so the list fills in batches rather than at the end.
 */
import { computed, signal } from '@preact/signals';
import * as v from 'valibot';
import { ReportId, ReportItem, ReportList } from '../../../schemas/api.ts';
import { LIST_MAX_LIMIT } from '../../../schemas/limits.ts';
import { ApiError, NetworkError, signedJson } from '../shared/api.ts';
import { deployment, districtNames } from '../shared/deployment.ts';
import { openItems, wipeOpenPool } from './openPool.ts';
import { lastSeq, mergeNewestFirst, type ReportEntry } from './reportEntry.ts';
import { rememberSearchText } from './search.ts';
import { heldOfficer, heldPoliceKeys } from '../session/session.ts';

/** How often the list asks for new reports while unlocked. */
export const POLL_INTERVAL_MS = 10_000;

export type SyncFailure = 'unreachable' | 'unauthorized' | 'forbidden' | 'server';

export interface SyncState {
  /** True once the first full fetch has finished. */
  loaded: boolean;
  busy: boolean;
  failure: SyncFailure | null;
  checkedAt: Date | null;
}

/** Every report held, newest first. */
export const reportEntries = signal<ReportEntry[]>([]);
export const syncState = signal<SyncState>({ loaded: false, busy: false, failure: null, checkedAt: null });
/** What the last poll brought (none on the first fetch), for a live announcement. */
export const lastArrivals = signal<{ count: number; at: Date } | null>(null);
export const flaggedCount = computed(() => reportEntries.value.filter((e) => e.problems.length).length);

let generation = 0;
/** The `after` of the next list request: the highest seq a list page has brought. */
let cursor = 0;
let timer: ReturnType<typeof setTimeout> | undefined;
let inflight: Promise<void> | undefined;
let controller: AbortController | undefined;

/** What to tell the officer about a failed request. */
export function failureOf(e: unknown): SyncFailure {
  if (e instanceof ApiError) return e.status === 401 ? 'unauthorized' : e.status === 403 ? 'forbidden' : 'server';
  if (e instanceof NetworkError) return 'unreachable';
  return 'server';
}

async function openAll(items: readonly ReportItem[]): Promise<ReportEntry[]> {
  if (!items.length) return [];
  const opened = await openItems(items, heldPoliceKeys(), districtNames);
  for (const o of opened) rememberSearchText(o.entry, o.text);
  return opened.map((o) => o.entry);
}

async function fetchNew(gen: number, signal: AbortSignal): Promise<number> {
  let after = cursor;
  let added = 0;
  // Pages are fetched one after the other while earlier ones are being opened; each joins
  // the list once open, strictly in order, so `cursor` only ever covers what is held.
  let joined: Promise<void> = Promise.resolve();
  try {
    for (;;) {
      const target = `/api/v1/reports?after=${after}&limit=${LIST_MAX_LIMIT}`;
      const page = await signedJson(deployment.apiOrigin, heldOfficer(), { method: 'GET', target, signal }, ReportList);
      const opening = openAll(page.reports);
      opening.catch(() => undefined); // handled below, in order
      joined = joined.then(async () => {
        const entries = await opening;
        if (gen !== generation) return;
        // A poll that brings nothing leaves the list (and its table) untouched.
        if (entries.length) reportEntries.value = mergeNewestFirst(reportEntries.value, entries);
        cursor = Math.max(cursor, lastSeq(entries));
        added += entries.length;
      });
      joined.catch(() => undefined); // a failed page is reported once, after the loop
      // `next` is authoritative (PROTOCOL §5); a cursor that does not move would loop forever.
      if (page.next === null || page.next <= after) break;
      after = page.next;
    }
  } finally {
    // Whatever was fetched before a failure still joins the list.
    await joined.catch(() => undefined);
  }
  await joined;
  return added;
}

/** Fetches and opens every report not yet held. Concurrent calls share one run. */
export function refresh(): Promise<void> {
  inflight ??= (async () => {
    const gen = generation;
    controller = new AbortController();
    const first = !syncState.value.loaded;
    syncState.value = { ...syncState.value, busy: true };
    try {
      const added = await fetchNew(gen, controller.signal);
      if (gen !== generation) return;
      if (!first && added) lastArrivals.value = { count: added, at: new Date() };
      syncState.value = { loaded: true, busy: false, failure: null, checkedAt: new Date() };
    } catch (e) {
      if (gen !== generation) return;
      syncState.value = { ...syncState.value, busy: false, failure: failureOf(e), checkedAt: new Date() };
    } finally {
      inflight = undefined;
    }
  })();
  return inflight;
}

/** Fetches now, then every {@link POLL_INTERVAL_MS} until locked. */
function startPolling(): void {
  stopPolling();
  const gen = generation;
  const tick = async () => {
    await refresh();
    if (gen === generation) timer = setTimeout(tick, POLL_INTERVAL_MS);
  };
  void tick();
}

function stopPolling(): void {
  clearTimeout(timer);
  timer = undefined;
}

/** A report held in memory, or fetched alone (`GET /api/v1/reports/{id}`) when not yet listed. */
export async function findReport(id: string): Promise<ReportEntry | null> {
  const held = reportEntries.value.find((e) => e.id === id);
  if (held) return held;
  // Only a well-formed id goes into a signed target: the URL must be sent exactly as signed.
  if (!v.is(ReportId, id)) return null;
  const gen = generation;
  try {
    const item = await signedJson(deployment.apiOrigin, heldOfficer(), { method: 'GET', target: `/api/v1/reports/${id}` }, ReportItem);
    const [entry] = await openAll([item]);
    if (gen !== generation || !entry) return null;
    reportEntries.value = mergeNewestFirst(reportEntries.value, [entry]);
    return entry;
  } catch (e) {
    if (e instanceof ApiError && (e.status === 404 || e.status === 400)) return null;
    throw e;
  }
}

/** Starts after unlock (session/start.ts): the list is polled until lock. */
export function startReports(): void {
  startPolling();
}

/** On lock: drops every decrypted report and stops the poll (the document reload follows). */
export function stopReports(): void {
  generation++;
  stopPolling();
  controller?.abort();
  wipeOpenPool();
  reportEntries.value = [];
  cursor = 0;
  lastArrivals.value = null;
  syncState.value = { loaded: false, busy: false, failure: null, checkedAt: null };
}
