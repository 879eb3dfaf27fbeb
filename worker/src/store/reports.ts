/**
 * Sealed reports in D1 (PROTOCOL §3, §5). Only what the protocol names is stored:
 * id, kid, sealed, mailbox hash, blob ids, the hour of arrival, and an optional expiry.
 * A report's messages (PROTOCOL §4) are deleted with it, in the same batch.
 */
import type { ReportItem } from '../../../schemas/api.ts';
import { pageEnd, type RowSize } from './page.ts';

interface ReportRow {
  seq: number;
  id: string;
  kid: string;
  sealed: string;
  mailbox: string | null;
  blobs: string;
  received_at: string;
}

const COLUMNS = 'seq, id, kid, sealed, mailbox, blobs, received_at';

function toItem(r: ReportRow): ReportItem {
  return { seq: r.seq, id: r.id, kid: r.kid, sealed: r.sealed, mailbox: r.mailbox !== null, blobs: JSON.parse(r.blobs) as string[], receivedAt: r.received_at };
}

export interface NewReport {
  id: string;
  kid: string;
  sealed: string;
  mailbox: string | undefined;
  blobs: string[] | undefined;
  receivedAt: string;
}

export type InsertOutcome = { kind: 'stored'; receivedAt: string; seq: number } | { kind: 'retry'; receivedAt: string } | { kind: 'conflict' };

/**
 * Stores a report unless its id exists. An existing id with byte-identical `sealed` is an
 * idempotent retry (its stored `receivedAt` is returned), otherwise a conflict. Canonical
 * b64 (PROTOCOL preamble) makes "same text" and "same bytes" the same thing.
 */
export async function insertReport(db: D1Database, r: NewReport): Promise<InsertOutcome> {
  const inserted = await db
    .prepare('INSERT INTO reports (id, kid, sealed, mailbox, blobs, received_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING RETURNING seq')
    .bind(r.id, r.kid, r.sealed, r.mailbox ?? null, JSON.stringify(r.blobs ?? []), r.receivedAt)
    .first<{ seq: number }>();
  if (inserted) return { kind: 'stored', receivedAt: r.receivedAt, seq: inserted.seq };
  const existing = await db.prepare('SELECT sealed, received_at FROM reports WHERE id = ?').bind(r.id).first<{ sealed: string; received_at: string }>();
  if (existing && existing.sealed === r.sealed) return { kind: 'retry', receivedAt: existing.received_at };
  return { kind: 'conflict' };
}

/** Reports received during the hour `hour` (an `isoHour` string): the rate limit's count. */
export async function countReportsInHour(db: D1Database, hour: string): Promise<number> {
  const row = await db.prepare('SELECT COUNT(*) AS n FROM reports WHERE received_at = ?').bind(hour).first<{ n: number }>();
  return row?.n ?? 0;
}

export async function getReport(db: D1Database, id: string): Promise<ReportItem | undefined> {
  const row = await db.prepare(`SELECT ${COLUMNS} FROM reports WHERE id = ?`).bind(id).first<ReportRow>();
  return row ? toItem(row) : undefined;
}

/** Largest JSON page a list may answer (PROTOCOL §5: "a Worker keeps a page under 8 MiB"). */
export { PAGE_BYTES } from './page.ts';
/** Bytes a list item adds besides its `sealed` text: ids, kid, blob ids, keys, punctuation. */
const ITEM_OVERHEAD = 256;

/**
 * One page of reports after `after`, ascending `seq`. Sizes are read first so that a page
 * never loads more than it answers; `next` is the last `seq` given when more rows exist.
 */
export async function listReports(db: D1Database, after: number, limit: number): Promise<{ reports: ReportItem[]; next: number | null }> {
  const sizes = await db
    .prepare('SELECT seq AS cursor, length(sealed) + length(blobs) AS n FROM reports WHERE seq > ? ORDER BY seq LIMIT ?')
    .bind(after, limit + 1)
    .all<RowSize>();
  const { last, more } = pageEnd(sizes.results, limit, ITEM_OVERHEAD);
  if (last === undefined) return { reports: [], next: null };
  const rows = await db.prepare(`SELECT ${COLUMNS} FROM reports WHERE seq > ? AND seq <= ? ORDER BY seq`).bind(after, last).all<ReportRow>();
  return { reports: rows.results.map(toItem), next: more ? last : null };
}

/**
 * The stored mailbox hash of a report: `undefined` when the report does not exist, `null`
 * when it has no mailbox (PROTOCOL §4: both answer like a wrong secret).
 */
export async function mailboxOf(db: D1Database, id: string): Promise<string | null | undefined> {
  const row = await db.prepare('SELECT mailbox FROM reports WHERE id = ?').bind(id).first<{ mailbox: string | null }>();
  return row ? row.mailbox : undefined;
}

/**
 * Deletes a report and its messages in one batch (a transaction); returns its blob ids and
 * whether it had a mailbox, or `undefined` when there was no such report.
 */
export async function deleteReport(db: D1Database, id: string): Promise<{ blobs: string[]; mailbox: boolean } | undefined> {
  const [, deleted] = await db.batch<{ blobs: string; mailbox: string | null }>([
    db.prepare('DELETE FROM messages WHERE report_id = ?').bind(id),
    db.prepare('DELETE FROM reports WHERE id = ? RETURNING blobs, mailbox').bind(id),
  ]);
  const row = deleted?.results[0];
  return row ? { blobs: JSON.parse(row.blobs) as string[], mailbox: row.mailbox !== null } : undefined;
}

/** Sets a report's expiry; false when the report does not exist. */
export async function setReportExpiry(db: D1Database, id: string, expiresAt: string): Promise<boolean> {
  const r = await db.prepare('UPDATE reports SET expires_at = ? WHERE id = ?').bind(expiresAt, id).run();
  return r.meta.changes > 0;
}

const PURGED = '(expires_at IS NOT NULL AND expires_at <= ?1) OR received_at < ?2';

/**
 * Retention (DESIGN "Retention"): deletes reports whose expiry has passed or that arrived
 * before `receivedBefore`, with their messages (one batch); returns the blob ids they named.
 */
export async function purgeReports(db: D1Database, now: string, receivedBefore: string): Promise<{ count: number; blobs: string[] }> {
  const [, purged] = await db.batch<{ blobs: string }>([
    db.prepare(`DELETE FROM messages WHERE report_id IN (SELECT id FROM reports WHERE ${PURGED})`).bind(now, receivedBefore),
    db.prepare(`DELETE FROM reports WHERE ${PURGED} RETURNING blobs`).bind(now, receivedBefore),
  ]);
  const rows = purged?.results ?? [];
  return { count: rows.length, blobs: rows.flatMap((r) => JSON.parse(r.blobs) as string[]) };
}
