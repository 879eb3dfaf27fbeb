/**
 * Every follow-up message of the town (both directions, still sealed), held in memory only
 * and opened on demand (conversation/conversation.ts). Kept complete by polling
 * `GET /api/v1/messages?after=<arrival>` (PROTOCOL §5) every {@link INBOX_POLL_MS} while
 * unlocked; the live channel (session/live.ts) only brings messages sooner. Each message is
 * held once per report and `seq` (conversation/thread.ts), however many ways it arrives.
 *
 * Read state: which reporter answers this officer has seen lives in memory only and is lost
 * on lock. After unlocking, a conversation whose last messages are the reporter's (no police
 * message since) counts as unread, so an answer that came while nobody was looking is never
 * missed, and nothing about conversations is written to the workstation.
 */
import { batch, computed, signal } from '@preact/signals';
import * as v from 'valibot';
import { ReportId } from '../../../schemas/api.ts';
import { LIST_MAX_LIMIT } from '../../../schemas/limits.ts';
import { InboxList, MessageList, type InboxMessage, type MessageItem } from '../../../schemas/mailbox-api.ts';
import { signedJson } from '../shared/api.ts';
import { deployment } from '../shared/deployment.ts';
import { failureOf, type SyncFailure } from '../reports/reports.ts';
import { heldOfficer } from '../session/session.ts';
import { byReport, contiguousSeq, lastSeqOf, mergeThread, noteArrival, notePage, START_CURSOR, toThreadMessage, unreadSeqs, type ArrivalCursor, type Thread } from './thread.ts';

/**
 * How often the inbox is polled, live channel or not. 10 s: the same as the report list; a
 * resident's answer is seen within a few seconds by the live channel, and within 10 s
 * without it; a signed GET every 10 s per workstation costs the Worker next to nothing.
 */
export const INBOX_POLL_MS = 10_000;

export interface InboxState {
  loaded: boolean;
  failure: SyncFailure | null;
  checkedAt: Date | null;
}

/** Every conversation held, by report id. */
export const threads = signal<ReadonlyMap<string, Thread>>(new Map());
/** Per report, the highest seq this officer has seen in its open conversation. */
const readUpTo = signal<ReadonlyMap<string, number>>(new Map());
export const inboxState = signal<InboxState>({ loaded: false, failure: null, checkedAt: null });

/** Reports with reporter answers this officer has not seen, and how many. */
export const unreadByReport = computed(() => {
  const out = new Map<string, number>();
  for (const [id, thread] of threads.value) {
    const n = unreadSeqs(thread, readUpTo.value.get(id) ?? 0).length;
    if (n) out.set(id, n);
  }
  return out;
});
export const unreadReportCount = computed(() => unreadByReport.value.size);

/** Reporter answers that arrived after the first load, for a polite announcement on the list. */
export const lastAnswerArrival = signal<{ reports: number; at: Date } | null>(null);

type NewMessagesListener = (reportId: string, added: readonly MessageItem[]) => void;
const listeners = new Set<NewMessagesListener>();

