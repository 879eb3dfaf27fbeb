/**
 * The officers' live channel on the wire (PROTOCOL §4 "A live transport may push the same
 * message objects"; docs/api.md "Live channel"), pure: its address, the frames the server
 * sends, and how long to wait before reconnecting.
 */
import * as v from 'valibot';
import { OFFICER_LIVE_TARGET, OfficerLiveFrame } from '../../../schemas/mailbox-api.ts';

/** `ws://` / `wss://` form of the API origin plus the hub's target (no secret in the URL). */
export function liveUrl(apiOrigin: string): string {
  const u = new URL(OFFICER_LIVE_TARGET, apiOrigin);
  u.protocol = u.protocol === 'https:' ? 'wss:' : 'ws:';
  return u.href;
}

/**
 * A server frame, checked with the protocol's schema; anything else is null and ignored
 * (a frame from a newer Worker must not break an older viewer).
 */
export function parseLiveFrame(data: unknown): OfficerLiveFrame | null {
  if (typeof data !== 'string' || data.length > 200_000) return null;
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return null;
  }
  const r = v.safeParse(OfficerLiveFrame, json);
  return r.success ? r.output : null;
}

export const BACKOFF_FIRST_MS = 1_000;
export const BACKOFF_MAX_MS = 60_000;

/**
 * Delay before reconnect attempt `attempt` (0 = first after a drop): doubling from 1 s up
 * to a minute, with "equal jitter" (half fixed, half random) so that the workstations of a
 * whole unit do not all reconnect in the same second after a Worker restart.
 */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const cap = Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * 2 ** Math.min(attempt, 16));
  return Math.round(cap / 2 + (cap / 2) * random());
}
