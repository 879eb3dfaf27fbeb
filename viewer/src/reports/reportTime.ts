/**
 * When a report says things happen, for the period filter and the charts (issue 4 "Find",
 * "Map and charts"). The report's own answers win when given: its `date` (the last time the
 * resident saw it) and `time-from` (the time, or the start); otherwise the Worker's
 * `receivedAt`, which is only the hour of arrival (PROTOCOL §3) and is read in the
 * workstation's time zone. The phone's `createdAt` is never used: the phone's clock is
 * whatever its owner set. Each fact says where it came from, so the charts can tell how many
 * bars rest on the arrival time (docs/decisions.md).
 */
import type { ReportEntry } from './reportEntry.ts';

export type TimeSource = 'answer' | 'received';

export interface ReportMoment {
  /** Calendar day `YYYY-MM-DD`. */
  day: string;
  /** 0 = Monday … 6 = Sunday (the French week). */
  weekday: number;
  /** 0–23. */
  hour: number;
  daySource: TimeSource;
  hourSource: TimeSource;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** A real calendar day `YYYY-MM-DD` (not 2026-02-31), or null. */
export function validDay(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = DAY.exec(value);
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value ? value : null;
}

/** Monday-first weekday of a calendar day. */
export function weekdayOf(day: string): number {
  return (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const receivedCache = new Map<string, { day: string; hour: number }>();

/** The local day and hour of an ISO time in `timeZone` (default: the workstation's). */
export function localDayHour(iso: string, timeZone?: string): { day: string; hour: number } | null {
  const key = `${timeZone ?? ''}|${iso}`;
  const cached = receivedCache.get(key);
  if (cached) return cached;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  let f = formatters.get(timeZone ?? '');
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone ?? '', f);
  }
  const parts = Object.fromEntries(f.formatToParts(d).map((p) => [p.type, p.value]));
  const out = { day: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour) % 24 };
  // receivedAt is hour-truncated: a few hundred distinct values for thousands of reports.
  if (receivedCache.size > 50_000) receivedCache.clear();
  receivedCache.set(key, out);
  return out;
}

/** Where and when, for one entry. Unreadable reports have only their arrival time. */
export function reportMoment(entry: Pick<ReportEntry, 'receivedAt' | 'report'>, timeZone?: string): ReportMoment {
  const received = localDayHour(entry.receivedAt, timeZone) ?? { day: entry.receivedAt.slice(0, 10), hour: 0 };
  const answers = entry.report?.answers;
  const day = validDay(answers?.date);
  const clock = typeof answers?.['time-from'] === 'string' ? CLOCK.exec(answers['time-from']) : null;
  const chosenDay = day ?? received.day;
  return {
    day: chosenDay,
    weekday: weekdayOf(chosenDay),
    hour: clock ? Number(clock[1]) : received.hour,
    daySource: day ? 'answer' : 'received',
    hourSource: clock ? 'answer' : 'received',
  };
}

const moments = new WeakMap<ReportEntry, ReportMoment>();

/** {@link reportMoment} in the workstation's time zone, computed once per entry. */
export function momentOf(entry: ReportEntry): ReportMoment {
  let m = moments.get(entry);
  if (!m) {
    m = reportMoment(entry);
    moments.set(entry, m);
  }
  return m;
}

/** The local day an entry arrived (the "received" period filter). */
export function receivedDay(entry: Pick<ReportEntry, 'receivedAt'>, timeZone?: string): string {
  return localDayHour(entry.receivedAt, timeZone)?.day ?? entry.receivedAt.slice(0, 10);
}
