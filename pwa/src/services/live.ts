/**
 * Keeps one open conversation up to date (issue 3, PROTOCOL §4): a WebSocket to the
 * mailbox's live channel while the follow-up screen is open and online, and polling, the
 * guarantee, whatever the socket does (intervals in services/liveFrames.ts).
 *
 * The socket authenticates with its first frame (`Mailbox <b64>`: never a secret in the URL)
 * and is live once the server says `ready`; every pushed message goes to `onMessage`, which
 * holds it by `seq`, so a message pushed and also polled shows once. A socket that fails,
 * closes, sends a frame that is not the protocol's, or stops answering pings is closed and
 * replaced after a growing delay; meanwhile polls run every 15 s. Each time the socket is
 * ready again, and when it drops, a poll runs at once to pick up what came in between.
 */
import { LIVE_PING, type MessageItem } from '../../../schemas/mailbox-api.ts';
import { backoffDelay, parseReporterFrame, pollDelay } from './liveFrames.ts';

/** `live`: socket ready; `polling`: socket down, polls only; `offline`: no connection. */
export type LiveMode = 'connecting' | 'live' | 'polling' | 'offline';

export interface MailboxWatch {
  stop(): void;
  /** Polls now (e.g. an answer just left the outbox) rather than at the next tick. */
  pollNow(): void;
}

export interface WatchOptions {
  /** `ws(s)://…/api/v1/mailbox/{id}/live` (liveFrames.liveSocketUrl). */
  url: string;
  /** `Mailbox <b64 mailboxSecret>`: the first frame. */
  authorization: string;
  /** One poll of the conversation; resolves true when it reached the server. */
  poll: () => Promise<boolean>;
  onMessage: (m: MessageItem) => void;
  onMode: (mode: LiveMode) => void;
}

/** A socket that has not said `ready` by then is given up (the server itself waits 10 s). */
const READY_WITHIN_MS = 15_000;
/** Pings keep proxies from closing an idle socket and find a dead one that never closed. */
const PING_EVERY_MS = 25_000;
const ANSWER_WITHIN_MS = 10_000;
/** Closing code for "your frame was not the protocol's" (private range, RFC 6455 §7.4.2). */
const CLOSE_BAD_FRAME = 4000;

