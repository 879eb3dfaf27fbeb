/**
 * One live socket's life (PROTOCOL §4; docs/api.md "Live channel"), as the reporter app and
 * the viewer both live it: connect, authenticate with the first frame (never a secret in the
 * URL), wait for `ready`, ping, and when anything goes wrong give the socket up and try again
 * after a growing delay (liveChannel.ts `backoffDelay`). What differs is passed in: how the
 * first frame is made (a mailbox secret, a fresh signature), which frames to expect, what a
 * frame that is not the protocol's means, and what to do when the socket is ready or drops.
 *
 * The socket only speeds things up: each app polls whatever happens here.
 */
import { LIVE_PING } from '../schemas/mailbox-api.ts';
import { backoffDelay } from './liveChannel.ts';

/** A socket that has not said `ready` by then is given up (the server itself waits 10 s). */
export const READY_WITHIN_MS = 15_000;
/** Pings keep proxies from closing an idle socket and find a dead one that never closed. */
export const PING_EVERY_MS = 25_000;
export const ANSWER_WITHIN_MS = 10_000;
/** Closing code for "your frame was not the protocol's" (private range, RFC 6455 §7.4.2). */
export const CLOSE_BAD_FRAME = 4000;

/** The part of a `WebSocket` this uses, so that tests can pass a fake one. */
export interface SocketLike {
  readonly readyState: number;
  onopen: ((e: Event) => unknown) | null;
  onmessage: ((e: MessageEvent) => unknown) | null;
  onclose: ((e: CloseEvent) => unknown) | null;
  onerror: ((e: Event) => unknown) | null;
  send(data: string): void;
  close(code?: number): void;
}

export interface LiveSocketOptions<F extends { type: string }> {
  url: string;
  /** The first frame, sent once the socket opens: `Mailbox <b64>` or a fresh `Signature …`. */
  firstFrame: () => string | Promise<string>;
  /** A server frame checked with the protocol's schema (liveChannel.ts `parseLiveFrame`); null if it is not one. */
  parse: (data: unknown) => F | null;
  /**
   * `close`: a frame that is not the protocol's, or anything but `ready` before `ready`, means
   * something is wrong on the way, so the socket is closed (code 4000) and replaced (the
   * reporter app). `ignore`: such a frame is skipped, since a newer Worker may send frames an
   * older app does not know (the viewer).
   */
  badFrame: 'close' | 'ignore';
  /** False while the device is offline: no socket is tried, no retry is set (`connectNow` when back). */
  isOnline?: () => boolean;
  /** A connection was wanted while offline. */
  onOffline?: () => void;
  /** A socket is being opened; `attempt` is 0 for the first since the start or `connectNow`. */
  onConnecting?: (attempt: number) => void;
  /** Every frame of the current socket, before it is parsed (`ready` included). */
  onRaw?: (data: unknown) => void;
  /** The server said `ready`: the socket is live. */
  onReady: () => void;
  /** A server frame other than `ready` and `pong`. */
  onFrame: (frame: F) => void;
  /** The socket was given up or closed; `wasLive` if it had said `ready`. A retry is set after this. */
  onDown: (wasLive: boolean) => void;
  /** `new WebSocket` unless given (tests). */
  open?: (url: string) => SocketLike;
}

export interface LiveSocket {
  /** Connects now when there is no socket, as a first attempt (the backoff starts over). */
  connectNow(): void;
  /** Gives up the current socket, if any, as a drop (`onDown`, then a retry when online). */
  drop(): void;
  /** True while a socket is open or opening. */
  readonly connected: boolean;
  /** Closes for good: no callback, no retry. */
  stop(): void;
}

const OPEN = 1;

/** Starts the life of one live socket; it connects at once. */
export function startLiveSocket<F extends { type: string }>(o: LiveSocketOptions<F>): LiveSocket {
  const online = o.isOnline ?? (() => true);
  const open = o.open ?? ((url: string) => new WebSocket(url));
  let stopped = false;
  let socket: SocketLike | undefined;
  let live = false;
  let attempt = 0;
  let reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  let readyTimer: ReturnType<typeof setTimeout> | undefined;
  let pingTimer: ReturnType<typeof setInterval> | undefined;
  let answerTimer: ReturnType<typeof setTimeout> | undefined;

  function clearSocketTimers(): void {
    clearTimeout(readyTimer);
    clearInterval(pingTimer);
    clearTimeout(answerTimer);
    readyTimer = pingTimer = answerTimer = undefined;
  }

  function reconnectLater(): void {
    if (stopped) return;
    clearTimeout(reconnectTimer);
    if (!online()) return; // the app calls connectNow when back online
    reconnectTimer = setTimeout(connect, backoffDelay(attempt++));
  }

  /**
   * Gives up `ws` at once: a socket closed from this side may stay "closing" for a while
   * (docs/api.md: the local runtime drops the connection late), so the replacement is
   * scheduled now rather than on its `close` event, which is then ignored.
   */
  function abandon(ws: SocketLike, code = 1000): void {
    if (socket !== ws) return;
    socket = undefined;
    const wasLive = live;
    live = false;
    clearSocketTimers();
    try {
      ws.close(code);
    } catch {
      // Already closed.
    }
    if (stopped) return;
    o.onDown(wasLive);
    reconnectLater();
  }

  function connect(): void {
    if (stopped || socket) return;
    clearTimeout(reconnectTimer);
    reconnectTimer = undefined;
    if (!online()) {
      o.onOffline?.();
      return;
    }
    let ws: SocketLike;
    try {
      ws = open(o.url);
    } catch {
      o.onDown(false);
      reconnectLater();
      return;
    }
    socket = ws;
    o.onConnecting?.(attempt);
    readyTimer = setTimeout(() => abandon(ws), READY_WITHIN_MS);
    ws.onopen = () => {
      Promise.resolve()
        .then(o.firstFrame)
        .then((frame) => {
          if (socket === ws && ws.readyState === OPEN) ws.send(frame);
        })
        .catch(() => abandon(ws));
    };
    ws.onmessage = (e: MessageEvent) => {
      if (socket !== ws) return;
      clearTimeout(answerTimer);
      o.onRaw?.(e.data);
      const frame = o.parse(e.data);
      const strict = o.badFrame === 'close';
      // docs/api.md: the server sends only its frames, and nothing is pushed before `ready`.
      if (!frame) return strict ? abandon(ws, CLOSE_BAD_FRAME) : undefined;
      if (frame.type === 'ready') {
        clearTimeout(readyTimer);
        attempt = 0;
        live = true;
        pingTimer = setInterval(() => {
          if (ws.readyState !== OPEN) return;
          ws.send(LIVE_PING);
          answerTimer = setTimeout(() => abandon(ws), ANSWER_WITHIN_MS);
        }, PING_EVERY_MS);
        o.onReady();
      } else if (frame.type !== 'pong') {
        if (strict && !live) return abandon(ws, CLOSE_BAD_FRAME);
        o.onFrame(frame);
      }
    };
    ws.onclose = () => abandon(ws);
    // An error is always followed by `close`.
    ws.onerror = () => undefined;
  }

  connect();

  return {
    connectNow() {
      attempt = 0;
      connect();
    },
    drop() {
      if (socket) abandon(socket);
    },
    get connected() {
      return socket !== undefined;
    },
    stop() {
      stopped = true;
      clearTimeout(reconnectTimer);
      clearSocketTimers();
      const ws = socket;
      socket = undefined;
      live = false;
      try {
        ws?.close(1000);
      } catch {
        // Already closed.
      }
    },
  };
}
