/**
 * "Suivre mon signalement" (issue 3, PROTOCOL §4): everything the follow-up screen shows and
 * does, so that the screen itself only calls this module.
 *
 * A receipt code, typed on any device (any case, spaces or dashes, O for 0, I/L for 1), is
 * read in the crypto worker, which derives the report id and mailbox secret and keeps the
 * reply secret key to itself. The conversation is fetched with `Authorization: Mailbox …`,
 * opened on the device, and kept up to date live or by polling (services/live.ts). A code
 * that cannot be read and a code the Worker does not know give the same "Code inconnu";
 * no connection says so instead. Answers are sealed at once and wait in the outbox with the
 * reports (services/outbox.ts). Everything here lives in memory only, and leaving the screen
 * forgets it: the code, the keys' results and the decrypted text.
 */
import deployment from 'virtual:deployment';
import { computed, signal } from '@preact/signals';
import { activePoliceKey } from '../../../schemas/deployment.ts';
import { mailboxAuthorization, type MessageItem } from '../../../schemas/mailbox-api.ts';
import { isoMinute } from '../../../schemas/time.ts';
import { sealDraft } from '../../../crypto/draftBox.ts';
import type { SealedItem } from '../workers/cryptoMessages.ts';
import { announceChange, onChange } from './changes.ts';
import { buildThread, holdMessages, lastPoliceSeq, pollAfter, type PendingAnswer, type ThreadItem } from './conversation.ts';
import { CryptoWorkerError, followInWorker, openInWorker, sealAnswerInWorker } from './cryptoWorker.ts';
import { db, localDay, type OutboxRow, type ProofState } from './db.ts';
import { boxId, deviceKey } from './deviceKey.ts';
import { forgetCode, isKept, keepCode, keptCode, markSeen } from './keptCodes.ts';
import { watchMailbox, type LiveMode, type MailboxWatch } from './live.ts';
import { liveSocketUrl } from './liveFrames.ts';
import { mailboxPath, readMailbox } from './mailbox.ts';
import { afterEnqueue } from './outboxRunner.ts';

/** A message body's longest text (schemas/message.ts). */
export const MAX_ANSWER_CHARS = 20_000;

export type FollowPhase =
  | { kind: 'idle' }
  | { kind: 'opening' }
  /** A code that cannot be read, or that the Worker does not know: the same to the resident. */
  | { kind: 'unknown' }
  | { kind: 'offline' }
  | { kind: 'failed' }
  /** The report is still in this phone's outbox: there is no conversation yet. */
  | { kind: 'not-delivered'; id: string; status: 'waiting' | 'rejected' }
  | { kind: 'open'; id: string };

/** What this phone knows of the report itself (nothing when followed from another device). */
export type LocalReport = { status: 'sent'; proof?: ProofState | 'pending' } | null;

export const phase = signal<FollowPhase>({ kind: 'idle' });
export const thread = signal<ThreadItem[]>([]);
export const liveMode = signal<LiveMode>('connecting');
export const localReport = signal<LocalReport>(null);
/** Police messages that arrived while the conversation was open (for the polite announcement). */
export const arrivals = signal(0);
export const keptHere = computed(() => {
  const p = phase.value;
  return p.kind === 'open' && isKept(p.id);
});

interface Session {
  gen: number;
  id: string;
  /** The code in canonical form: in memory only while the screen is open. */
  code: string;
  authorization: string;
  target: string;
  held: Map<number, MessageItem>;
  polledUpTo: number;
  /** Opened text by sealed bytes; null: does not open. */
  opened: Map<string, string | null>;
  pending: PendingAnswer[];
  /** Sealed bytes of answers seen in the outbox; one gone from it is being confirmed. */
  seenInOutbox: Set<string>;
  loaded: boolean;
  watch?: MailboxWatch;
  unsubscribe?: () => void;
}

let generation = 0;
let session: Session | undefined;

const fetchFn = (input: string, init?: RequestInit) => fetch(input, init);
const policeKeys = () => deployment.policeKeys.map(({ kid, publicKey }) => ({ kid, publicKey }));
const current = (gen: number) => (session && session.gen === gen ? session : undefined);

/** Leaves the conversation: stops the socket and polls, forgets the code and every text. */
export function closeFollowUp(): void {
  generation++;
  session?.watch?.stop();
  session?.unsubscribe?.();
  session = undefined;
  phase.value = { kind: 'idle' };
  thread.value = [];
  localReport.value = null;
  arrivals.value = 0;
  liveMode.value = 'connecting';
}

/** What this phone's outbox and sent list say about report `id`. */
async function localStateOf(id: string): Promise<{ outbox?: OutboxRow; sent?: LocalReport }> {
  const database = await db();
  const [row, sent] = await Promise.all([database.outbox.get(id), database.sent.get(id)]);
  if (row && row.kind === 'report') return { outbox: row };
  if (sent) return { sent: { status: 'sent', ...(sent.proof ? { proof: sent.proof } : sent.receipt ? { proof: 'pending' as const } : {}) } };
  return {};
}

