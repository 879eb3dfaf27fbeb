/**
 * The live channel as both apps speak it (PROTOCOL §4 "A live transport may push the same
 * message objects"; docs/api.md "Live channel"), pure: the socket address of a target, a
 * server frame checked with its schema, and the reconnect delay. The reporter app and the
 * viewer each wrap it with their own frame schema and polling pace.
 */
import * as v from 'valibot';

/** `ws://` / `wss://` form of `base` (an origin or page address) plus `target`; no secret in the URL. */
export function liveSocketUrl(target: string, base: string): string {
  const u = new URL(target, base);
  u.protocol = u.protocol === 'https:' ? 'wss:' : 'ws:';
  return u.href;
}

/**
 * A server frame checked with `schema`; anything else is null: a bad frame, or one from a
 * newer Worker, which must not break an older app.
 */
export function parseLiveFrame<S extends v.GenericSchema>(schema: S, data: unknown): v.InferOutput<S> | null {
  if (typeof data !== 'string' || data.length > 200_000) return null;
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return null;
  }
  const r = v.safeParse(schema, json);
  return r.success ? r.output : null;
}

export const BACKOFF_FIRST_MS = 1_000;
export const BACKOFF_MAX_MS = 60_000;

/**
 * Delay before reconnect attempt `attempt` (0 = first after a drop): doubling from 1 s up to
 * a minute, half fixed and half random ("equal jitter"), so that phones and workstations do
 * not all reconnect in the same second after a Worker restart.
 */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const cap = Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * 2 ** Math.min(attempt, 16));
  return Math.round(cap / 2 + (cap / 2) * random());
}
