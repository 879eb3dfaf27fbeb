/**
 * Conversations as the viewer holds them, pure so that dedupe, ordering, cursors and unread
 * counts are tested in Node. A message is identified by its report and its per-report `seq`
 * (PROTOCOL §4): the same message reaching the viewer by the live channel, the inbox poll
 * and the report's own list is kept once.
 */
import type { InboxMessage, MessageItem } from '../../../schemas/mailbox-api.ts';

/** One report's messages, both directions, ascending `seq`. */
export type Thread = readonly MessageItem[];

/**
 * Adds `incoming` to `current`, oldest first, each `seq` once (the first copy held wins: a
 * stored message never changes). Returns `current` itself when nothing is new, so that a
 * poll bringing nothing re-renders nothing.
 */
export function mergeThread(current: Thread | undefined, incoming: readonly MessageItem[]): { thread: Thread; added: MessageItem[] } {
  const base = current ?? [];
  const held = new Set(base.map((m) => m.seq));
  const added: MessageItem[] = [];
  for (const m of incoming) {
    if (held.has(m.seq)) continue;
    held.add(m.seq);
    added.push(m);
  }
  if (!added.length) return { thread: base, added };
  return { thread: [...base, ...added].sort((a, b) => a.seq - b.seq), added: added.sort((a, b) => a.seq - b.seq) };
}

/**
 * The largest `n` such that seqs 1…n are all held: the `after` of the next fetch of this
 * report's messages. The Worker numbers a report's messages without gaps (PROTOCOL §4), so
 * a gap means a message not received yet, never a message skipped for good.
 */
export function contiguousSeq(thread: Thread): number {
  let n = 0;
  for (const m of thread) {
    if (m.seq === n + 1) n = m.seq;
    else if (m.seq > n + 1) break;
  }
  return n;
}

/**
 * The reporter's messages an officer has not seen: those after both what this officer has
 * opened (`readUpTo`) and the police's last message (a question sent after an answer means
 * the answer was read, by this officer or a colleague).
 */
export function unreadSeqs(thread: Thread, readUpTo: number): number[] {
  let lastPolice = 0;
  for (const m of thread) if (m.from === 'police') lastPolice = Math.max(lastPolice, m.seq);
  const floor = Math.max(readUpTo, lastPolice);
  return thread.filter((m) => m.from === 'reporter' && m.seq > floor).map((m) => m.seq);
}

/** Highest seq held, 0 for none. */
export function lastSeqOf(thread: Thread): number {
  return thread.reduce((n, m) => Math.max(n, m.seq), 0);
}

/** An inbox item (`GET /api/v1/messages`, live hub) as a conversation holds it. */
export function toThreadMessage(m: InboxMessage): MessageItem {
  return { seq: m.seq, from: m.from, kid: m.kid, sealed: m.sealed, at: m.at };
}

/** Inbox items grouped by report, in the order given. */
export function byReport(items: readonly InboxMessage[]): Map<string, MessageItem[]> {
  const out = new Map<string, MessageItem[]>();
  for (const m of items) {
    const list = out.get(m.reportId);
    if (list) list.push(toThreadMessage(m));
    else out.set(m.reportId, [toThreadMessage(m)]);
  }
  return out;
}

/**
 * The inbox cursor (`after` of `GET /api/v1/messages`, an `arrival`). A live frame may bring
 * arrival 12 while 11 was never seen (the socket was down when it came): the cursor then
 * stays at 10 so that the poll fetches 11, and moves past 12 only once 11 is held.
 * Arrivals may have gaps (a deleted report takes its messages): the poll, which follows the
 * Worker's `next`, moves the cursor over them.
 */
export interface ArrivalCursor {
  after: number;
  /** Arrivals held above `after`, not yet contiguous. */
  ahead: ReadonlySet<number>;
}

export const START_CURSOR: ArrivalCursor = { after: 0, ahead: new Set() };

function settle(after: number, ahead: Set<number>): ArrivalCursor {
  for (const a of [...ahead]) if (a <= after) ahead.delete(a);
  while (ahead.has(after + 1)) ahead.delete(++after);
  return { after, ahead };
}

/** A message received out of band (live): moves the cursor only over a contiguous run. */
export function noteArrival(c: ArrivalCursor, arrival: number): ArrivalCursor {
  if (arrival <= c.after) return c;
  return settle(c.after, new Set([...c.ahead, arrival]));
}

/** A poll page read up to `arrival` inclusive (its last item, or its `next`): everything up to it is held. */
export function notePage(c: ArrivalCursor, upTo: number): ArrivalCursor {
  return settle(Math.max(c.after, upTo), new Set(c.ahead));
}
