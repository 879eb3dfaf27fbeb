/**
 * Keeps one open conversation up to date (issue 3, PROTOCOL §4): a WebSocket to the
 * mailbox's live channel while the follow-up screen is open and online, and polling, the
 * guarantee, whatever the socket does (intervals in services/liveFrames.ts).
 *
 * The socket authenticates with its first frame (`Mailbox <b64>`: never a secret in the URL)
 * and is live once the server says `ready`; every pushed message goes to `onMessage`, which
 * holds it by `seq`, so a message pushed and also polled shows once. A socket that fails,
 * closes, sends a frame that is not the protocol's, or stops answering pings is closed and
 * replaced after a growing delay (client/liveSocket.ts); meanwhile polls run every 15 s. Each time the socket is
 * ready again, and when it drops, a poll runs at once to pick up what came in between.
 */
import { startLiveSocket } from '../../../client/liveSocket.ts';
import type { MessageItem } from '../../../schemas/mailbox-api.ts';
import { parseReporterFrame, pollDelay } from './liveFrames.ts';

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

export function watchMailbox(o: WatchOptions): MailboxWatch {
  let stopped = false;
  let live = false;
  let hiddenPolls = 0;
  let polling = false;
  let pollAgain = false;
  let pollTimer: ReturnType<typeof setTimeout> | undefined;
  let pollDue = 0;

  const visible = () => document.visibilityState !== 'hidden';
  const mode = (m: LiveMode) => !stopped && o.onMode(m);

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

  // The socket's life is client/liveSocket.ts's; a frame that is not the protocol's, or a
  // message pushed before `ready`, closes it, and polling carries on.
  const socket = startLiveSocket({
    url: o.url,
    firstFrame: () => o.authorization,
    parse: parseReporterFrame,
    badFrame: 'close',
    isOnline: () => navigator.onLine,
    onOffline: () => mode('offline'),
    onConnecting: (attempt) => mode(attempt === 0 ? 'connecting' : 'polling'),
    onReady() {
      live = true;
      mode('live');
      // Whatever arrived between the last poll and this socket being ready.
      void runPoll();
    },
    onFrame(frame) {
      if (frame.type === 'message') o.onMessage(frame.message);
    },
    onDown(wasLive) {
      live = false;
      mode(navigator.onLine ? 'polling' : 'offline');
      // Whatever the dropped socket may have missed; then polls every 15 s.
      if (wasLive) void runPoll();
      else schedulePoll();
    },
  });

  const onOnline = () => {
    socket.connectNow();
    void runPoll();
  };
  const onOffline = () => {
    socket.drop();
    mode('offline');
  };
  const onVisibility = () => {
    if (!visible()) return schedulePoll();
    hiddenPolls = 0;
    void runPoll();
    if (!socket.connected) socket.connectNow();
  };
  addEventListener('online', onOnline);
  addEventListener('offline', onOffline);
  document.addEventListener('visibilitychange', onVisibility);

  schedulePoll();

  return {
    stop() {
      stopped = true;
      removeEventListener('online', onOnline);
      removeEventListener('offline', onOffline);
      document.removeEventListener('visibilitychange', onVisibility);
      clearTimeout(pollTimer);
      socket.stop();
    },
    pollNow() {
      void runPoll();
    },
  };
}
