import * as v from 'valibot';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseLiveFrame } from './liveChannel.ts';
import { ANSWER_WITHIN_MS, CLOSE_BAD_FRAME, PING_EVERY_MS, READY_WITHIN_MS, startLiveSocket, type LiveSocketOptions, type SocketLike } from './liveSocket.ts';

const Frame = v.variant('type', [v.object({ type: v.literal('ready') }), v.object({ type: v.literal('pong') }), v.object({ type: v.literal('message'), n: v.number() })]);
type Frame = v.InferOutput<typeof Frame>;

class FakeSocket implements SocketLike {
  readyState = 0;
  sent: string[] = [];
  closedWith: number | undefined | null = null;
  onopen: SocketLike['onopen'] = null;
  onmessage: SocketLike['onmessage'] = null;
  onclose: SocketLike['onclose'] = null;
  onerror: SocketLike['onerror'] = null;
  constructor(readonly url: string) {}
  send(data: string) {
    this.sent.push(data);
  }
  close(code?: number) {
    this.closedWith = code;
    this.readyState = 3;
  }
  async opened() {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
    await vi.advanceTimersByTimeAsync(0);
  }
  says(frame: unknown) {
    this.onmessage?.({ data: typeof frame === 'string' ? frame : JSON.stringify(frame) } as MessageEvent);
  }
}

let sockets: FakeSocket[];
let events: string[];
function start(o: Partial<LiveSocketOptions<Frame>> = {}) {
  return startLiveSocket<Frame>({
    url: 'ws://api.test/live',
    firstFrame: () => 'Mailbox secret',
    parse: (data) => parseLiveFrame(Frame, data),
    badFrame: 'close',
    onConnecting: (attempt) => events.push(`connecting ${attempt}`),
    onReady: () => events.push('ready'),
    onFrame: (f) => events.push(`frame ${f.type}`),
    onDown: (wasLive) => events.push(`down ${wasLive}`),
    open: (url) => {
      const s = new FakeSocket(url);
      sockets.push(s);
      return s;
    },
    ...o,
  });
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.spyOn(Math, 'random').mockReturnValue(0);
  sockets = [];
  events = [];
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('live socket lifecycle', () => {
  it('authenticates with its first frame, goes live on ready, and hands over frames', async () => {
    start();
    await sockets[0]!.opened();
    expect(sockets[0]!.sent).toEqual(['Mailbox secret']);
    sockets[0]!.says({ type: 'ready' });
    sockets[0]!.says({ type: 'message', n: 1 });
    sockets[0]!.says({ type: 'pong' });
    expect(events).toEqual(['connecting 0', 'ready', 'frame message']);
  });

  it('pings while live and gives up a socket that stops answering, then reconnects after the backoff', async () => {
    start();
    await sockets[0]!.opened();
    sockets[0]!.says({ type: 'ready' });
    await vi.advanceTimersByTimeAsync(PING_EVERY_MS);
    expect(sockets[0]!.sent).toEqual(['Mailbox secret', 'ping']);
    await vi.advanceTimersByTimeAsync(ANSWER_WITHIN_MS);
    expect(sockets[0]!.closedWith).toBe(1000);
    expect(events).toEqual(['connecting 0', 'ready', 'down true']);
    await vi.advanceTimersByTimeAsync(500); // first backoff: 1 s, half of it fixed
    expect(sockets).toHaveLength(2);
    expect(events.at(-1)).toBe('connecting 1'); // a retry: the reporter app shows "polling"
  });

  it('gives up a socket that never says ready, with growing delays', async () => {
    start();
    await vi.advanceTimersByTimeAsync(READY_WITHIN_MS);
    expect(events).toEqual(['connecting 0', 'down false']);
    await vi.advanceTimersByTimeAsync(500);
    expect(events.at(-1)).toBe('connecting 1');
    await vi.advanceTimersByTimeAsync(READY_WITHIN_MS + 999);
    expect(sockets).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(sockets).toHaveLength(3);
  });

  it('closes with 4000 on a frame that is not the protocol, or a push before ready, when strict', async () => {
    start();
    await sockets[0]!.opened();
    sockets[0]!.says('{"type":"surprise"}');
    expect(sockets[0]!.closedWith).toBe(CLOSE_BAD_FRAME);
    await vi.advanceTimersByTimeAsync(500);
    await sockets[1]!.opened();
    sockets[1]!.says({ type: 'message', n: 1 });
    expect(sockets[1]!.closedWith).toBe(CLOSE_BAD_FRAME);
    expect(events.filter((e) => e.startsWith('frame'))).toEqual([]);
  });

  it('skips unknown frames when lenient, and shows every raw frame', async () => {
    const raw: unknown[] = [];
    start({ badFrame: 'ignore', onRaw: (d) => raw.push(d) });
    await sockets[0]!.opened();
    sockets[0]!.says('{"type":"event"}');
    sockets[0]!.says({ type: 'ready' });
    expect(sockets[0]!.closedWith).toBeNull();
    expect(raw).toEqual(['{"type":"event"}', '{"type":"ready"}']);
    expect(events).toEqual(['connecting 0', 'ready']);
  });

  it('tries nothing while offline, and stops for good', async () => {
    let online = false;
    const live = start({ isOnline: () => online, onOffline: () => events.push('offline') });
    expect(sockets).toHaveLength(0);
    expect(events).toEqual(['offline']);
    online = true;
    live.connectNow();
    expect(live.connected).toBe(true);
    live.stop();
    expect(sockets[0]!.closedWith).toBe(1000);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(sockets).toHaveLength(1);
    expect(events).toEqual(['offline', 'connecting 0']);
  });
});
