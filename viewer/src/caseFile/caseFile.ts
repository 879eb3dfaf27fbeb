/**
 * The case file of every report (PROTOCOL §5 events, issue 4): status, assignee, tags, notes,
 * forwarding and expiry, each a sealed event signed by its author. Every officer sees the same
 * history because it is the Worker's list of events, fetched with `GET /api/v1/events`
 * (paging with `next`), polled every {@link EVENTS_POLL_MS} while unlocked and brought sooner
 * by the live channel's `{"type":"event"}` frames (services/live.ts). Each event is opened in
 * memory (crypto `openCaseEvent`: its signature and author are proven) and the lot folded, in
 * `seq` order, into `caseStates` (services/caseFold.ts), the contract the lists read.
 *
 * Writing: an event is signed with the officer's key and sealed to the newest active police
 * key the keyring holds, then posted. A change is a job of steps (events, then the expiry the
 * Worker is told); each step keeps the exact bytes it posts, so a retry after a lost answer
 * stores nothing twice (the Worker answers an identical retry with the stored seq). Nothing
 * decrypted is ever written to the workstation's storage.
 */
import { computed, effect, signal } from '@preact/signals';
import * as v from 'valibot';
import { IntegrityError, InvalidContentError, openCaseEvent, sealCaseEvent, UnknownKeyError } from '../../../crypto/index.ts';
import { ReportId } from '../../../schemas/api.ts';
import { CaseEventBody, EventList, type CaseEventBodyInput, type CaseStatus, type EventItem, type PostEventBody } from '../../../schemas/caseFile.ts';
import { PostEventAnswer } from '../../../schemas/events-api.ts';
import { ExpiryBody } from '../../../schemas/api.ts';
import { LIST_MAX_LIMIT } from '../../../schemas/limits.ts';
import { isoSeconds } from '../../../schemas/time.ts';
import { ApiError, NetworkError, signedJson } from '../shared/api.ts';
import { buildCaseStates, foldCases, namesOf, type EventRecord } from './caseFold.ts';
import { caseOf, caseStates } from './caseState.ts';
import { deployment } from '../shared/deployment.ts';
import { parseCaseFrame } from './eventFrames.ts';
import { expiryForStatusChange } from './expiry.ts';
import { onLiveFrame } from '../session/live.ts';
import { sealingKey } from '../conversation/messageCrypto.ts';
import { displayName } from '../session/profile.ts';
import { failureOf, reportEntries, type SyncFailure } from '../reports/reports.ts';
import { rosterIds } from '../admin/roster.ts';
import { heldOfficer, heldPoliceKeys, onLock, onUnlock, sessionInfo } from '../session/session.ts';

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

// ---- Writing ----

export type CaseChange =
  | { type: 'status'; status: CaseStatus }
  | { type: 'assign'; assignee: string | null; assigneeName?: string }
  | { type: 'tags'; add: string[]; remove: string[] }
  | { type: 'note'; text: string }
  | { type: 'forward'; unit: string; unitKid: string; reportIds: string[] }
  | { type: 'expiry'; expiresAt: string };

/** What a job is for, so the UI can say it (the case file panel, the forward dialog). */
export type JobKind = 'status' | 'assign' | 'tags' | 'note' | 'forward';
export type JobFailure = 'unreachable' | 'unauthorized' | 'forbidden' | 'gone' | 'unknown-key' | 'refused' | 'server' | 'no-police-key';

type Step = { kind: 'event'; reportId: string; post: PostEventBody } | { kind: 'expiry'; reportId: string; expiresAt: string };

export interface CaseJob {
  id: number;
  kind: JobKind;
  /** The reports it touches (one, or a forwarded selection). */
  reportIds: string[];
  steps: Step[];
  /** Steps done; a retry starts from the first step not done. */
  done: number;
  state: 'sending' | 'failed' | 'done';
  failure: JobFailure | null;
}

/** Jobs of this session, oldest first (finished ones are kept for announcements). */
export const caseJobs = signal<readonly CaseJob[]>([]);
let nextJobId = 1;

export class CaseChangeError extends Error {
  override name = 'CaseChangeError';
  constructor(readonly reason: JobFailure) {
    super(`cannot change the case: ${reason}`);
  }
}

export function jobFailureOf(e: unknown): JobFailure {
  if (e instanceof CaseChangeError) return e.reason;
  if (e instanceof NetworkError) return 'unreachable';
  if (!(e instanceof ApiError)) return 'server';
  if (e.status === 401) return 'unauthorized';
  if (e.status === 403) return 'forbidden';
  if (e.status === 404) return 'gone';
  if (e.status === 422) return 'unknown-key';
  if (e.status >= 400 && e.status < 500) return 'refused';
  return 'server';
}