export function watchMailbox(o: WatchOptions): MailboxWatch {
  let stopped = false;
  let socket: WebSocket | undefined;
  let live = false;
  let attempt = 0;
  let hiddenPolls = 0;
  let polling = false;
  let pollAgain = false;
  let reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  let readyTimer: ReturnType<typeof setTimeout> | undefined;
  let pingTimer: ReturnType<typeof setInterval> | undefined;
  let answerTimer: ReturnType<typeof setTimeout> | undefined;
  let pollTimer: ReturnType<typeof setTimeout> | undefined;
  let pollDue = 0;

  const visible = () => document.visibilityState !== 'hidden';
  const mode = (m: LiveMode) => !stopped && o.onMode(m);

  function clearSocketTimers(): void {
    clearTimeout(readyTimer);
    clearInterval(pingTimer);
    clearTimeout(answerTimer);
    readyTimer = pingTimer = answerTimer = undefined;
  }

  /**
   * Sets the next poll. A poll already due sooner is kept (`after` a poll, the next one is
   * set afresh): failed reconnections, which come every few seconds, must not keep pushing
   * the poll back.
   */
  function schedulePoll(afterPoll = false): void {
    if (stopped) return;
    const due = Date.now() + pollDelay({ visible: visible(), live, hiddenPolls });
    if (!afterPoll && pollTimer !== undefined && pollDue <= due) return;
    clearTimeout(pollTimer);
    pollDue = due;
    pollTimer = setTimeout(() => {
      pollTimer = undefined;
      void runPoll();
    }, due - Date.now());
  }

  async function runPoll(): Promise<void> {
    if (stopped) return;
    if (polling) {
      pollAgain = true;
      return;
    }
    polling = true;
    clearTimeout(pollTimer);
    pollTimer = undefined;
    try {
      await o.poll();
    } catch {
      // A failed poll is retried at the next tick.
    } finally {
      polling = false;
    }
    if (!visible()) hiddenPolls++;
    if (pollAgain) {
      pollAgain = false;
      return runPoll();
    }
    schedulePoll(true);
  }

  function reconnectLater(): void {
    if (stopped) return;
    clearTimeout(reconnectTimer);
    if (!navigator.onLine) return; // `online` reconnects
    reconnectTimer = setTimeout(connect, backoffDelay(attempt++));
  }

  /** Gives up the current socket (closing it with `code`) and falls back to polling. */
  function abandon(ws: WebSocket, code = 1000): void {
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
    mode(navigator.onLine ? 'polling' : 'offline');
    // Whatever the dropped socket may have missed; then polls every 15 s.
    if (wasLive) void runPoll();
    else schedulePoll();
    reconnectLater();
  }

  function connect(): void {
    if (stopped || socket) return;
    clearTimeout(reconnectTimer);
    if (!navigator.onLine) {
      mode('offline');
      return;
    }
    let ws: WebSocket;
    try {
      ws = new WebSocket(o.url);
    } catch {
      reconnectLater();
      return;
    }
    socket = ws;
    if (!live) mode(attempt === 0 ? 'connecting' : 'polling');
    readyTimer = setTimeout(() => abandon(ws), READY_WITHIN_MS);
    ws.onopen = () => {
      if (socket === ws) ws.send(o.authorization);
    };
    ws.onmessage = (e: MessageEvent) => {
      if (socket !== ws) return;
      clearTimeout(answerTimer);
      const frame = parseReporterFrame(e.data);
      // docs/api.md: the server sends only its frames; anything else means something is
      // wrong on the way, so this socket is closed and polling carries on.
      if (!frame) return abandon(ws, CLOSE_BAD_FRAME);
      switch (frame.type) {
        case 'ready':
          clearTimeout(readyTimer);
          attempt = 0;
          live = true;
          mode('live');
          pingTimer = setInterval(() => {
            if (ws.readyState !== WebSocket.OPEN) return;
            ws.send(LIVE_PING);
            answerTimer = setTimeout(() => abandon(ws), ANSWER_WITHIN_MS);
          }, PING_EVERY_MS);
          // Whatever arrived between the last poll and this socket being ready.
          void runPoll();
          break;
        case 'message':
          if (!live) return abandon(ws, CLOSE_BAD_FRAME); // nothing is pushed before `ready`
          o.onMessage(frame.message);
          break;
        case 'pong':
          break;
      }
    };
    ws.onclose = () => abandon(ws);
    // An error is always followed by `close`.
    ws.onerror = () => undefined;
  }

  const onOnline = () => {
    attempt = 0;
    connect();
    void runPoll();
  };
  const onOffline = () => {
    if (socket) abandon(socket);
    mode('offline');
  };
  const onVisibility = () => {
    if (!visible()) return schedulePoll();
    hiddenPolls = 0;
    void runPoll();
    if (!socket) {
      attempt = 0;
      connect();
    }
  };
  addEventListener('online', onOnline);
  addEventListener('offline', onOffline);
  document.addEventListener('visibilitychange', onVisibility);

  connect();
  schedulePoll();

  return {
    stop() {
      stopped = true;
      removeEventListener('online', onOnline);
      removeEventListener('offline', onOffline);
      document.removeEventListener('visibilitychange', onVisibility);
      clearTimeout(reconnectTimer);
      clearTimeout(pollTimer);
      clearSocketTimers();
      const ws = socket;
      socket = undefined;
      try {
        ws?.close(1000);
      } catch {
        // Already closed.
      }
    },
    pollNow() {
      void runPoll();
    },
  };
}