/** Opens the conversation of a typed (or kept) receipt code. */
export async function openWithCode(typed: string): Promise<void> {
  closeFollowUp();
  const gen = generation;
  phase.value = { kind: 'opening' };
  let keys;
  try {
    keys = await followInWorker(typed);
  } catch (e) {
    if (gen !== generation) return;
    phase.value = e instanceof CryptoWorkerError && e.reason === 'ReceiptCodeError' ? { kind: 'unknown' } : { kind: 'failed' };
    return;
  }
  if (gen !== generation) return;
  const s: Session = {
    gen,
    id: keys.id,
    code: keys.code,
    authorization: mailboxAuthorization(keys.mailboxSecret),
    target: mailboxPath(keys.id),
    held: new Map(),
    polledUpTo: 0,
    opened: new Map(),
    pending: [],
    seenInOutbox: new Set(),
    loaded: false,
  };
  session = s;
  // Outbox and lists change here, in other tabs and in the service worker.
  s.unsubscribe = onChange(() => void onLocalChange(gen));
  await load(gen);
}

/** Opens a conversation whose code is kept on this phone. */
export async function openKept(id: string): Promise<void> {
  const kept = await keptCode(id);
  if (!kept) {
    closeFollowUp();
    phase.value = { kind: 'unknown' };
    return;
  }
  await openWithCode(kept.code);
}

async function load(gen: number): Promise<void> {
  const s = current(gen);
  if (!s) return;
  const local = await localStateOf(s.id);
  if (!current(gen)) return;
  if (local.outbox) {
    // Not delivered yet: nothing to read; it opens by itself once it is (onLocalChange).
    phase.value = { kind: 'not-delivered', id: s.id, status: local.outbox.state };
    return;
  }
  localReport.value = local.sent ?? null;
  const read = await readMailbox(fetchFn, s.target, s.authorization, 0);
  if (!current(gen)) return;
  if (read.kind === 'unknown') {
    closeFollowUp();
    phase.value = { kind: 'unknown' };
    return;
  }
  if (read.kind !== 'ok') {
    const offline = read.kind === 'network_error';
    closeFollowUp();
    phase.value = offline ? { kind: 'offline' } : { kind: 'failed' };
    return;
  }
  await hold(gen, read.messages, true);
  await refreshPending(gen);
  if (!current(gen)) return;
  s.loaded = true;
  phase.value = { kind: 'open', id: s.id };
  s.watch = watchMailbox({
    url: liveSocketUrl(location.href, s.id),
    authorization: s.authorization,
    poll: () => poll(gen),
    onMessage: (m) => void hold(gen, [m], false),
    onMode: (mode) => {
      if (current(gen)) liveMode.value = mode;
    },
  });
}

/** One poll from the cursor; true when the server answered. */
async function poll(gen: number): Promise<boolean> {
  const s = current(gen);
  if (!s) return false;
  const after = pollAfter(s.held, s.polledUpTo);
  const read = await readMailbox(fetchFn, s.target, s.authorization, after);
  if (!current(gen) || read.kind !== 'ok') return false;
  s.polledUpTo = Math.max(after, ...read.messages.map((m) => m.seq));
  await hold(gen, read.messages, true);
  return true;
}

/** Holds messages (deduplicated by `seq`), opens the new ones on the device, redraws. */
async function hold(gen: number, incoming: MessageItem[], fromPoll: boolean): Promise<void> {
  const s = current(gen);
  if (!s) return;
  const { held, added } = holdMessages(s.held, incoming);
  if (!added.length) return;
  s.held = held;
  const toOpen = added.filter((m) => !s.opened.has(m.sealed));
  draw(s);
  if (toOpen.length) {
    const opened = await openInWorker(s.code, toOpen.map((m): SealedItem => ({ key: m.sealed, kid: m.kid, sealed: m.sealed })), policeKeys()).catch(() => toOpen.map((m) => ({ key: m.sealed, ok: false as const })));
    if (!current(gen)) return;
    for (const o of opened) s.opened.set(o.key, o.ok ? o.body : null);
  }
  if (s.loaded) arrivals.value += added.filter((m) => m.from === 'police').length;
  draw(s);
  // A message pushed past a gap: the poll fills the gap now rather than at the next tick.
  if (!fromPoll && pollAfter(s.held, s.polledUpTo) < Math.max(...s.held.keys())) s.watch?.pollNow();
  if (isKept(s.id)) void markSeen(s.id, lastPoliceSeq(s.held)).catch(() => undefined);
}

function draw(s: Session): void {
  thread.value = buildThread(s.held, s.opened, s.pending);
}