/**
 * Signs and seals one event for `reportId` with the officer's key and the sealing police key:
 * the body posted and the event as its record will hold it (bulk closing, services/bulkClose.ts).
 */
export async function sealEvent(reportId: string, change: CaseChange, now: Date): Promise<{ post: PostEventBody; event: CaseEventBody }> {
  const police = sealingKey(deployment.policeKeys, heldPoliceKeys());
  if (!police) throw new CaseChangeError('no-police-key');
  const name = displayName.peek();
  const event = v.parse(CaseEventBody, { v: 1, reportId, at: isoSeconds(now), ...(name ? { authorName: name } : {}), ...change } as CaseEventBodyInput);
  return { post: await sealCaseEvent(event, heldOfficer(), police), event };
}

async function sealChange(reportId: string, change: CaseChange, now: Date): Promise<Step> {
  return { kind: 'event', reportId, post: (await sealEvent(reportId, change, now)).post };
}

function updateJob(id: number, patch: Partial<CaseJob>): void {
  caseJobs.value = caseJobs.peek().map((j) => (j.id === id ? { ...j, ...patch } : j));
}

async function runStep(step: Step): Promise<void> {
  // Only a well-formed id goes into a signed target: the URL must be sent exactly as signed.
  if (!v.is(ReportId, step.reportId)) throw new ApiError(404, 'not_found');
  if (step.kind === 'event') {
    const body = JSON.stringify(step.post);
    const answer = await signedJson(deployment.apiOrigin, heldOfficer(), { method: 'POST', target: `/api/v1/reports/${step.reportId}/events`, body }, PostEventAnswer);
    // Shown at once, without waiting for the poll: opened like any other event.
    const record = await openEventItem({ seq: answer.seq, reportId: step.reportId, kid: step.post.kid, sealed: step.post.sealed, at: answer.at }, heldPoliceKeys());
    hold([record]);
  } else {
    const body = JSON.stringify(v.parse(ExpiryBody, { expiresAt: step.expiresAt }));
    await signedJson(deployment.apiOrigin, heldOfficer(), { method: 'PUT', target: `/api/v1/reports/${step.reportId}/expiry`, body }, v.any());
  }
}

async function runJob(id: number): Promise<void> {
  const gen = generation;
  for (;;) {
    const job = caseJobs.peek().find((j) => j.id === id);
    if (!job || gen !== generation) return;
    const step = job.steps[job.done];
    if (!step) {
      updateJob(id, { state: 'done', failure: null });
      return;
    }
    try {
      await runStep(step);
    } catch (e) {
      if (gen === generation) updateJob(id, { state: 'failed', failure: jobFailureOf(e) });
      return;
    }
    if (gen !== generation) return;
    updateJob(id, { done: job.done + 1 });
  }
}

/** Starts a job; resolves when it is done or has failed (the job says which). */
async function startJob(kind: JobKind, reportIds: string[], steps: Step[]): Promise<CaseJob> {
  const job: CaseJob = { id: nextJobId++, kind, reportIds, steps, done: 0, state: 'sending', failure: null };
  caseJobs.value = [...caseJobs.peek(), job];
  await runJob(job.id);
  return caseJobs.peek().find((j) => j.id === job.id) ?? job;
}

/** Retries a failed job from its first step not done, with the same sealed bytes. */
export async function retryJob(id: number): Promise<void> {
  const job = caseJobs.peek().find((j) => j.id === id);
  if (!job || job.state !== 'failed') return;
  updateJob(id, { state: 'sending', failure: null });
  await runJob(id);
}

/** Forgets a failed job (what was not sent is given up). */
export function dismissJob(id: number): void {
  caseJobs.value = caseJobs.peek().filter((j) => j.id !== id || j.state === 'sending');
}

/**
 * Records one change in a report's case file. A change of status into or out of "classé sans
 * suite" also records and tells the Worker the new expiry (services/expiry.ts).
 * @throws CaseChangeError('no-police-key') when the keyring cannot seal
 */
export async function changeCase(reportId: string, receivedAt: string, change: Extract<CaseChange, { type: 'status' | 'assign' | 'tags' | 'note' }>): Promise<CaseJob> {
  const now = new Date();
  const steps: Step[] = [await sealChange(reportId, change, now)];
  if (change.type === 'status') {
    const expiresAt = expiryForStatusChange(caseOf(reportId).status, change.status, receivedAt, now, deployment.retention);
    if (expiresAt) steps.push(await sealChange(reportId, { type: 'expiry', expiresAt }, now), { kind: 'expiry', reportId, expiresAt });
  }
  return startJob(change.type, [reportId], steps);
}

