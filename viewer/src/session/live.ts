/**
 * The officers' live channel (PROTOCOL §4; docs/api.md "Live channel"): one WebSocket to
 * `GET /api/v1/live` while unlocked, authenticated by its first frame (a fresh signature,
 * services/api.ts) so that no secret is ever in a URL. A pushed message is held like a
 * polled one (deduplicated by report and seq); a pushed report makes the list fetch now.
 *
 * The socket only speeds things up: the inbox and the report list keep polling whatever
 * happens here. A socket that fails, closes, or stops answering pings is replaced after a
 * growing delay (services/liveFrames.ts); each time it is ready again, both lists are
 * fetched at once to pick up what came while it was down. Locking closes it.
 */
import { signal } from '@preact/signals';
import { LIVE_PING } from '../../../schemas/mailbox-api.ts';
import { liveAuthorization } from '../shared/api.ts';
import { deployment } from '../shared/deployment.ts';
import { holdLiveMessage, refreshInbox } from '../conversation/inbox.ts';
import { backoffDelay, liveUrl, parseLiveFrame } from './liveFrames.ts';
import { refresh as refreshReports } from '../reports/reports.ts';
import { heldOfficer, onLock, onUnlock } from './session.ts';

/** `off`: locked; `connecting`; `live`: authenticated; `down`: polling only, reconnecting later. */
export type LiveStatus = 'off' | 'connecting' | 'live' | 'down';
export const liveStatus = signal<LiveStatus>('off');

/** A socket that has not said `ready` by then is given up (the server itself waits 10 s). */
const READY_WITHIN_MS = 15_000;
/** Pings keep proxies from closing an idle socket and find a dead one that never closed. */
const PING_EVERY_MS = 25_000;
const ANSWER_WITHIN_MS = 10_000;

/**
 * Services that read frames this module does not handle (the case file's `event` frames,
 * services/caseFile.ts) get every authenticated frame's raw text, `ready` included.
 */
type FrameListener = (data: unknown) => void;
const frameListeners = new Set<FrameListener>();
export function onLiveFrame(listener: FrameListener): () => void {
  frameListeners.add(listener);
  return () => frameListeners.delete(listener);
}

let generation = 0;
let socket: WebSocket | undefined;
let attempt = 0;
let reconnectTimer: ReturnType<typeof setTimeout> | undefined;
let readyTimer: ReturnType<typeof setTimeout> | undefined;
let pingTimer: ReturnType<typeof setInterval> | undefined;
let answerTimer: ReturnType<typeof setTimeout> | undefined;

function clearTimers(): void {
  clearTimeout(reconnectTimer);
  clearTimeout(readyTimer);
  clearInterval(pingTimer);
  clearTimeout(answerTimer);
  reconnectTimer = readyTimer = pingTimer = answerTimer = undefined;
}

function reconnectLater(gen: number): void {
  if (gen !== generation) return;
  liveStatus.value = 'down';
  clearTimeout(reconnectTimer);
  reconnectTimer = setTimeout(() => connect(gen), backoffDelay(attempt++));
}

function connect(gen: number): void {
  if (gen !== generation) return;
  clearTimers();
  liveStatus.value = 'connecting';
  let ws: WebSocket;
  try {
    ws = new WebSocket(liveUrl(deployment.apiOrigin));
  } catch {
    reconnectLater(gen);
    return;
  }
  socket = ws;
  const mine = () => gen === generation && socket === ws;
  /**
   * Gives up this socket at once: a socket closed from this side may stay "closing" for a
   * while (docs/api.md: the local runtime drops the connection late), so the replacement is
   * scheduled now rather than on its `close` event, which is then ignored.
   */
  const abandon = () => {
    if (!mine()) return;
    socket = undefined;
    clearTimers();
    try {
      ws.close();
    } catch {
      // Already closed.
    }
    reconnectLater(gen);
  };
  readyTimer = setTimeout(abandon, READY_WITHIN_MS);

  ws.onopen = () => {
    Promise.resolve()
      .then(() => liveAuthorization(heldOfficer()))
      .then((authorization) => {
        if (mine() && ws.readyState === WebSocket.OPEN) ws.send(authorization);
      })
      .catch(abandon);
  };
  ws.onmessage = (e: MessageEvent) => {
    if (!mine()) return;
    clearTimeout(answerTimer);
    for (const l of frameListeners) l(e.data);
    const frame = parseLiveFrame(e.data);
    if (!frame) return;
    switch (frame.type) {
      case 'ready':
        clearTimeout(readyTimer);
        attempt = 0;
        liveStatus.value = 'live';
        pingTimer = setInterval(() => {
          if (ws.readyState !== WebSocket.OPEN) return;
          ws.send(LIVE_PING);
          answerTimer = setTimeout(abandon, ANSWER_WITHIN_MS);
        }, PING_EVERY_MS);
        // Whatever arrived while there was no socket.
        void refreshInbox();
        void refreshReports();
        break;
      case 'message':
        holdLiveMessage(frame.message);
        break;
      case 'report':
        void refreshReports();
        break;
      case 'pong':
        break;
    }
  };
  ws.onclose = () => {
    if (!mine()) return;
    socket = undefined;
    clearTimers();
    reconnectLater(gen);
  };
  // An error is always followed by `close`, which reconnects.
  ws.onerror = () => undefined;
}

/** Back online: try at once rather than wait out the backoff. */
function onOnline(): void {
  if (liveStatus.peek() !== 'down') return;
  attempt = 0;
  connect(generation);
}

onUnlock(() => {
  attempt = 0;
  addEventListener('online', onOnline);
  connect(generation);
});

onLock(() => {
  generation++;
  clearTimers();
  removeEventListener('online', onOnline);
  const ws = socket;
  socket = undefined;
  try {
    ws?.close(1000);
  } catch {
    // Already closed.
  }
  liveStatus.value = 'off';
});
