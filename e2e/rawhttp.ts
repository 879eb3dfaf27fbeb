/**
 * A raw-socket HTTP/1.1 client for hostile traffic (docs/hostile-traffic.md): it sends
 * exactly the bytes it is given (lying lengths, trickled or endless bodies, garbage), the
 * way an attacker's script or Python's `urllib` would, which `fetch` cannot do.
 * Traffic goes to 127.0.0.1 only.
 */
import { connect, type Socket } from 'node:net';

export interface RawAnswer {
  /** Status of the first answer on the connection, or null when none arrived. */
  status: number | null;
  head: string;
  body: string;
  /** How the connection ended: an answer read in full, closed by the server, reset, or the client's deadline. */
  end: 'answered' | 'closed' | 'reset' | 'deadline';
}

export interface RawConn {
  socket: Socket;
  /** Resolves with the first answer (or how the connection ended without one). */
  answer: Promise<RawAnswer>;
  write(data: string | Uint8Array): Promise<void>;
  close(): void;
}

const port = (url: string) => Number(new URL(url).port);

/**
 * Opens a connection to `apiUrl`'s port on 127.0.0.1. The answer is parsed as soon as its
 * head and `Content-Length` body are in; `deadlineMs` bounds the wait (then `end: 'deadline'`).
 */
export function rawConnect(apiUrl: string, deadlineMs = 15_000): RawConn {
  const socket = connect({ host: '127.0.0.1', port: port(apiUrl) });
  socket.setNoDelay(true);
  let buf = Buffer.alloc(0);
  const answer = new Promise<RawAnswer>((resolve) => {
    let settled = false;
    const finish = (end: RawAnswer['end']) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      const text = buf.toString('latin1');
      const i = text.indexOf('\r\n\r\n');
      const head = i < 0 ? text : text.slice(0, i);
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(head);
      resolve({ status: m ? Number(m[1]) : null, head, body: i < 0 ? '' : text.slice(i + 4), end: m && end !== 'answered' && i >= 0 ? 'answered' : end });
    };
    const timer = setTimeout(() => finish('deadline'), deadlineMs);
    socket.on('data', (d: Buffer) => {
      buf = Buffer.concat([buf, d]);
      const text = buf.toString('latin1');
      const i = text.indexOf('\r\n\r\n');
      if (i < 0) return;
      const len = /\r\ncontent-length:\s*(\d+)/i.exec(text.slice(0, i));
      if (len && buf.length - i - 4 >= Number(len[1])) finish('answered');
      else if (!len && /^HTTP\/1\.1 101 /.test(text)) finish('answered');
    });
    socket.on('error', (e: NodeJS.ErrnoException) => finish(e.code === 'ECONNRESET' || e.code === 'EPIPE' ? 'reset' : 'closed'));
    socket.on('close', () => finish('closed'));
  });
  return {
    socket,
    answer,
    write: (data) =>
      new Promise((done) => {
        if (socket.destroyed || socket.writableEnded) return done();
        socket.write(data, () => done());
      }),
    close: () => socket.destroy(),
  };
}

/** Sends `bytes` at once and waits for the first answer; the client leaves after reading it. */
export async function rawRequest(apiUrl: string, bytes: string | Uint8Array, deadlineMs = 15_000): Promise<RawAnswer> {
  const c = rawConnect(apiUrl, deadlineMs);
  void c.write(bytes);
  const a = await c.answer;
  c.close();
  return a;
}

/** A request head with `CRLF` line ends; `host` is 127.0.0.1 with the API's port. */
export function head(apiUrl: string, requestLine: string, headers: Record<string, string | number> | (readonly [string, string | number])[] = {}): string {
  const list = Array.isArray(headers) ? headers : Object.entries(headers);
  return `${requestLine}\r\nHost: 127.0.0.1:${port(apiUrl)}\r\n${list.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
