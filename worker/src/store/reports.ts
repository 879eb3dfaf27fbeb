/**
 * Sealed reports in D1 (PROTOCOL §3, §5). Only what the protocol names is stored:
 * id, kid, sealed, mailbox hash, blob ids, the hour of arrival, and an optional expiry.
 * A report's messages (PROTOCOL §4), case-file events (§5) and blob rows (§6) are deleted
 * with it, in the same batch; the caller deletes the R2 objects the batch freed.
 */
import type { ExpiringReportItemInput } from '../../../schemas/expiry-api.ts';
import { pageEnd, type RowSize } from './page.ts';

interface ReportRow {
  seq: number;
  id: string;
  kid: string;
  sealed: string;
  mailbox: string | null;
  blobs: string;
  received_at: string;
  expires_at: string | null;
}

const COLUMNS = 'seq, id, kid, sealed, mailbox, blobs, received_at, expires_at';

function toItem(r: ReportRow): ExpiringReportItemInput {
  return {
    seq: r.seq,
    id: r.id,
    kid: r.kid,
    sealed: r.sealed,
    mailbox: r.mailbox !== null,
    blobs: JSON.parse(r.blobs) as string[],
    receivedAt: r.received_at,
    expiresAt: r.expires_at,
  };
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
  // One batch (a transaction): the report, and the blobs it names (PROTOCOL §6 orphan rule),
  // taken from the stored row, so a retry or a conflict adds nothing.
  const [inserted] = await db.batch<{ seq: number }>([
    db
      .prepare('INSERT INTO reports (id, kid, sealed, mailbox, blobs, received_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING RETURNING seq')
      .bind(r.id, r.kid, r.sealed, r.mailbox ?? null, JSON.stringify(r.blobs ?? []), r.receivedAt),
    db.prepare('INSERT OR IGNORE INTO report_blobs (blob_id, report_id) SELECT j.value, r.id FROM reports AS r, json_each(r.blobs) AS j WHERE r.id = ?').bind(r.id),
  ]);
  const row = inserted?.results[0];
  if (row) return { kind: 'stored', receivedAt: r.receivedAt, seq: row.seq };
  const existing = await db.prepare('SELECT sealed, received_at FROM reports WHERE id = ?').bind(r.id).first<{ sealed: string; received_at: string }>();
  if (existing && existing.sealed === r.sealed) return { kind: 'retry', receivedAt: existing.received_at };
  return { kind: 'conflict' };
}

/** The stored `sealed` text and `receivedAt` of report `id`: the idempotency check (PROTOCOL §3 order 6). */
export async function storedSealedOf(db: D1Database, id: string): Promise<{ sealed: string; receivedAt: string } | undefined> {
  const row = await db.prepare('SELECT sealed, received_at FROM reports WHERE id = ?').bind(id).first<{ sealed: string; received_at: string }>();
  return row ? { sealed: row.sealed, receivedAt: row.received_at } : undefined;
}

export async function getReport(db: D1Database, id: string): Promise<ExpiringReportItemInput | undefined> {
  const row = await db.prepare(`SELECT ${COLUMNS} FROM reports WHERE id = ?`).bind(id).first<ReportRow>();
  return row ? toItem(row) : undefined;
}

/** True when report `id` is stored (a lighter {@link getReport}). */
export async function reportExists(db: D1Database, id: string): Promise<boolean> {
  return (await db.prepare('SELECT 1 AS x FROM reports WHERE id = ?').bind(id).first()) !== null;
}

/** Largest JSON page a list may answer (PROTOCOL §5: "a Worker keeps a page under 8 MiB"). */
export { PAGE_BYTES } from './page.ts';
/** Bytes a list item adds besides its `sealed` text: ids, kid, blob ids, keys, punctuation. */
const ITEM_OVERHEAD = 256;

/**
 * One page of reports after `after`, ascending `seq`. Sizes are read first so that a page
 * never loads more than it answers; `next` is the last `seq` given when more rows exist.
 */
