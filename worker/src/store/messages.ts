/**
 * Follow-up messages in D1 (PROTOCOL §4): only what the protocol names is stored: the report
 * id, the per-report `seq`, who wrote (`police` or `reporter`), the kid, the sealed bytes
 * and the minute of arrival; `arrival` orders the officers' inbox.
 */
import type { InboxMessage, MessageFrom, MessageItem } from '../../../schemas/mailbox-api.ts';
import { pageEnd, type RowSize } from './page.ts';

interface MessageRow {
  arrival: number;
  report_id: string;
  seq: number;
  sender: MessageFrom;
  kid: string;
  sealed: string;
  at: string;
}

function toItem(r: MessageRow): MessageItem {
  return { seq: r.seq, from: r.sender, kid: r.kid, sealed: r.sealed, at: r.at };
}

function toInboxItem(r: MessageRow): InboxMessage {
  return { ...toItem(r), reportId: r.report_id, arrival: r.arrival };
}

export interface NewMessage {
  reportId: string;
  from: MessageFrom;
  kid: string;
  sealed: string;
  /** The minute of arrival (`isoMinute`). */
  at: string;
}

/**
 * `stored`: a new row; `retry`: the same side already posted this exact `sealed` to this
 * report (the stored message is returned, nothing is written); `undefined`: the report does
 * not exist or has no mailbox.
 */
export type MessageOutcome = { kind: 'stored' | 'retry'; message: InboxMessage } | undefined;

/**
 * Stores a message under the next `seq` of its report, in one statement, so two concurrent
 * posts cannot take the same number (the unique index guards it too). A message whose report
 * already holds byte-identical `sealed` from the same side is an idempotent retry after a
 * lost answer (docs/api.md): nothing is written, and concurrent identical posts store once.
 * Stores nothing and answers `undefined` when the report does not exist or has no mailbox
 * (it may have been deleted since the caller checked).
 */
export async function insertMessage(db: D1Database, m: NewMessage): Promise<MessageOutcome> {
  const row = await db
    .prepare(
      `INSERT INTO messages (report_id, seq, sender, kid, sealed, at)
       SELECT ?1, COALESCE((SELECT MAX(seq) FROM messages WHERE report_id = ?1), 0) + 1, ?2, ?3, ?4, ?5
       WHERE EXISTS (SELECT 1 FROM reports WHERE id = ?1 AND mailbox IS NOT NULL)
         AND NOT EXISTS (SELECT 1 FROM messages WHERE report_id = ?1 AND sender = ?2 AND sealed = ?4)
       RETURNING arrival, seq`,
    )
    .bind(m.reportId, m.from, m.kid, m.sealed, m.at)
    .first<{ arrival: number; seq: number }>();
  if (row) return { kind: 'stored', message: { seq: row.seq, from: m.from, kid: m.kid, sealed: m.sealed, at: m.at, reportId: m.reportId, arrival: row.arrival } };
  const existing = await db
    .prepare(
      `SELECT m.* FROM messages AS m JOIN reports AS r ON r.id = m.report_id AND r.mailbox IS NOT NULL
       WHERE m.report_id = ? AND m.sender = ? AND m.sealed = ? ORDER BY m.seq LIMIT 1`,
    )
    .bind(m.reportId, m.from, m.sealed)
    .first<MessageRow>();
  return existing ? { kind: 'retry', message: toInboxItem(existing) } : undefined;
}

/** Bytes an item adds besides its `sealed` text: report id, kid, numbers, punctuation. */
const ITEM_OVERHEAD = 160;

/** One page of a report's conversation after `seq` `after`, ascending `seq` (PROTOCOL §4, §5). */
export async function listMessages(db: D1Database, reportId: string, after: number, limit: number): Promise<{ messages: MessageItem[]; next: number | null }> {
  const sizes = await db
    .prepare('SELECT seq AS cursor, length(sealed) AS n FROM messages WHERE report_id = ? AND seq > ? ORDER BY seq LIMIT ?')
    .bind(reportId, after, limit + 1)
    .all<RowSize>();
  const { last, more } = pageEnd(sizes.results, limit, ITEM_OVERHEAD);
  if (last === undefined) return { messages: [], next: null };
  const rows = await db
    .prepare('SELECT * FROM messages WHERE report_id = ? AND seq > ? AND seq <= ? ORDER BY seq')
    .bind(reportId, after, last)
    .all<MessageRow>();
  return { messages: rows.results.map(toItem), next: more ? last : null };
}

/**
 * One page of every message after `arrival` `after`, in arrival order (the officers' inbox,
 * PROTOCOL §5 `GET /api/v1/messages`); `next` is an `arrival`.
 */
export async function listInbox(db: D1Database, after: number, limit: number): Promise<{ messages: InboxMessage[]; next: number | null }> {
  const sizes = await db
    .prepare('SELECT arrival AS cursor, length(sealed) AS n FROM messages WHERE arrival > ? ORDER BY arrival LIMIT ?')
    .bind(after, limit + 1)
    .all<RowSize>();
  const { last, more } = pageEnd(sizes.results, limit, ITEM_OVERHEAD);
  if (last === undefined) return { messages: [], next: null };
  const rows = await db.prepare('SELECT * FROM messages WHERE arrival > ? AND arrival <= ? ORDER BY arrival').bind(after, last).all<MessageRow>();
  return { messages: rows.results.map(toInboxItem), next: more ? last : null };
}

/**
 * The reporter's messages to one report stored at or after the minute `since`, and the
 * oldest of their minutes: the per-mailbox rate limit's count, read from stored rows only.
 */
export async function reporterMessagesSince(db: D1Database, reportId: string, since: string): Promise<{ count: number; oldest: string | null }> {
  const row = await db
    .prepare("SELECT COUNT(*) AS n, MIN(at) AS oldest FROM messages WHERE report_id = ? AND sender = 'reporter' AND at >= ?")
    .bind(reportId, since)
    .first<{ n: number; oldest: string | null }>();
  return { count: row?.n ?? 0, oldest: row?.oldest ?? null };
}
