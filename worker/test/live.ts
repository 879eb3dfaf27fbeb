/**
 * Test-side WebSocket clients of the live channel, through the Worker's real `fetch`
 * (`SELF`, so upgrades take the same path as in production): every frame and the close
 * event are recorded, and a test can wait for the next frame or the close.
 */
import { SELF } from 'cloudflare:test';
import { TEST_API_ORIGIN } from './deployment.ts';

export interface TestSocket {
  ws: WebSocket;
  /** Text frames received, in order. */
  frames: string[];
  /** Resolves with the close code once the server closed the socket. */
  closed: Promise<number>;
  /** The next frame not yet taken (waits up to `ms`), parsed as JSON. */
  next(ms?: number): Promise<unknown>;
  /** True when a close arrived within `ms`. */
  closesWithin(ms: number): Promise<number | undefined>;
  close(): void;
}

const opened: TestSocket[] = [];

/** Closes every socket a test opened (call in `afterEach`: storage is reset between tests). */
export function closeSockets(): void {
  for (const s of opened.splice(0)) s.close();
}

/** Opens a socket on `path` (the Worker answers the upgrade); throws unless `101`. */
export async function openSocket(path: string): Promise<TestSocket> {
  const res = await SELF.fetch(TEST_API_ORIGIN + path, { headers: { Upgrade: 'websocket' } });
  const ws = res.webSocket;
  if (res.status !== 101 || !ws) throw new Error(`no upgrade: ${res.status}`);
  ws.accept();
  const frames: string[] = [];
  let taken = 0;
  let wake: (() => void) | undefined;
  let onClose: (code: number) => void = () => {};
  const closed = new Promise<number>((resolve) => (onClose = resolve));
  ws.addEventListener('message', (e) => {
    frames.push(typeof e.data === 'string' ? e.data : '<binary>');
    wake?.();
  });
  ws.addEventListener('close', (e) => {
    onClose(e.code);
    wake?.();
  });
  let isClosed = false;
  void closed.then(() => (isClosed = true));
  const socket: TestSocket = {
    ws,
    frames,
    closed,
    async next(ms = 2000) {
      const until = Date.now() + ms;
      while (taken >= frames.length) {
        if (isClosed || Date.now() > until) throw new Error(`no frame within ${ms} ms`);
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, 20);
        });
      }
      return JSON.parse(frames[taken++]!);
    },
    async closesWithin(ms) {
      return Promise.race([closed, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ms))]);
    },
    close() {
      try {
        ws.close(1000);
      } catch {
        // Already closed.
      }
    },
  };
  opened.push(socket);
  return socket;
}
