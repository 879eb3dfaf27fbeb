/**
 * A report as the viewer holds it in memory once opened: the Worker's outer facts, the
 * decrypted plaintext when there is one, and every problem found. A report that cannot be
 * read is kept as a flagged entry, never hidden (issue 2, issue 4 "hostile content").
 */
import { rawText } from '../../../client/answers.ts';
import type { ReportItem } from '../../../schemas/api.ts';
import type { ReportFlag } from '../../../schemas/reportFlag.ts';
import type { ReportPlaintext } from '../../../schemas/report.ts';
import type { FormatContext } from './answers.ts';

export interface ReportEntry {
  seq: number;
  id: string;
  kid: string;
  receivedAt: string;
  mailbox: boolean;
  blobs: string[];
  /** The decrypted plaintext, or null when the report could not be opened. */
  report: ReportPlaintext | null;
  /** What is wrong with it, worst first (schemas/reportFlag.ts); empty when nothing is. */
  problems: ReportFlag[];
}

export function openedEntry(item: ReportItem, report: ReportPlaintext, problems: ReportFlag[]): ReportEntry {
  return { seq: item.seq, id: item.id, kid: item.kid, receivedAt: item.receivedAt, mailbox: item.mailbox, blobs: item.blobs, report, problems };
}

export function unreadableEntry(item: ReportItem, problem: ReportFlag): ReportEntry {
  return { seq: item.seq, id: item.id, kid: item.kid, receivedAt: item.receivedAt, mailbox: item.mailbox, blobs: item.blobs, report: null, problems: [problem] };
}

/**
 * Adds new entries to a newest-first list. `seq` orders arrivals (receivedAt is only the
 * hour); an entry already held (same seq) is replaced, so a refetch never duplicates.
 */
export function mergeNewestFirst(current: readonly ReportEntry[], incoming: readonly ReportEntry[]): ReportEntry[] {
  // The usual case, a page of reports newer than all those held (already newest first): no
  // need to re-sort thousands of entries at every page (issue 4, scale).
  const held = current.every((e, i) => i === 0 || e.seq < current[i - 1]!.seq);
  const newest = current[0]?.seq ?? 0;
  if (held && new Set(incoming.map((e) => e.seq)).size === incoming.length && incoming.every((e) => e.seq > newest)) {
    return [...incoming].sort((a, b) => b.seq - a.seq).concat(current);
  }
  const bySeq = new Map<number, ReportEntry>();
  for (const e of current) bySeq.set(e.seq, e);
  for (const e of incoming) bySeq.set(e.seq, e);
  return [...bySeq.values()].sort((a, b) => b.seq - a.seq);
}

/** The largest seq held: the `after` of the next poll (PROTOCOL §5 lists). */
export function lastSeq(entries: readonly ReportEntry[]): number {
  return entries.reduce((m, e) => Math.max(m, e.seq), 0);
}

export interface ListSummary {
  form: string | null;
  district: string | null;
  place: string | null;
}

/** Longest place text shown in the list; the report page shows it whole. */
export const LIST_PLACE_MAX = 120;

/** The list's columns for one entry: form title, district name, place (all plain text). */
export function summarize(entry: ReportEntry, ctx: FormatContext): ListSummary {
  const r = entry.report;
  if (!r) return { form: null, district: null, place: null };
  const form = Object.hasOwn(ctx.forms, r.form) ? ctx.forms[r.form]!.title[ctx.lang] : rawText(r.form);
  const d = r.answers.district;
  const district = typeof d === 'string' ? (ctx.districts.find((x) => x.id === d)?.name ?? rawText(d)) : null;
  const p = r.answers.place;
  const place = typeof p === 'string' ? (p.length > LIST_PLACE_MAX ? p.slice(0, LIST_PLACE_MAX) + '…' : p) : null;
  return { form, district, place };
}
