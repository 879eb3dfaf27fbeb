/**
 * The reporter's live channel on the wire (PROTOCOL §4 "A live transport may push the same
 * message objects"; docs/api.md "Live channel"), pure: its address, the frames the server
 * sends, and how often to poll (reconnecting is client/liveSocket.ts's).
 */
import { liveSocketUrl as socketUrl, parseLiveFrame } from '../../../client/liveChannel.ts';
import { mailboxLiveTarget, ReporterLiveFrame } from '../../../schemas/mailbox-api.ts';

/**
 * `ws://` / `wss://` form of the page's own origin plus the mailbox's live target: the app
 * and the API share an origin, so CSP `connect-src 'self'` covers it (CSP Level 3 matches
 * `ws:`/`wss:` on the same host and port). No secret is in the URL.
 */
export function liveSocketUrl(pageHref: string, id: string): string {
  return socketUrl(mailboxLiveTarget(id), pageHref);
}

/** A server frame checked with the protocol's schema; anything else is null (a bad frame). */
export function parseReporterFrame(data: unknown): ReporterLiveFrame | null {
  return parseLiveFrame(ReporterLiveFrame, data);
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
