/**
 * Abnormal arrivals (issue 7 point 3, docs/surges.md): the Worker keeps each report's arrival
 * to the hour only (`receivedAt`, PROTOCOL §5), so rates are per hour. The recent count is the
 * larger of the current hour's and the previous hour's (the current hour has just begun at
 * times; a surge does not vanish on the hour). The usual rate is the median of the hourly
 * counts over the 7 days before those two hours, quiet hours counted as 0: a median ignores
 * an earlier surge, which a mean would learn as "usual". A surge is a recent count above
 * max({@link SURGE_FLOOR}, {@link SURGE_FACTOR} × usual). Pure: the list's signals feed it.
 */

export const SURGE_FLOOR = 20;
export const SURGE_FACTOR = 10;
const HOUR = 3_600_000;
const BASELINE_HOURS = 7 * 24;

export interface Surge {
  /** Reports received in the recent hour (see above). */
  recent: number;
  /** Median hourly count over the 7 days before. */
  usual: number;
  abnormal: boolean;
}

function median(sorted: readonly number[]): number {
  const n = sorted.length;
  if (!n) return 0;
  const mid = n >> 1;
  return n % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The arrival rate at `now` of reports received at `receivedAt` (ISO, to the hour). */
export function surgeOf(receivedAt: Iterable<string>, now: Date): Surge {
  const current = Math.floor(now.getTime() / HOUR);
  const counts = new Map<number, number>();
  for (const at of receivedAt) {
    const t = Date.parse(at);
    if (!Number.isFinite(t)) continue;
    const h = Math.floor(t / HOUR);
    counts.set(h, (counts.get(h) ?? 0) + 1);
  }
  const recent = Math.max(counts.get(current) ?? 0, counts.get(current - 1) ?? 0);
  const baseline: number[] = [];
  for (let h = current - 1 - BASELINE_HOURS; h < current - 1; h++) baseline.push(counts.get(h) ?? 0);
  const usual = median(baseline.sort((a, b) => a - b));
  return { recent, usual, abnormal: recent > Math.max(SURGE_FLOOR, SURGE_FACTOR * usual) };
}