/** Reads this conversation's answers from the outbox (they may change in the service worker). */
async function refreshPending(gen: number): Promise<void> {
  const s = current(gen);
  if (!s) return;
  const rows = (await (await db()).outbox.toArray()).filter((r) => r.kind === 'message' && r.mailboxId === s.id);
  if (!current(gen)) return;
  const inOutbox = new Map(rows.map((r) => [(JSON.parse(r.body) as { sealed: string }).sealed, r]));
  const storedSealed = new Set([...s.held.values()].map((m) => m.sealed));
  let left = false;
  const pending: PendingAnswer[] = [];
  for (const [sealed, row] of inOutbox) {
    s.seenInOutbox.add(sealed);
    pending.push({ sealed, state: row.state, ...(row.errorCode ? { errorCode: row.errorCode } : {}) });
  }
  // Gone from the outbox but not listed yet: delivered, being confirmed by the next poll.
  for (const sealed of s.seenInOutbox) {
    if (inOutbox.has(sealed) || storedSealed.has(sealed)) continue;
    pending.push({ sealed, state: 'sending' });
    left = true;
  }
  s.pending = pending;
  const toOpen = rows.filter((r) => !s.opened.has((JSON.parse(r.body) as { sealed: string }).sealed));
  if (toOpen.length) {
    const items = toOpen.map((r): SealedItem => {
      const body = JSON.parse(r.body) as { kid: string; sealed: string };
      return { key: body.sealed, kid: body.kid, sealed: body.sealed };
    });
    const opened = await openInWorker(s.code, items, policeKeys()).catch(() => items.map((i) => ({ key: i.key, ok: false as const })));
    if (!current(gen)) return;
    for (const o of opened) s.opened.set(o.key, o.ok ? o.body : null);
  }
  draw(s);
  if (left) s.watch?.pollNow();
}

async function onLocalChange(gen: number): Promise<void> {
  const s = current(gen);
  if (!s) return;
  const p = phase.peek();
  if (p.kind === 'not-delivered') {
    // The report left the outbox (delivered): the conversation can open now.
    const local = await localStateOf(s.id);
    if (!current(gen)) return;
    if (local.outbox) phase.value = { kind: 'not-delivered', id: s.id, status: local.outbox.state };
    else await load(gen);
    return;
  }
  if (p.kind !== 'open') return;
  const local = await localStateOf(s.id);
  if (current(gen)) localReport.value = local.sent ?? localReport.peek();
  await refreshPending(gen);
}

export type AnswerResult = 'sealed' | 'empty' | 'too-long' | 'failed';

/**
 * Seals an answer at once (§4: police public key of the newest active kid, reply secret key)
 * and puts it in the outbox with its mailbox authorisation boxed under the device key, so
 * that this page or the service worker delivers it when a connection appears.
 */
export async function sendAnswer(text: string): Promise<AnswerResult> {
  const s = session;
  if (!s || phase.peek().kind !== 'open') return 'failed';
  const body = text.trim();
  if (!body) return 'empty';
  if (body.length > MAX_ANSWER_CHARS) return 'too-long';
  const gen = s.gen;
  let sealed;
  try {
    sealed = await sealAnswerInWorker(s.code, body, isoMinute(new Date()), activePoliceKey(deployment));
  } catch (e) {
    return e instanceof CryptoWorkerError && (e.reason === 'TooLargeError' || e.reason === 'ValiError') ? 'too-long' : 'failed';
  }
  const rowId = crypto.randomUUID();
  const auth = await sealDraft(await deviceKey(), boxId.outboxAuth(rowId), s.authorization);
  const row: OutboxRow = {
    id: rowId,
    kind: 'message',
    target: s.target,
    body: JSON.stringify({ kid: sealed.kid, sealed: sealed.sealed }),
    state: 'waiting',
    day: localDay(),
    attempts: 0,
    nextAttemptAt: 0,
    order: Date.now(),
    mailboxId: s.id,
    auth,
    sinceSeq: pollAfter(s.held, s.polledUpTo),
  };
  await (await db()).outbox.add(row);
  if (current(gen)) {
    // The resident just wrote it: no need to open it again.
    s.opened.set(sealed.sealed, body);
    await refreshPending(gen);
  }
  announceChange();
  void afterEnqueue();
  return 'sealed';
}

/** "Garder ce code sur ce téléphone" for the open conversation. */
export async function setKeepOpenCode(keep: boolean): Promise<void> {
  const s = session;
  if (!s) return;
  if (keep) await keepCode(s.id, s.code, lastPoliceSeq(s.held));
  else await forgetCode(s.id);
}

/** Puts a refused answer back in the queue. */
export async function retryAnswer(sealed: string): Promise<void> {
  const s = session;
  if (!s) return;
  const database = await db();
  const row = (await database.outbox.toArray()).find((r) => r.kind === 'message' && r.mailboxId === s.id && (JSON.parse(r.body) as { sealed: string }).sealed === sealed);
  if (!row) return;
  await database.outbox.update(row.id, { state: 'waiting', errorCode: undefined, attempts: 0, nextAttemptAt: 0, holdUntil: 0 });
  announceChange();
  void afterEnqueue();
}
