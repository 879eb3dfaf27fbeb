/**
 * Reading the case files (PROTOCOL §5 events, issue 4): status, assignee, tags, notes,
 * forwarding and expiry, each a sealed event signed by its author. Every officer sees the same
 * history because it is the Worker's list of events, fetched with `GET /api/v1/events`
 * (paging with `next`), polled every {@link EVENTS_POLL_MS} while unlocked and brought sooner
 * by the live channel's `{"type":"event"}` frames (session/live.ts). Each event is opened in
 * memory (crypto `openCaseEvent`: its signature and author are proven) and held here;
 * caseFile/derive.ts folds them into `caseStates`, caseFile/caseJobs.ts writes new ones.
 * Nothing decrypted is ever written to the workstation's storage.
 */
import { computed, signal } from '@preact/signals';
import { IntegrityError, InvalidContentError, openCaseEvent, UnknownKeyError } from '../../../crypto/index.ts';
import { EventList, type EventItem } from '../../../schemas/caseFile.ts';
import { LIST_MAX_LIMIT } from '../../../schemas/limits.ts';
import { signedJson } from '../shared/api.ts';
import { namesOf, type EventRecord } from './caseFold.ts';
import { caseStates } from './caseState.ts';
import { deployment } from '../shared/deployment.ts';
import { parseCaseFrame } from './eventFrames.ts';
import { onLiveFrame } from '../session/live.ts';
import { failureOf, type SyncFailure } from '../reports/reports.ts';
import { heldOfficer, heldPoliceKeys } from '../session/session.ts';

/** How often the case files are polled, live channel or not (as the reports and the inbox). */
export const EVENTS_POLL_MS = 10_000;

/** Every event held, opened, ascending `seq`. */
export const eventRecords = signal<readonly EventRecord[]>([]);
export const eventsState = signal<{ loaded: boolean; failure: SyncFailure | null }>({ loaded: false, failure: null });
/** Display names officers gave in their proven events, by officer id. */
export const officerNames = computed(() => namesOf(eventRecords.value));
/** Every tag in use, for suggestions. */
export const knownTags = computed(() => {
  const out = new Set<string>();
  for (const c of caseStates.value.values()) for (const t of c.tags) out.add(t);
  return [...out].sort((a, b) => a.localeCompare(b, 'fr'));
});

let generation = 0;
let cursor = 0;
let timer: ReturnType<typeof setTimeout> | undefined;
let inflight: Promise<void> | undefined;
let controller: AbortController | undefined;

/** Opens one stored event; every failure becomes a flagged record, never an exception. */
export async function openEventItem(item: EventItem, keys: Parameters<typeof openCaseEvent>[1]): Promise<EventRecord> {
  const base = { seq: item.seq, reportId: item.reportId, storedAt: item.at };
  try {
    const o = await openCaseEvent(item, keys);
    return { ...base, opened: { event: o.event, officerId: o.officerId }, problem: null };
  } catch (e) {
    const problem = e instanceof UnknownKeyError ? 'unknown-key' : e instanceof InvalidContentError ? 'invalid-content' : e instanceof IntegrityError ? 'integrity' : 'integrity';
    return { ...base, opened: null, problem };
  }
}

/** Adds records (a page, a live frame, an event just posted), one per seq. */
export function hold(records: readonly EventRecord[]): void {
  if (!records.length) return;
  const bySeq = new Map(eventRecords.peek().map((r) => [r.seq, r]));
  let changed = false;
  for (const r of records) {
    if (bySeq.has(r.seq)) continue;
    bySeq.set(r.seq, r);
    changed = true;
  }
  if (changed) eventRecords.value = [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

async function openAll(items: readonly EventItem[]): Promise<EventRecord[]> {
  const held = new Set(eventRecords.peek().map((r) => r.seq));
  const keys = heldPoliceKeys();
  const out: EventRecord[] = [];
  for (const item of items) if (!held.has(item.seq)) out.push(await openEventItem(item, keys));
  return out;
}

async function fetchNew(gen: number, signal: AbortSignal): Promise<void> {
  let after = cursor;
  for (;;) {
    const target = `/api/v1/events?after=${after}&limit=${LIST_MAX_LIMIT}`;
    const page = await signedJson(deployment.apiOrigin, heldOfficer(), { method: 'GET', target, signal }, EventList);
    const records = await openAll(page.events);
    if (gen !== generation) return;
    hold(records);
    cursor = Math.max(cursor, ...page.events.map((e) => e.seq));
    // `next` is authoritative (PROTOCOL §5); a cursor that does not move would loop forever.
    if (page.next === null || page.next <= after) return;
    after = page.next;
  }
}

/** Fetches every event not yet held. Concurrent calls share one run. */
export function refreshEvents(): Promise<void> {
  inflight ??= (async () => {
    const gen = generation;
    controller = new AbortController();
    try {
      await fetchNew(gen, controller.signal);
      if (gen === generation) eventsState.value = { loaded: true, failure: null };
    } catch (e) {
      if (gen === generation) eventsState.value = { ...eventsState.value, failure: failureOf(e) };
    } finally {
      inflight = undefined;
    }
  })();
  return inflight;
}

/** A frame of the live channel: an event is opened and held at once; `ready` catches up. */
async function onFrame(data: unknown): Promise<void> {
  const frame = parseCaseFrame(data);
  if (!frame) return;
  if (frame.kind === 'ready') {
    void refreshEvents();
    return;
  }
  const gen = generation;
  const records = await openAll([frame.event]);
  if (gen === generation) hold(records);
}

/** Forgets a deleted report's events (its case file went with it, PROTOCOL §5). */
export function dropReportEvents(reportId: string): void {
  const kept = eventRecords.peek().filter((r) => r.reportId !== reportId);
  if (kept.length !== eventRecords.peek().length) eventRecords.value = kept;
}


let stopFrames: (() => void) | undefined;

/** Starts after unlock (session/start.ts): the poll, and the live channel's event frames. */
export function startCaseEvents(): void {
  clearTimeout(timer);
  stopFrames?.();
  stopFrames = onLiveFrame((data) => void onFrame(data).catch(() => undefined));
  const gen = generation;
  const tick = async () => {
    await refreshEvents();
    if (gen === generation) timer = setTimeout(tick, EVENTS_POLL_MS);
  };
  void tick();
}

/** On lock: drops every opened event and stops the poll (the document reload follows). */
export function stopCaseEvents(): void {
  generation++;
  stopFrames?.();
  stopFrames = undefined;
  clearTimeout(timer);
  timer = undefined;
  controller?.abort();
  cursor = 0;
  eventRecords.value = [];
  eventsState.value = { loaded: false, failure: null };
}
