/**
 * Sealed case-file events in D1 (PROTOCOL §5): only what the protocol names is stored: the
 * report id, the kid, the sealed bytes and the minute of arrival; `seq` is the town-wide
 * arrival order that `GET /api/v1/events` pages by. The Worker sees only that an event exists.
 */
import type { EventItem } from '../../../schemas/caseFile.ts';
import { pageEnd, type RowSize } from './page.ts';

interface EventRow {
  seq: number;
  report_id: string;
  kid: string;
  sealed: string;
  at: string;
}

function toItem(r: EventRow): EventItem {
  return { seq: r.seq, reportId: r.report_id, kid: r.kid, sealed: r.sealed, at: r.at };
}

export interface NewEvent {
  reportId: string;
  kid: string;
  sealed: string;
  /** The minute of arrival (`isoMinute`). */
  at: string;
}

/**
 * `stored`: a new row; `retry`: the report already holds this exact `sealed` (the stored
 * event is returned, nothing is written); `undefined`: the report does not exist (it may have
 * been deleted since the caller checked).
 */
export type EventOutcome = { kind: 'stored' | 'retry'; event: EventItem } | undefined;

/**
 * Stores events, all or nothing, in one D1 batch (a transaction), in the order given: each
 * one unless its report already holds byte-identical `sealed` (a retry after a lost answer,
 * docs/api.md); canonical b64 makes equal text and equal bytes the same thing, and one
 * statement per event means concurrent identical posts store once. Answers `undefined` when
 * any report does not exist (it may have been deleted since the caller checked): the report
 * id is taken from `reports`, so a missing one is a NULL that `NOT NULL` refuses, and the
 * whole batch rolls back. The one home of event writes: the single-report endpoint calls it
 * with one event.
 */
export async function insertEvents(db: D1Database, list: readonly NewEvent[]): Promise<Array<NonNullable<EventOutcome>> | undefined> {
  const insert = db.prepare(
    `INSERT INTO events (report_id, kid, sealed, at)
     SELECT (SELECT id FROM reports WHERE id = ?1), ?2, ?3, ?4
     WHERE NOT EXISTS (SELECT 1 FROM events WHERE report_id = ?1 AND sealed = ?3)
     RETURNING seq`,
  );
  let results: D1Result<{ seq: number }>[];
  try {
    results = await db.batch<{ seq: number }>(list.map((e) => insert.bind(e.reportId, e.kid, e.sealed, e.at)));
  } catch (e) {
    if (/NOT NULL constraint failed/i.test(String((e as Error)?.message))) return undefined;
    throw e;
  }
  const out: Array<NonNullable<EventOutcome>> = [];
  for (const [i, e] of list.entries()) {
    const row = results[i]?.results[0];
    if (row) {
      out.push({ kind: 'stored', event: { seq: row.seq, reportId: e.reportId, kid: e.kid, sealed: e.sealed, at: e.at } });
      continue;
    }
    const existing = await db.prepare('SELECT * FROM events WHERE report_id = ? AND sealed = ? ORDER BY seq LIMIT 1').bind(e.reportId, e.sealed).first<EventRow>();
    // Nothing inserted and nothing identical: the report went between statements.
    if (!existing) return undefined;
    out.push({ kind: 'retry', event: toItem(existing) });
  }
  return out;
}

/** One event (`POST /api/v1/reports/{id}/events`): {@link insertEvents} with one item. */
export async function insertEvent(db: D1Database, e: NewEvent): Promise<EventOutcome> {
  return (await insertEvents(db, [e]))?.[0];
}

/** Which of `ids` name no stored report (one query, whatever the count: D1 caps bound parameters). */
export async function missingReports(db: D1Database, ids: readonly string[]): Promise<string[]> {
  const rows = await db
    .prepare('SELECT DISTINCT value AS id FROM json_each(?) WHERE value NOT IN (SELECT id FROM reports)')
    .bind(JSON.stringify(ids))
    .all<{ id: string }>();
  return rows.results.map((r) => r.id);
}

/** Bytes an item adds besides its `sealed` text: report id, kid, numbers, punctuation. */
const ITEM_OVERHEAD = 160;

/** One page of every event after `seq` `after`, in arrival order (PROTOCOL §5 `GET /api/v1/events`). */
export async function listEvents(db: D1Database, after: number, limit: number): Promise<{ events: EventItem[]; next: number | null }> {
  const sizes = await db.prepare('SELECT seq AS cursor, length(sealed) AS n FROM events WHERE seq > ? ORDER BY seq LIMIT ?').bind(after, limit + 1).all<RowSize>();
  const { last, more } = pageEnd(sizes.results, limit, ITEM_OVERHEAD);
  if (last === undefined) return { events: [], next: null };
  const rows = await db.prepare('SELECT * FROM events WHERE seq > ? AND seq <= ? ORDER BY seq').bind(after, last).all<EventRow>();
  return { events: rows.results.map(toItem), next: more ? last : null };
}
