/**
 * One report's conversation as the officer sees it: every message of both directions,
 * oldest first, opened in memory (conversation/messageCrypto.ts) and cached for the session
 * only; questions still being sent; which answers are new. A message that cannot be opened
 * is kept with its reason, never dropped.
 */
import { effect, signal } from '@preact/signals';
import type { MessageFrom } from '../../../schemas/mailbox-api.ts';
import { failureOf, type SyncFailure } from '../reports/reports.ts';
import { fetchConversation, markRead, onNewMessages, threads } from './inbox.ts';
import { openConversationMessage, type OpenedMessage } from './messageCrypto.ts';
import { messageKey, outgoing, sentByMe, type Outgoing } from './outgoing.ts';
import type { ReportEntry } from '../reports/reportEntry.ts';
import { heldPoliceKeys } from '../session/session.ts';

/** Opened messages by `reportId:seq`, in memory only. */
const opened = signal<ReadonlyMap<string, OpenedMessage>>(new Map());
const opening = new Set<string>();
let generation = 0;

export type ConversationLoad = 'loading' | 'loaded' | SyncFailure;
/** How the open conversation's own fetch went (the inbox poll keeps it up to date after). */
export const conversationLoad = signal<{ reportId: string; state: ConversationLoad } | null>(null);
/** Reporter answers that arrived while the conversation was open, for a polite announcement. */
export const arrivedWhileOpen = signal<{ reportId: string; seqs: readonly number[]; at: Date } | null>(null);

export interface ThreadItem {
  key: string;
  seq: number;
  from: MessageFrom;
  /** When the Worker stored it (to the minute). */
  at: string;
  /** Sent from this page. */
  mine: boolean;
  /** A reporter answer this officer had not seen when the conversation opened. */
  isNew: boolean;
  /** Null while it is being opened. */
  opened: OpenedMessage | null;
}

export interface ConversationView {
  messages: ThreadItem[];
  pending: Outgoing[];
}

/**
 * The conversation of `reportId`, read from signals (a component calling it re-renders on
 * any change). `seenUpTo` is the read mark when the conversation opened.
 */
export function conversationView(reportId: string, seenUpTo: number): ConversationView {
  const thread = threads.value.get(reportId) ?? [];
  const cache = opened.value;
  const mine = sentByMe.value;
  let lastPolice = 0;
  for (const m of thread) if (m.from === 'police') lastPolice = Math.max(lastPolice, m.seq);
  const messages = thread.map((m) => {
    const key = messageKey(reportId, m.seq);
    return {
      key,
      seq: m.seq,
      from: m.from,
      at: m.at,
      mine: mine.has(key),
      isNew: m.from === 'reporter' && m.seq > Math.max(seenUpTo, lastPolice),
      opened: cache.get(key) ?? null,
    };
  });
  return { messages, pending: outgoing.value.filter((o) => o.reportId === reportId) };
}

async function openMissing(entry: ReportEntry): Promise<void> {
  const gen = generation;
  const thread = threads.peek().get(entry.id) ?? [];
  const todo = thread.filter((m) => {
    const key = messageKey(entry.id, m.seq);
    return !opened.peek().has(key) && !opening.has(key);
  });
  if (!todo.length) return;
  for (const m of todo) opening.add(messageKey(entry.id, m.seq));
  const keys = heldPoliceKeys();
  const results: OpenedMessage[] = [];
  for (const m of todo) results.push(await openConversationMessage(m, entry.report?.replyTo ?? null, keys));
  if (gen !== generation) return;
  const next = new Map(opened.peek());
  for (const r of results) {
    const key = messageKey(entry.id, r.seq);
    next.set(key, r);
    opening.delete(key);
  }
  opened.value = next;
}

/** Fetches this report's conversation now (also the conversation pane's "try again"). */
export async function loadConversation(reportId: string): Promise<void> {
  conversationLoad.value = { reportId, state: 'loading' };
  try {
    await fetchConversation(reportId);
    conversationLoad.value = { reportId, state: 'loaded' };
  } catch (e) {
    conversationLoad.value = { reportId, state: failureOf(e) };
  }
}

export interface ConversationWatch {
  /** The pane is (or is no longer) in view: answers count as read only while it is. */
  shown(inView: boolean): void;
  stop(): void;
}

/**
 * While a report's conversation pane is mounted: fetch it now, open every message as it
 * arrives, and mark answers as read whenever the pane is in view in a visible page.
 */
export function watchConversation(entry: ReportEntry): ConversationWatch {
  const reportId = entry.id;
  let inView = false;
  void loadConversation(reportId);
  const seeIfShown = () => {
    if (inView && document.visibilityState === 'visible') markRead(reportId);
  };
  const stopOpening = effect(() => {
    threads.value.get(reportId);
    void openMissing(entry).catch(() => undefined);
    seeIfShown();
  });
  const stopListening = onNewMessages((id, added) => {
    if (id !== reportId) return;
    const answers = added.filter((m) => m.from === 'reporter').map((m) => m.seq);
    if (answers.length) arrivedWhileOpen.value = { reportId, seqs: answers, at: new Date() };
  });
  document.addEventListener('visibilitychange', seeIfShown);
  return {
    shown(next) {
      inView = next;
      seeIfShown();
    },
    stop() {
      stopOpening();
      stopListening();
      document.removeEventListener('visibilitychange', seeIfShown);
      arrivedWhileOpen.value = null;
    },
  };
}

/** On lock: forgets every opened message. */
export function stopConversations(): void {
  generation++;
  opening.clear();
  opened.value = new Map();
  conversationLoad.value = null;
  arrivedWhileOpen.value = null;
}