export async function listReports(db: D1Database, after: number, limit: number): Promise<{ reports: ExpiringReportItemInput[]; next: number | null }> {
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
 * The statements that delete the reports matching `where` (SQL over `reports AS r`, bound to
 * `params`) with their messages, events and blob links, and the blob rows no other report
 * names. The first answers the freed blob ids (to delete from R2), the last the deleted
 * reports. Run as one batch (a transaction).
 */
function deletion(db: D1Database, where: string, params: unknown[]): D1PreparedStatement[] {
  const reports = `SELECT r.id FROM reports AS r WHERE ${where}`;
  const named = `SELECT j.value FROM reports AS r, json_each(r.blobs) AS j WHERE ${where}`;
  // Named by no report that stays (a link of a report being deleted does not count).
  const unnamed = (col: string) => `NOT EXISTS (SELECT 1 FROM report_blobs AS rb WHERE rb.blob_id = ${col} AND rb.report_id NOT IN (${reports}))`;
  return [
    // Uploaded or not: deleting a missing R2 key is nothing.
    db.prepare(`SELECT DISTINCT j.value AS id FROM reports AS r, json_each(r.blobs) AS j WHERE (${where}) AND ${unnamed('j.value')}`).bind(...params),
    db.prepare(`DELETE FROM blobs WHERE id IN (${named}) AND ${unnamed('blobs.id')}`).bind(...params),
    db.prepare(`DELETE FROM report_blobs WHERE report_id IN (${reports})`).bind(...params),
    db.prepare(`DELETE FROM messages WHERE report_id IN (${reports})`).bind(...params),
    db.prepare(`DELETE FROM events WHERE report_id IN (${reports})`).bind(...params),
    db.prepare(`DELETE FROM reports AS r WHERE ${where} RETURNING id, mailbox`).bind(...params),
  ];
}

export interface Deleted {
  /** Ids of the deleted reports that had a mailbox (their live sockets close). */
  mailboxes: string[];
  count: number;
  /** Blob ids no remaining report names: the caller deletes them from R2. */
  blobs: string[];
}

async function runDeletion(db: D1Database, where: string, params: unknown[]): Promise<Deleted> {
  const results = await db.batch(deletion(db, where, params));
  const freed = (results[0]?.results ?? []) as Array<{ id: string }>;
  const reports = (results.at(-1)?.results ?? []) as Array<{ id: string; mailbox: string | null }>;
  return { count: reports.length, mailboxes: reports.filter((r) => r.mailbox !== null).map((r) => r.id), blobs: freed.map((b) => b.id) };
}

/**
 * Deletes a report with its messages, events and blob rows (one batch, a transaction);
 * returns the blob ids to delete from R2 and whether it had a mailbox, or `undefined` when
 * there was no such report.
 */
export async function deleteReport(db: D1Database, id: string): Promise<{ blobs: string[]; mailbox: boolean } | undefined> {
  const d = await runDeletion(db, 'r.id = ?1', [id]);
  return d.count ? { blobs: d.blobs, mailbox: d.mailboxes.length > 0 } : undefined;
}

/**
 * Sets the expiry of every listed report, all or nothing (docs/api.md "Bulk expiries"); false,
 * and nothing written, when any report does not exist. One statement in one D1 batch (a
 * transaction): the existence check is inside it, so a report deleted meanwhile cannot leave
 * the others half set; one bound JSON parameter whatever the count (D1 caps bound parameters).
 * Report ids must be distinct (the body schema refuses duplicates). The one home of expiry
 * writes: `PUT /api/v1/reports/{id}/expiry` calls it with one item.
 */
export async function setReportExpiries(db: D1Database, list: ReadonlyArray<{ reportId: string; expiresAt: string }>): Promise<boolean> {
  const [r] = await db.batch([
    db
      .prepare(
        `WITH j AS (SELECT json_extract(value, '$.reportId') AS id, json_extract(value, '$.expiresAt') AS expires_at FROM json_each(?1))
         UPDATE reports SET expires_at = j.expires_at FROM j
         WHERE reports.id = j.id AND NOT EXISTS (SELECT 1 FROM j WHERE j.id NOT IN (SELECT id FROM reports))`,
      )
      .bind(JSON.stringify(list.map((e) => ({ reportId: e.reportId, expiresAt: e.expiresAt })))),
  ]);
  return (r?.meta.changes ?? 0) === list.length;
}

/** One report's expiry: {@link setReportExpiries} with one item; false when it does not exist. */
export function setReportExpiry(db: D1Database, id: string, expiresAt: string): Promise<boolean> {
  return setReportExpiries(db, [{ reportId: id, expiresAt }]);
}

const PURGED = '(r.expires_at IS NOT NULL AND r.expires_at <= ?1) OR r.received_at < ?2';

/**
 * Retention (DESIGN "Retention"): deletes reports whose expiry has passed or that arrived
 * before `receivedBefore`, with their messages, events and blob rows (one batch); returns
 * the blob ids to delete from R2 and the purged reports that had a mailbox.
 */
export async function purgeReports(db: D1Database, now: string, receivedBefore: string): Promise<Deleted> {
  return runDeletion(db, PURGED, [now, receivedBefore]);
}
