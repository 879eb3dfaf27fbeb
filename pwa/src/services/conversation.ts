/**
 * The conversation as the follow-up screen shows it (issue 3, PROTOCOL §4), pure: messages
 * held by `seq` (the live channel and the polls may bring the same one twice, or out of
 * order), the cursor the next poll starts after, and the thread: stored messages in `seq`
 * order, then the resident's answers still in the outbox. An answer is recognised once
 * stored by its sealed bytes (a random nonce makes them unique), so it never shows twice.
 */
import type { MessageItem } from '../../../schemas/mailbox-api.ts';

export type ThreadState = 'stored' | 'waiting' | 'sending' | 'rejected';

export interface ThreadItem {
  /** The sealed bytes (b64): unique per message, so a stable identity across states. */
  key: string;
  seq: number | null;
  from: 'police' | 'reporter';
  /** The Worker's minute of arrival; null while not stored. */
  at: string | null;
  state: ThreadState;
  /** The text; null when it does not open ("Message illisible"); undefined while opening. */
  body: string | null | undefined;
  errorCode?: string;
}

/** An answer of this conversation not yet seen stored by the Worker. */
export interface PendingAnswer {
  sealed: string;
  state: Exclude<ThreadState, 'stored'>;
  errorCode?: string;
}

/** Adds messages not held yet (by `seq`); returns the new map and what was new, in `seq` order. */
export function holdMessages(held: ReadonlyMap<number, MessageItem>, incoming: readonly MessageItem[]): { held: Map<number, MessageItem>; added: MessageItem[] } {
  const next = new Map(held);
  const added: MessageItem[] = [];
  for (const m of incoming) {
    if (next.has(m.seq)) continue;
    next.set(m.seq, m);
    added.push(m);
  }
  added.sort((a, b) => a.seq - b.seq);
  return { held: next, added };
}

/** The largest `n` such that messages 1 … n are all held (seq counts from 1, §4). */
export function contiguousSeq(held: ReadonlyMap<number, unknown>): number {
  let n = 0;
  while (held.has(n + 1)) n++;
  return n;
}

/**
 * Where the next poll starts: after everything known complete, either because every seq up
 * to it is held, or because a poll returned everything up to it. A message pushed live past
 * a gap does not move it, so the gap is filled by the next poll.
 */
export function pollAfter(held: ReadonlyMap<number, unknown>, polledUpTo: number): number {
  return Math.max(contiguousSeq(held), polledUpTo);
}

/** The thread to show: stored messages by `seq`, then pending answers not stored yet. */
export function buildThread(held: ReadonlyMap<number, MessageItem>, opened: ReadonlyMap<string, string | null>, pending: readonly PendingAnswer[]): ThreadItem[] {
  const stored = [...held.values()].sort((a, b) => a.seq - b.seq);
  const storedSealed = new Set(stored.map((m) => m.sealed));
  return [
    ...stored.map((m): ThreadItem => ({ key: m.sealed, seq: m.seq, from: m.from, at: m.at, state: 'stored', body: opened.get(m.sealed) })),
    ...pending
      .filter((p) => !storedSealed.has(p.sealed))
      .map((p): ThreadItem => ({ key: p.sealed, seq: null, from: 'reporter', at: null, state: p.state, body: opened.get(p.sealed), ...(p.errorCode ? { errorCode: p.errorCode } : {}) })),
  ];
}

/** The highest police `seq` held (what "seen" means for a kept code's badge). */
export function lastPoliceSeq(held: ReadonlyMap<number, MessageItem>): number {
  let n = 0;
  for (const m of held.values()) if (m.from === 'police' && m.seq > n) n = m.seq;
  return n;
}
