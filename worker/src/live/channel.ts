/**
 * The live channel (PROTOCOL §4 "A live transport (WebSocket) may push the same message
 * objects"; docs/api.md "Live channel"): a Durable Object holding hibernatable WebSockets.
 *
 * Secrets never travel in a URL: a socket is accepted unauthenticated and its FIRST client
 * frame must be a text frame holding exactly the `Authorization` value an HTTP request would
 * carry. A first frame that fails, a second frame sent before `ready`, or no frame within
 * {@link LIVE_AUTH_TIMEOUT_MS} (a Durable Object alarm) closes the socket with 1008 and no
 * reason. Only authenticated sockets receive anything. After `ready`, a client frame `ping`
 * is answered `{"type":"pong"}` and every other frame is ignored. Nothing is logged, and
 * nothing about a socket is stored but its attachment (state, deadline, target, who).
 */
import { DurableObject } from 'cloudflare:workers';
import { LIVE_AUTH_TIMEOUT_MS, LIVE_CLOSE_POLICY, LIVE_PING } from '../../../schemas/mailbox-api.ts';
import type { Env } from '../env.ts';

/** What a socket carries across hibernation (`serializeAttachment`). */
export interface SocketAttachment {
  /** `pending`: no frame yet; `checking`: first frame under check; `open`: authenticated. */
  state: 'pending' | 'checking' | 'open';
  /** Unix ms by which a pending socket must have authenticated. */
  deadline: number;
  /** The request target of the upgrade (`url.pathname + url.search`), which an officer signs. */
  target: string;
  /** Who authenticated: an officerId on the hub, `reporter` on a mailbox. */
  who?: string;
}

/**
 * Sockets an object holds that have not authenticated yet; past this, upgrades are refused
 * (`429`) until some authenticate or time out, so strangers cannot pile up sockets.
 * Authenticated sockets are not capped.
 */
export const MAX_PENDING_SOCKETS = 64;
/** A first frame longer than this is refused unread (an `Authorization` value is ~200 chars). */
export const MAX_AUTH_FRAME = 1024;
/**
 * "Exactly the Authorization value": visible ASCII with inner spaces only. A header would
 * have its surrounding whitespace trimmed; a frame is taken as it is, so none is allowed.
 */
const AUTH_VALUE = /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/;
const READY = JSON.stringify({ type: 'ready' });
const PONG = JSON.stringify({ type: 'pong' });

function attachmentOf(ws: WebSocket): SocketAttachment {
  return ws.deserializeAttachment() as SocketAttachment;
}

/** Closes with 1008 and no reason; a socket already closing is left alone. */
function refuse(ws: WebSocket): void {
  try {
    ws.close(LIVE_CLOSE_POLICY);
  } catch {
    // Already closed.
  }
}

export abstract class LiveChannel extends DurableObject<Env> {
  /**
   * Checks a first frame for the socket opened on `target`; returns who authenticated, or
   * `undefined`. Must not throw for bad input.
   */
  protected abstract authenticate(frame: string, target: string): Promise<string | undefined>;

  /**
   * Accepts an upgrade the Worker has already routed here (method and header checked);
   * answers `429` (no socket) when {@link MAX_PENDING_SOCKETS} are already pending.
   */
  override async fetch(request: Request): Promise<Response> {
    const pending = this.ctx.getWebSockets().filter((ws) => attachmentOf(ws).state !== 'open').length;
    if (pending >= MAX_PENDING_SOCKETS) return new Response(null, { status: 429 });
    const url = new URL(request.url);
    const [client, server] = Object.values(new WebSocketPair()) as [WebSocket, WebSocket];
    this.ctx.acceptWebSocket(server);
    const deadline = Date.now() + LIVE_AUTH_TIMEOUT_MS;
    server.serializeAttachment({ state: 'pending', deadline, target: url.pathname + url.search } satisfies SocketAttachment);
    const alarm = await this.ctx.storage.getAlarm();
    if (alarm === null || alarm > deadline) await this.ctx.storage.setAlarm(deadline);
    return new Response(null, { status: 101, webSocket: client });
  }

  override async webSocketMessage(ws: WebSocket, message: string | ArrayBuffer): Promise<void> {
    const a = attachmentOf(ws);
    if (a.state === 'open') {
      if (message === LIVE_PING) ws.send(PONG);
      return;
    }
    // A second frame before `ready` breaks the protocol.
    if (a.state === 'checking') return refuse(ws);
    ws.serializeAttachment({ ...a, state: 'checking' } satisfies SocketAttachment);
    let who: string | undefined;
    if (typeof message === 'string' && message.length <= MAX_AUTH_FRAME && AUTH_VALUE.test(message)) {
      try {
        who = await this.authenticate(message, a.target);
      } catch {
        who = undefined;
      }
    }
    if (who === undefined) return refuse(ws);
    try {
      ws.serializeAttachment({ state: 'open', deadline: 0, target: a.target, who } satisfies SocketAttachment);
      ws.send(READY);
    } catch {
      // Closed (or timed out) while the check ran.
    }
  }

  override async webSocketClose(ws: WebSocket, code: number): Promise<void> {
    try {
      // Complete the closing handshake; 1005/1006 are not codes one may send.
      ws.close(code === 1005 || code === 1006 ? 1000 : code);
    } catch {
      // Already closed.
    }
  }

  override async webSocketError(): Promise<void> {
    // Nothing to do: the runtime drops the socket; nothing is logged.
  }

  /** Closes pending sockets past their deadline; re-arms for the next one. */
  override async alarm(): Promise<void> {
    const now = Date.now();
    let next = Infinity;
    for (const ws of this.ctx.getWebSockets()) {
      const a = attachmentOf(ws);
      if (a.state === 'open') continue;
      if (a.deadline <= now) refuse(ws);
      else next = Math.min(next, a.deadline);
    }
    if (next !== Infinity) await this.ctx.storage.setAlarm(next);
  }

  /** Sends `frame` to every authenticated socket (RPC from the Worker); returns how many. */
  broadcast(frame: string): number {
    let sent = 0;
    for (const ws of this.ctx.getWebSockets()) {
      if (attachmentOf(ws).state !== 'open') continue;
      try {
        ws.send(frame);
        sent++;
      } catch {
        // Closing: polling covers it.
      }
    }
    return sent;
  }

  /**
   * Closes the authenticated sockets of `who` (every one when `who` is undefined), with
   * 1008: the credential no longer holds (report deleted, officer revoked).
   */
  disconnect(who?: string): number {
    let closed = 0;
    for (const ws of this.ctx.getWebSockets()) {
      const a = attachmentOf(ws);
      if (who !== undefined && a.who !== who) continue;
      refuse(ws);
      closed++;
    }
    return closed;
  }
}
