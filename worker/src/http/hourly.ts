/**
 * Town-wide hourly limits (docs/api.md, decisions D7): counted per clock hour (UTC) from
 * stored rows, keyed by nothing about the client; `Retry-After` is the wait to the next hour.
 */

/** Seconds from `now` to the start of the next hour (1–3600): when an hourly limit resets. */
export function secondsToNextHour(now: Date): number {
  return Math.max(1, 3600 - Math.floor((now.getTime() % 3_600_000) / 1000));
}
