/**
 * The officers' live channel (PROTOCOL §4; docs/api.md "Live channel"): one WebSocket to
 * `GET /api/v1/live` while unlocked, authenticated by its first frame (a fresh signature,
 * shared/api.ts) so that no secret is ever in a URL. A pushed message is held like a
 * polled one (deduplicated by report and seq); a pushed report makes the list fetch now.
 *
 * The socket only speeds things up: the inbox and the report list keep polling whatever
 * happens here. A socket that fails, closes, or stops answering pings is replaced after a
 * growing delay (client/liveSocket.ts); each time it is ready again, both lists are
 * fetched at once to pick up what came while it was down. Opened by `startLive()` and closed by `stopLive()`, steps of session/start.ts.
 */
import { signal } from '@preact/signals';
import { startLiveSocket, type LiveSocket } from '../../../client/liveSocket.ts';
import { liveAuthorization } from '../shared/api.ts';
import { deployment } from '../shared/deployment.ts';
import { holdLiveMessage, refreshInbox } from '../conversation/inbox.ts';
import { liveUrl, parseLiveFrame } from './liveFrames.ts';
import { refresh as refreshReports } from '../reports/reports.ts';
import { heldOfficer } from './session.ts';

/** `off`: locked; `connecting`; `live`: authenticated; `down`: polling only, reconnecting later. */
export type LiveStatus = 'off' | 'connecting' | 'live' | 'down';
export const liveStatus = signal<LiveStatus>('off');

/**
 * Services that read frames this module does not handle (the case file's `event` frames,
 * caseFile/events.ts) get every authenticated frame's raw text, `ready` included.
 */
type FrameListener = (data: unknown) => void;
const frameListeners = new Set<FrameListener>();
export function onLiveFrame(listener: FrameListener): () => void {
  frameListeners.add(listener);
  return () => frameListeners.delete(listener);
}

let socket: LiveSocket | undefined;

/** Back online: try at once rather than wait out the backoff. */
function onOnline(): void {
  if (liveStatus.peek() !== 'down') return;
  socket?.connectNow();
}

/** Starts after unlock, last (session/start.ts): every listener is in place for the first frame. */
export function startLive(): void {
  socket?.stop();
  addEventListener('online', onOnline);
  // The socket's life is client/liveSocket.ts's; frames this viewer does not know are skipped.
  socket = startLiveSocket({
    url: liveUrl(deployment.apiOrigin),
    firstFrame: () => liveAuthorization(heldOfficer()),
    parse: parseLiveFrame,
    badFrame: 'ignore',
    onConnecting: () => (liveStatus.value = 'connecting'),
    onRaw: (data) => {
      for (const l of frameListeners) l(data);
    },
    onReady() {
      liveStatus.value = 'live';
      // Whatever arrived while there was no socket.
      void refreshInbox();
      void refreshReports();
    },
    onFrame(frame) {
      if (frame.type === 'message') holdLiveMessage(frame.message);
      else if (frame.type === 'report') void refreshReports();
    },
    onDown: () => (liveStatus.value = 'down'),
  });
}

/** On lock, first (session/start.ts): nothing new comes in. */
export function stopLive(): void {
  socket?.stop();
  socket = undefined;
  removeEventListener('online', onOnline);
  liveStatus.value = 'off';
}
