/**
 * Writing to the case files (PROTOCOL §5 events, issue 4): an event is signed with the
 * officer's key and sealed to the newest active police key the keyring holds, then posted. A
 * change is a job of steps (events, then the expiry the Worker is told); each step keeps the
 * exact bytes it posts, so a retry after a lost answer stores nothing twice (the Worker
 * answers an identical retry with the stored seq). A posted event is held at once
 * (caseFile/events.ts), without waiting for the poll.
 */
import { signal } from '@preact/signals';
import * as v from 'valibot';
import { sealCaseEvent } from '../../../crypto/index.ts';
import { ExpiryBody, ReportId } from '../../../schemas/api.ts';
import { CaseEventBody, type CaseEventBodyInput, type CaseStatus, type PostEventBody } from '../../../schemas/caseFile.ts';
import { PostEventAnswer } from '../../../schemas/events-api.ts';
import { isoSeconds } from '../../../schemas/time.ts';
import { ApiError, requestFailureOf, signedJson, type RequestFailure } from '../shared/api.ts';
import { deployment } from '../shared/deployment.ts';
import { sealingKey } from '../conversation/messageCrypto.ts';
import { displayName } from '../session/profile.ts';
import { heldOfficer, heldPoliceKeys } from '../session/session.ts';
import { caseOf } from './caseState.ts';
import { hold, openEventItem } from './events.ts';
import { expiryForStatusChange } from './expiry.ts';

let generation = 0;

export type CaseChange =
  | { type: 'status'; status: CaseStatus }
  | { type: 'assign'; assignee: string | null; assigneeName?: string }
  | { type: 'tags'; add: string[]; remove: string[] }
  | { type: 'note'; text: string }
  | { type: 'forward'; unit: string; unitKid: string; reportIds: string[] }
  | { type: 'expiry'; expiresAt: string };

/** What a job is for, so the UI can say it (the case file panel, the forward dialog). */
export type JobKind = 'status' | 'assign' | 'tags' | 'note' | 'forward';
export type JobFailure = RequestFailure | 'no-police-key';

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
  return requestFailureOf(e);
}

/**
 * Signs and seals one event for `reportId` with the officer's key and the sealing police key:
 * the body posted and the event as its record will hold it (bulk closing, flood/bulkClose.ts).
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
 * suite" also records and tells the Worker the new expiry (caseFile/expiry.ts).
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

/** On lock: forgets this session's jobs; one still running stops at its next step. */
export function stopCaseJobs(): void {
  generation++;
  caseJobs.value = [];
}
