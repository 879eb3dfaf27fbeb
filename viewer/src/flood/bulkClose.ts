/**
 * "Classer sans suite" for many reports at once (issue 7 point 3, docs/surges.md): for each
 * report, the same two sealed, signed events a single close records (status `classe`, then
 * its expiry, caseFile/events.ts) and the same expiry on the Worker, so retention treats it
 * exactly as a single close. Per batch of {@link REPORTS_PER_POST} reports: one
 * `POST /api/v1/events` (two events each, at most 500), then one `PUT /api/v1/expiries` for
 * the same reports (docs/api.md "Bulk expiries"). Resumable: a batch keeps the exact bytes of
 * both requests, so a retry after a lost answer stores nothing twice (the Worker answers an
 * identical event retry with the stored seqs; setting the same expiries again is harmless),
 * and what was stored stays stored: a retry sends only the rest.
 */
import { signal } from '@preact/signals';
import * as v from 'valibot';
import { ReportId } from '../../../schemas/api.ts';
import { PostEventsAnswer, type BulkEvent } from '../../../schemas/events-api.ts';
import { PutExpiriesBody, type BulkExpiry } from '../../../schemas/expiry-api.ts';
import { MAX_EVENTS_PER_POST } from '../../../schemas/limits.ts';
import { signedJson } from '../shared/api.ts';
import type { EventRecord } from '../caseFile/caseFold.ts';
import { jobFailureOf, sealEvent, type JobFailure } from '../caseFile/caseJobs.ts';
import { hold } from '../caseFile/events.ts';
import { caseOf } from '../caseFile/caseState.ts';
import { deployment } from '../shared/deployment.ts';
import { expiryForStatusChange } from '../caseFile/expiry.ts';
import { reportEntries } from '../reports/reports.ts';
import { heldOfficer } from '../session/session.ts';

/** Two events per report (status, expiry): a full batch is the endpoint's 500 (and 250 expiries of 500). */
export const REPORTS_PER_POST = MAX_EVENTS_PER_POST / 2;

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
  /** The exact bodies sent, kept until stored so that a retry resends the same bytes. */
  eventsBody: string;
  /** `null` when no report of the batch gets an expiry (or once they are set). */
  expiriesBody: string | null;
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
  const expiries: BulkExpiry[] = [];
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
    expiries.push({ reportId: id, expiresAt });
  }
  const expiriesBody = expiries.length ? JSON.stringify(v.parse(PutExpiriesBody, { expiries })) : null;
  return { ids, events, records, eventsBody: JSON.stringify({ events }), expiriesBody, posted: false };
}

async function sendBatch(b: Batch, gen: number): Promise<void> {
  if (!b.posted) {
    const answer = await signedJson(deployment.apiOrigin, heldOfficer(), { method: 'POST', target: '/api/v1/events', body: b.eventsBody }, PostEventsAnswer);
    if (gen !== generation) return;
    // Our own events: shown at once from what we sealed, without opening them again.
    hold(answer.events.map((a, i) => ({ seq: a.seq, reportId: b.events[i]!.reportId, storedAt: a.at, opened: b.records[i]!, problem: null })));
    b.posted = true;
  }
  if (b.expiriesBody !== null) {
    // `204`, no body: nothing to parse (as the single PUT expiry, caseFile/events.ts).
    await signedJson(deployment.apiOrigin, heldOfficer(), { method: 'PUT', target: '/api/v1/expiries', body: b.expiriesBody }, v.any());
    if (gen !== generation) return;
    b.expiriesBody = null;
  }
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

/** On lock: forgets the bulk close; a batch still running stops at its next step. */
export function stopBulkClose(): void {
  generation++;
  queue = [];
  batch = null;
  bulkCloseJob.value = null;
}