/** Records the same forwarding in each forwarded report's case file, and optionally "transmis". */
export async function recordForward(reports: ReadonlyArray<{ id: string; receivedAt: string }>, unit: { name: string; kid: string }, markTransmitted: boolean): Promise<CaseJob> {
  const now = new Date();
  const ids = reports.map((r) => r.id);
  const steps: Step[] = [];
  for (const r of reports) {
    steps.push(await sealChange(r.id, { type: 'forward', unit: unit.name, unitKid: unit.kid, reportIds: ids }, now));
    const from = caseOf(r.id).status;
    if (markTransmitted && from !== 'transmis') {
      steps.push(await sealChange(r.id, { type: 'status', status: 'transmis' }, now));
      const expiresAt = expiryForStatusChange(from, 'transmis', r.receivedAt, now, deployment.retention);
      if (expiresAt) steps.push(await sealChange(r.id, { type: 'expiry', expiresAt }, now), { kind: 'expiry', reportId: r.id, expiresAt });
    }
  }
  return startJob('forward', ids, steps);
}

/** Whether this keyring can write to case files (it holds an active police key to seal to). */
export function canSealEvents(): boolean {
  try {
    return sealingKey(deployment.policeKeys, heldPoliceKeys()) !== null;
  } catch {
    return false;
  }
}

/** The schema's limit for a note (schemas/caseFile.ts). */
export const NOTE_MAX = 20_000;
/** A sealed event holds at most 65535 bytes of envelope (PROTOCOL §2 padding, largest bucket). */
const ENVELOPE_MAX = 65_535;
/** Room for the envelope's other fields (ids, key, signature, escapes) around the event. */
const ENVELOPE_OVERHEAD = 400;

export type NoteProblem = 'empty' | 'too-long';

/**
 * Why `text` cannot be a note, or null. Besides the schema's length, the event is a JSON string
 * inside the sealed JSON envelope, so quotes and control characters count several times.
 */
export function noteProblem(text: string): NoteProblem | null {
  const t = text.trim();
  if (!t) return 'empty';
  if (t.length > NOTE_MAX) return 'too-long';
  const doubled = JSON.stringify(JSON.stringify({ type: 'note', text: t, authorName: displayName.peek() }));
  if (new TextEncoder().encode(doubled).length + ENVELOPE_OVERHEAD > ENVELOPE_MAX) return 'too-long';
  return null;
}

/** The officer's own id, for "moi" (null when locked). */
export const myOfficerId = computed(() => sessionInfo.value?.officerId ?? null);

/** Forgets a deleted report's events (its case file went with it, PROTOCOL §5). */
export function dropReportEvents(reportId: string): void {
  const kept = eventRecords.peek().filter((r) => r.reportId !== reportId);
  if (kept.length !== eventRecords.peek().length) eventRecords.value = kept;
}

// ---- caseStates, the shared contract ----

// Every change of events, reports or roster rebuilds the derived states: one pass, a few
// milliseconds for ten thousand reports, and changes in one burst (pages of reports joining
// the list one after the other) rebuild once.
let rebuildQueued = false;
function rebuild(): void {
  rebuildQueued = false;
  const folded = foldCases(eventRecords.peek(), rosterIds.peek());
  caseStates.value = buildCaseStates(reportEntries.peek(), folded, deployment.retention, officerNames.peek());
}
effect(() => {
  void eventRecords.value;
  void rosterIds.value;
  void reportEntries.value;
  if (rebuildQueued) return;
  rebuildQueued = true;
  queueMicrotask(rebuild);
});

function startPolling(): void {
  clearTimeout(timer);
  const gen = generation;
  const tick = async () => {
    await refreshEvents();
    if (gen === generation) timer = setTimeout(tick, EVENTS_POLL_MS);
  };
  void tick();
}

onUnlock(startPolling);
onLiveFrame((data) => void onFrame(data).catch(() => undefined));

// Locking drops every opened event and stops the poll (the document reload follows).
onLock(() => {
  generation++;
  clearTimeout(timer);
  timer = undefined;
  controller?.abort();
  cursor = 0;
  eventRecords.value = [];
  caseJobs.value = [];
  eventsState.value = { loaded: false, failure: null };
});
