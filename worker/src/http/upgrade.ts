/**
 * WebSocket upgrades (docs/api.md "Live channel"): the Worker checks that the request is one
 * and hands it to a live channel object. Only the target and the `Upgrade` header are
 * passed on: the object never sees the client's other headers.
 */
import type { Context } from 'hono';
import type { AppEnv } from '../context.ts';
import { Refusal } from './errors.ts';

/** `400 bad_request` unless the request is a `GET` asking for a WebSocket (`Upgrade: websocket`). */
export function requireUpgrade(c: Context<AppEnv>): void {
  if (c.req.method !== 'GET' || c.req.header('Upgrade')?.toLowerCase() !== 'websocket') throw new Refusal('bad_request');
}

/** Seconds to wait when a channel holds too many unauthenticated sockets. */
export const UPGRADE_RETRY_AFTER = '10';

/**
 * Opens a socket on `channel`; the answer is the `101` with the client end, or
 * `429 rate_limited` when the channel holds too many sockets still unauthenticated.
 */
export async function upgradeTo(c: Context<AppEnv>, channel: { fetch(req: Request): Promise<Response> }): Promise<Response> {
  const url = new URL(c.req.url);
  const res = await channel.fetch(new Request(url.origin + url.pathname + url.search, { headers: { Upgrade: 'websocket' } }));
  if (res.status === 429) throw new Refusal('rate_limited', { 'Retry-After': UPGRADE_RETRY_AFTER });
  if (res.status !== 101 || !res.webSocket) throw new Error('live channel refused an upgrade');
  // A fresh answer: the object's headers are immutable, and the API middleware adds its own.
  return new Response(null, { status: 101, webSocket: res.webSocket });
}
