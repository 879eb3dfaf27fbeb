/**
 * Questions an officer sends to a reporter (PROTOCOL §4): sealed at once in memory, then
 * posted with a signed request (§5). A question keeps the SAME sealed body for every retry,
 * and before a retry the conversation is fetched: if the earlier attempt was stored (its
 * answer lost on the way back), the stored copy is recognised by its sealed text and nothing
 * is posted again, so a retry never duplicates a question. The same recognition settles a
 * question whose copy comes back by the live channel or the poll before its own answer.
 */
import { signal } from '@preact/signals';
import type { PostMessageBody } from '../../../schemas/mailbox-api.ts';
import { PostMessageAnswer } from '../../../schemas/mailbox-api.ts';
import { requestFailureOf, signedJson, type RequestFailure } from '../shared/api.ts';
import { deployment } from '../shared/deployment.ts';
import { fetchConversation, holdMessages, onNewMessages } from './inbox.ts';
import { bodyProblem, cleanBody, type BodyProblem } from './messageBody.ts';
import { sealingKey, sealQuestion } from './messageCrypto.ts';
import type { ReportEntry } from '../reports/reportEntry.ts';
import { heldOfficer, heldPoliceKeys } from '../session/session.ts';

/** Why a question cannot be written at all for this report. */
export type WriteBlock = 'no-mailbox' | 'no-reply-key' | 'no-police-key';

/** Why a question did not reach the server (it stays, to be retried or discarded). */
export type SendFailure = RequestFailure;

export class ComposeError extends Error {
  override name = 'ComposeError';
  constructor(readonly reason: BodyProblem | WriteBlock) {
    super(`cannot send: ${reason}`);
  }
}

export interface Outgoing {
  localId: number;
  reportId: string;
  body: string;
  /** Sealed once; every retry posts these exact bytes. */
  post: PostMessageBody;
  state: 'sending' | 'failed';
  failure: SendFailure | null;
}

/** Questions not yet stored by the server, oldest first. */
export const outgoing = signal<readonly Outgoing[]>([]);
/** `reportId:seq` of the questions sent from this page (shown as "you"). */
export const sentByMe = signal<ReadonlySet<string>>(new Set());
/** The last outcome, for a polite announcement in the conversation. */
export const sendOutcome = signal<{ reportId: string; kind: 'sent' | 'failed'; at: Date } | null>(null);

let generation = 0;
let nextLocalId = 1;

export const messageKey = (reportId: string, seq: number) => `${reportId}:${seq}`;

/** What keeps an officer from writing to this report's reporter, or null. */
export function writeBlock(entry: ReportEntry): WriteBlock | null {
  if (!entry.mailbox) return 'no-mailbox';
  if (!entry.report?.replyTo) return 'no-reply-key';
  if (!sealingKey(deployment.policeKeys, heldPoliceKeys())) return 'no-police-key';
  return null;
}

export function sendFailureOf(e: unknown): SendFailure {
  return requestFailureOf(e);
}

const find = (localId: number) => outgoing.peek().find((o) => o.localId === localId);

function update(localId: number, patch: Partial<Outgoing>): void {
  outgoing.value = outgoing.peek().map((o) => (o.localId === localId ? { ...o, ...patch } : o));
}

/** The server holds this question as `seq`: it leaves the outbox and shows as sent. */
function settle(o: Outgoing, seq: number): void {
  outgoing.value = outgoing.peek().filter((x) => x.localId !== o.localId);
  const mine = new Set(sentByMe.peek());
  mine.add(messageKey(o.reportId, seq));
  sentByMe.value = mine;
  sendOutcome.value = { reportId: o.reportId, kind: 'sent', at: new Date() };
}

async function deliver(localId: number, checkFirst: boolean): Promise<void> {
  const gen = generation;
  const o = find(localId);
  if (!o) return;
  update(localId, { state: 'sending', failure: null });
  try {
    if (checkFirst) {
      // A stored copy settles it through `onNewMessages` below.
      await fetchConversation(o.reportId);
      if (gen !== generation || !find(localId)) return;
    }
    const body = JSON.stringify(o.post);
    const answer = await signedJson(deployment.apiOrigin, heldOfficer(), { method: 'POST', target: `/api/v1/reports/${o.reportId}/messages`, body }, PostMessageAnswer);
    if (gen !== generation) return;
    holdMessages(o.reportId, [{ seq: answer.seq, from: 'police', kid: o.post.kid, sealed: o.post.sealed, at: answer.at }]);
    const still = find(localId);
    if (still) settle(still, answer.seq);
  } catch (e) {
    if (gen !== generation || !find(localId)) return;
    update(localId, { state: 'failed', failure: sendFailureOf(e) });
    sendOutcome.value = { reportId: o.reportId, kind: 'failed', at: new Date() };
  }
}

/**
 * Seals `text` to the report's reporter with the deployment's active police key and sends it.
 * Resolves once sealed and queued; sending goes on in the background (see {@link outgoing}).
 * @throws ComposeError when the text or the report does not allow it
 */
export async function sendQuestion(entry: ReportEntry, text: string): Promise<void> {
  const block = writeBlock(entry);
  if (block) throw new ComposeError(block);
  const problem = bodyProblem(text);
  if (problem) throw new ComposeError(problem);
  const key = sealingKey(deployment.policeKeys, heldPoliceKeys())!;
  const gen = generation;
  const body = cleanBody(text);
  const post = await sealQuestion(body, entry.report!.replyTo!, key, new Date());
  if (gen !== generation) return;
  const o: Outgoing = { localId: nextLocalId++, reportId: entry.id, body, post, state: 'sending', failure: null };
  outgoing.value = [...outgoing.peek(), o];
  void deliver(o.localId, false);
}

/** Sends a failed question again, with the same sealed body (never a second copy). */
export function retryQuestion(localId: number): Promise<void> {
  const o = find(localId);
  if (!o || o.state === 'sending') return Promise.resolve();
  return deliver(localId, true);
}

/** Gives up a failed question (it was never stored). */
export function discardQuestion(localId: number): void {
  outgoing.value = outgoing.peek().filter((o) => o.localId !== localId || o.state === 'sending');
}

let stopListening: (() => void) | undefined;

/**
 * Starts after unlock (session/start.ts): a stored police message with the sealed text of a
 * question in the outbox is that question.
 */
export function startOutgoing(): void {
  stopListening?.();
  stopListening = onNewMessages((reportId, added) => {
    for (const m of added) {
      if (m.from !== 'police') continue;
      const o = outgoing.peek().find((x) => x.reportId === reportId && x.post.sealed === m.sealed);
      if (o) settle(o, m.seq);
    }
  });
}

/** On lock: forgets the questions being sent. */
export function stopOutgoing(): void {
  stopListening?.();
  stopListening = undefined;
  generation++;
  outgoing.value = [];
  sentByMe.value = new Set();
  sendOutcome.value = null;
}
