/**
 * Times on the wire: ISO 8601 UTC without fractional seconds (PROTOCOL preamble).
 * The Worker coarsens what it stores: reports to the hour, messages to the minute.
 */
import * as v from 'valibot';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/** A wire time such as `2026-11-23T21:00:00Z`, checked to be a real date. */
export const IsoTime = v.pipe(
  v.string(),
  v.regex(ISO, 'expected YYYY-MM-DDTHH:MM:SSZ'),
  v.check((s) => !Number.isNaN(Date.parse(s)) && new Date(s).toISOString().slice(0, 19) + 'Z' === s, 'not a valid date'),
);

/** Formats a date as a wire time (seconds precision). */
export function isoSeconds(d: Date): string {
  return d.toISOString().slice(0, 19) + 'Z';
}

/** Truncates to the hour: what the Worker stores as a report's `receivedAt`. */
export function isoHour(d: Date): string {
  return d.toISOString().slice(0, 13) + ':00:00Z';
}

/** Truncates to the minute: what the Worker stores as a message's `at`. */
export function isoMinute(d: Date): string {
  return d.toISOString().slice(0, 16) + ':00Z';
}