/** Tells `listener` about every message newly held (sending reconciles with it). */
export function onNewMessages(listener: NewMessagesListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

let generation = 0;
let cursor: ArrivalCursor = START_CURSOR;
let timer: ReturnType<typeof setTimeout> | undefined;
let inflight: Promise<void> | undefined;
let controller: AbortController | undefined;

/** Adds messages of several reports at once; returns how many reports got new reporter answers. */
function ingest(groups: ReadonlyMap<string, readonly MessageItem[]>): number {
  const news: Array<[string, MessageItem[]]> = [];
  let next: Map<string, Thread> | undefined;
  for (const [reportId, items] of groups) {
    const { thread, added } = mergeThread((next ?? threads.value).get(reportId), items);
    if (!added.length) continue;
    next ??= new Map(threads.value);
    next.set(reportId, thread);
    news.push([reportId, added]);
  }
  if (!next) return 0;
  threads.value = next;
  for (const [reportId, added] of news) for (const l of listeners) l(reportId, added);
  return news.filter(([, added]) => added.some((m) => m.from === 'reporter')).length;
}

function announce(reports: number): void {
  if (reports && inboxState.value.loaded) lastAnswerArrival.value = { reports, at: new Date() };
}

/** Holds messages of one report (a stored question, a fetched conversation). */
export function holdMessages(reportId: string, items: readonly MessageItem[]): void {
  announce(ingest(new Map([[reportId, items]])));
}

/** A message pushed by the live channel. */
export function holdLiveMessage(m: InboxMessage): void {
  batch(() => {
    announce(ingest(new Map([[m.reportId, [toThreadMessage(m)]]])));
    cursor = noteArrival(cursor, m.arrival);
  });
}

async function fetchNew(gen: number, signal: AbortSignal): Promise<void> {
  let after = cursor.after;
  for (;;) {
    const target = `/api/v1/messages?after=${after}&limit=${LIST_MAX_LIMIT}`;
    const page = await signedJson(deployment.apiOrigin, heldOfficer(), { method: 'GET', target, signal }, InboxList);
    if (gen !== generation) return;
    batch(() => {
      announce(ingest(byReport(page.messages)));
      const last = page.messages.reduce((n, m) => Math.max(n, m.arrival), after);
      cursor = notePage(cursor, Math.max(last, page.next ?? 0));
    });
    // `next` is authoritative (PROTOCOL §5); a cursor that does not move would loop forever.
    if (page.next === null || page.next <= after) return;
    after = page.next;
  }
}

/** Fetches every message not yet held. Concurrent calls share one run. */
export function refreshInbox(): Promise<void> {
  inflight ??= (async () => {
    const gen = generation;
    controller = new AbortController();
    try {
      await fetchNew(gen, controller.signal);
      if (gen === generation) inboxState.value = { loaded: true, failure: null, checkedAt: new Date() };
    } catch (e) {
      if (gen === generation) inboxState.value = { ...inboxState.value, failure: failureOf(e), checkedAt: new Date() };
    } finally {
      inflight = undefined;
    }
  })();
  return inflight;
}

/**
 * Fetches one report's conversation (`GET /api/v1/reports/{id}/messages`) from its first gap:
 * opening a conversation or retrying a question must not wait for the next inbox poll.
 * @throws ApiError, NetworkError
 */
export async function fetchConversation(reportId: string): Promise<void> {
  // Only a well-formed id goes into a signed target: the URL must be sent exactly as signed.
  if (!v.is(ReportId, reportId)) return;
  const gen = generation;
  let after = contiguousSeq(threads.value.get(reportId) ?? []);
  for (;;) {
    const target = `/api/v1/reports/${reportId}/messages?after=${after}&limit=${LIST_MAX_LIMIT}`;
    const page = await signedJson(deployment.apiOrigin, heldOfficer(), { method: 'GET', target }, MessageList);
    if (gen !== generation) return;
    holdMessages(reportId, page.messages);
    if (page.next === null || page.next <= after) return;
    after = page.next;
  }
}

/** The highest seq seen in this report's conversation (0: none). */
export function readUpToOf(reportId: string): number {
  return readUpTo.peek().get(reportId) ?? 0;
}

/** Marks every message held for this report as seen (its conversation is open and visible). */
export function markRead(reportId: string): void {
  const last = lastSeqOf(threads.peek().get(reportId) ?? []);
  if (last <= readUpToOf(reportId)) return;
  const next = new Map(readUpTo.peek());
  next.set(reportId, last);
  readUpTo.value = next;
}

/** Starts after unlock (session/start.ts): the inbox is polled until lock. */
export function startInbox(): void {
  clearTimeout(timer);
  const gen = generation;
  const tick = async () => {
    await refreshInbox();
    if (gen === generation) timer = setTimeout(tick, INBOX_POLL_MS);
  };
  void tick();
}

/** On lock: drops every message held and stops the poll (the document reload follows). */
export function stopInbox(): void {
  generation++;
  clearTimeout(timer);
  timer = undefined;
  controller?.abort();
  cursor = START_CURSOR;
  threads.value = new Map();
  readUpTo.value = new Map();
  lastAnswerArrival.value = null;
  inboxState.value = { loaded: false, failure: null, checkedAt: null };
}
