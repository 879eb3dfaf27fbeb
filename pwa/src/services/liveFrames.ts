/**
 * The reporter's live channel on the wire (PROTOCOL §4 "A live transport may push the same
 * message objects"; docs/api.md "Live channel"), pure: its address, the frames the server
 * sends, how long to wait before reconnecting, and how often to poll.
 */
import * as v from 'valibot';
import { mailboxLiveTarget, ReporterLiveFrame } from '../../../schemas/mailbox-api.ts';

/**
 * `ws://` / `wss://` form of the page's own origin plus the mailbox's live target: the app
 * and the API share an origin, so CSP `connect-src 'self'` covers it (CSP Level 3 matches
 * `ws:`/`wss:` on the same host and port). No secret is in the URL.
 */
export function liveSocketUrl(pageHref: string, id: string): string {
  const u = new URL(mailboxLiveTarget(id), pageHref);
  u.protocol = u.protocol === 'https:' ? 'wss:' : 'ws:';
  return u.href;
}

/** A server frame checked with the protocol's schema; anything else is null (a bad frame). */
export function parseReporterFrame(data: unknown): ReporterLiveFrame | null {
  if (typeof data !== 'string' || data.length > 200_000) return null;
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return null;
  }
  const r = v.safeParse(ReporterLiveFrame, json);
  return r.success ? r.output : null;
}

export const BACKOFF_FIRST_MS = 1_000;
export const BACKOFF_MAX_MS = 60_000;

/**
 * Delay before reconnect attempt `attempt` (0 = first after a drop): doubling from 1 s up to
 * a minute, half fixed and half random, so phones do not all reconnect in the same second
 * after a Worker restart.
 */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const cap = Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * 2 ** Math.min(attempt, 16));
  return Math.round(cap / 2 + (cap / 2) * random());
}

/**
 * Polling, the guarantee (§4): every 15 s while the screen is visible and the socket is
 * down, a pace that keeps a question-and-answer exchange going without the socket (an
 * officer waits at most 15 s, on average 7.5 s, for the resident's screen to show a
 * question) for ~100 bytes per empty answer; every 60 s as a safety net while the socket is
 * live; and while the app is hidden, 60 s doubling to 10 min, since nobody is looking and
 * a phone's radio should sleep. Becoming visible, coming online or the socket dropping
 * polls at once.
 */
export const POLL_VISIBLE_MS = 15_000;
export const POLL_WITH_LIVE_MS = 60_000;
export const POLL_HIDDEN_FIRST_MS = 60_000;
export const POLL_HIDDEN_MAX_MS = 600_000;

export function pollDelay(o: { visible: boolean; live: boolean; hiddenPolls: number }): number {
  if (!o.visible) return Math.min(POLL_HIDDEN_MAX_MS, POLL_HIDDEN_FIRST_MS * 2 ** Math.min(o.hiddenPolls, 16));
  return o.live ? POLL_WITH_LIVE_MS : POLL_VISIBLE_MS;
}
