/**
 * The officers' live channel on the wire (PROTOCOL §4 "A live transport may push the same
 * message objects"; docs/api.md "Live channel"), pure: its address, the frames the server
 * sends (reconnecting is client/liveSocket.ts's).
 */
import { liveSocketUrl, parseLiveFrame as parseFrame } from '../../../client/liveChannel.ts';
import { OFFICER_LIVE_TARGET, OfficerLiveFrame } from '../../../schemas/mailbox-api.ts';

/** `ws://` / `wss://` form of the API origin plus the hub's target (no secret in the URL). */
export function liveUrl(apiOrigin: string): string {
  return liveSocketUrl(OFFICER_LIVE_TARGET, apiOrigin);
}

/**
 * A server frame, checked with the protocol's schema; anything else is null and ignored
 * (a frame from a newer Worker must not break an older viewer).
 */
export function parseLiveFrame(data: unknown): OfficerLiveFrame | null {
  return parseFrame(OfficerLiveFrame, data);
}
