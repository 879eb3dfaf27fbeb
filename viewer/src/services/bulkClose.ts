/**
 * "Classer sans suite" for many reports at once (issue 7 point 3, docs/surges.md): for each
 * report, the same two sealed, signed events a single close records (status `classe`, then
 * its expiry, services/caseFile.ts) and the same `PUT /api/v1/reports/{id}/expiry`, so
 * retention treats it exactly as a single close. Events go {@link REPORTS_PER_POST} reports
 * (two events each, at most 500) per `POST /api/v1/events`; expiries go per report,
 * {@link EXPIRY_CONCURRENCY} at a time. Resumable: a batch keeps the exact bytes it posts, so
 * a retry after a lost answer stores nothing twice (the Worker answers an identical retry
 * with the stored seqs), and what was stored stays stored: a retry sends only the rest.
 */
import { signal } from '@preact/signals';
import * as v from 'valibot';
import { ExpiryBody, ReportId } from '../../../schemas/api.ts';
import { PostEventsAnswer, type BulkEvent } from '../../../schemas/events-api.ts';
import { MAX_EVENTS_PER_POST } from '../../../schemas/limits.ts';
import { signedJson } from './api.ts';
import type { EventRecord } from './caseFold.ts';
import { hold, jobFailureOf, sealEvent, type JobFailure } from './caseFile.ts';
import { caseOf } from './caseState.ts';
import { deployment } from './deployment.ts';
import { expiryForStatusChange } from './expiry.ts';
import { reportEntries } from './reports.ts';
import { heldOfficer, onLock } from './session.ts';

/** Two events per report (status, expiry): a full batch is the endpoint's 500. */
export const REPORTS_PER_POST = MAX_EVENTS_PER_POST / 2;
export const EXPIRY_CONCURRENCY = 6;

export interface BulkCloseJob {
  total: number;
  /** Reports whose events and expiry are stored. */
  done: number;
  state: 'sending' | 'failed' | 'done';
  failure: JobFailure | null;
}

export const bulkCloseJob = signal<BulkCloseJob | null>(null);

interface Batch {
  ids: string[];
  events: BulkEvent[];
  records: Array<EventRecord['opened']>;
  expiries: Map<string, string>;
  posted: boolean;
}

let queue: string[] = [];
let batch: Batch | null = null;
let generation = 0;

/** The reports of `ids` a close would change (not already closed): what the button counts. */
export function closable(ids: Iterable<string>): string[] {
  const out: string[] = [];
  for (const id of ids) if (caseOf(id).status !== 'classe') out.push(id);
  return out;
}

async function sealBatch(ids: string[], now: Date): Promise<Batch> {
  const received = new Map(reportEntries.peek().map((e) => [e.id, e.receivedAt]));
  const events: BulkEvent[] = [];
  const records: Batch['records'] = [];
  const expiries = new Map<string, string>();
  const officerId = heldOfficer().officerId;
  for (const id of ids) {
    const status = await sealEvent(id, { type: 'status', status: 'classe' }, now);
    events.push({ reportId: id, ...status.post });
    records.push({ event: status.event, officerId });
    const expiresAt = expiryForStatusChange(caseOf(id).status, 'classe', received.get(id) ?? now.toISOString(), now, deployment.retention);
    if (!expiresAt) continue;
    const expiry = await sealEvent(id, { type: 'expiry', expiresAt }, now);
    events.push({ reportId: id, ...expiry.post });
    records.push({ event: expiry.event, officerId });
    expiries.set(id, expiresAt);
  }
  return { ids, events, records, expiries, posted: false };
}

async function putExpiry(id: string, expiresAt: string): Promise<void> {
  const body = JSON.stringify(v.parse(ExpiryBody, { expiresAt }));
  await signedJson(deployment.apiOrigin, heldOfficer(), { method: 'PUT', target: `/api/v1/reports/${id}/expiry`, body }, v.any());
}

async function sendBatch(b: Batch, gen: number): Promise<void> {
  if (!b.posted) {
    const body = JSON.stringify({ events: b.events });
    const answer = await signedJson(deployment.apiOrigin, heldOfficer(), { method: 'POST', target: '/api/v1/events', body }, PostEventsAnswer);
    if (gen !== generation) return;
    // Our own events: shown at once from what we sealed, without opening them again.
    hold(answer.events.map((a, i) => ({ seq: a.seq, reportId: b.events[i]!.reportId, storedAt: a.at, opened: b.records[i]!, problem: null })));
    b.posted = true;
  }
  const pending = [...b.expiries];
  const worker = async () => {
    for (let next = pending.shift(); next; next = pending.shift()) {
      const [id, expiresAt] = next;
      await putExpiry(id, expiresAt);
      b.expiries.delete(id);
    }
  };
  await Promise.all(Array.from({ length: Math.min(EXPIRY_CONCURRENCY, pending.length) }, worker));
}

function update(patch: Partial<BulkCloseJob>): void {
  const job = bulkCloseJob.peek();
  if (job) bulkCloseJob.value = { ...job, ...patch };
}

async function run(gen: number): Promise<void> {
  while (gen === generation) {
    if (!batch) {
      const ids = queue.slice(0, REPORTS_PER_POST);
      if (!ids.length) {
        update({ state: 'done', failure: null });
        return;
      }
      batch = await sealBatch(ids, new Date());
    }
    await sendBatch(batch, gen);
    if (gen !== generation) return;
    queue = queue.slice(batch.ids.length);
    update({ done: (bulkCloseJob.peek()?.done ?? 0) + batch.ids.length });
    batch = null;
  }
}

async function runGuarded(gen: number): Promise<void> {
  try {
    await run(gen);
  } catch (e) {
    if (gen === generation) update({ state: 'failed', failure: jobFailureOf(e) });
  }
}

/** Closes every report of `ids` not closed yet; resolves when done or failed (the job says). */
export async function closeReports(ids: readonly string[]): Promise<void> {
  if (bulkCloseJob.peek()?.state === 'sending') return;
  queue = closable(ids).filter((id) => v.is(ReportId, id));
  batch = null;
  bulkCloseJob.value = { total: queue.length, done: 0, state: 'sending', failure: null };
  await runGuarded(generation);
}

/** Sends what a failed close has not stored yet, with the same sealed bytes. */
export async function resumeClose(): Promise<void> {
  if (bulkCloseJob.peek()?.state !== 'failed') return;
  update({ state: 'sending', failure: null });
  await runGuarded(generation);
}

/** Forgets a finished or failed close (what was not sent is given up). */
export function dismissClose(): void {
  if (bulkCloseJob.peek()?.state === 'sending') return;
  bulkCloseJob.value = null;
  queue = [];
  batch = null;
}

onLock(() => {
  generation++;
  queue = [];
  batch = null;
  bulkCloseJob.value = null;
});
