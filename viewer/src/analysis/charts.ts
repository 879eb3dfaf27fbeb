/**
 * Reports by hour of day and by day of week (issue 4 "Map and charts"), and per district.
 * Which time counts is decided in reports/reportTime.ts: the report's own date and time
 * answers when given, else its arrival hour; each bin also counts how many of its reports
 * rest on the arrival time, so the chart can say so. Pure, so it is tested in Node.
 */
import type { ReportEntry } from '../reports/reportEntry.ts';
import { momentOf, reportMoment, type ReportMoment } from '../reports/reportTime.ts';

export interface Bin {
  /** 0–23 for hours, 0 (Monday) – 6 (Sunday) for days. */
  index: number;
  count: number;
  /** Of `count`, how many took the arrival time because the report gave none. */
  fromArrival: number;
}

export interface Binned {
  bins: Bin[];
  total: number;
  fromArrival: number;
}

function bin(entries: readonly ReportEntry[], size: number, pick: (m: ReportMoment) => { index: number; fromArrival: boolean }, timeZone?: string): Binned {
  const bins: Bin[] = Array.from({ length: size }, (_, index) => ({ index, count: 0, fromArrival: 0 }));
  let fromArrival = 0;
  for (const e of entries) {
    const { index, fromArrival: fallback } = pick(timeZone === undefined ? momentOf(e) : reportMoment(e, timeZone));
    const b = bins[index];
    if (!b) continue;
    b.count++;
    if (fallback) {
      b.fromArrival++;
      fromArrival++;
    }
  }
  return { bins, total: entries.length, fromArrival };
}

/** 24 bins, midnight first. */
export function byHour(entries: readonly ReportEntry[], timeZone?: string): Binned {
  return bin(entries, 24, (m) => ({ index: m.hour, fromArrival: m.hourSource === 'received' }), timeZone);
}

/** 7 bins, Monday first. */
export function byWeekday(entries: readonly ReportEntry[], timeZone?: string): Binned {
  return bin(entries, 7, (m) => ({ index: m.weekday, fromArrival: m.daySource === 'received' }), timeZone);
}

/** Reports per district id (entries naming no district are left out). */
export function byDistrict(entries: readonly ReportEntry[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of entries) {
    const d = e.report?.answers.district;
    if (typeof d === 'string') out.set(d, (out.get(d) ?? 0) + 1);
  }
  return out;
}

/** The bins holding the largest count (several on a tie; none when all are empty). */
export function peaks(binned: Binned): number[] {
  const max = Math.max(0, ...binned.bins.map((b) => b.count));
  return max ? binned.bins.filter((b) => b.count === max).map((b) => b.index) : [];
}

/** A bar's height for a chart `height` high, scaled on the largest bin. */
export function barHeight(count: number, max: number, height: number): number {
  return max > 0 ? Math.round((count / max) * height * 10) / 10 : 0;
}
