/**
 * Reading bodies under hostile clients (docs/hostile-traffic.md): past the cap the stream is
 * read and dropped, never cancelled (the cancel stalled `wrangler dev`'s next request), and a
 * client that leaves mid-body is a `400`, not a `500`.
 */
import { describe, expect, it } from 'vitest';
import { call, errorOf, JSON_HEADERS } from './helpers.ts';

function stream(chunks: number, size: number, end: 'close' | 'error', onCancel: () => void = () => {}): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    pull(c) {
      if (sent++ < chunks) c.enqueue(new Uint8Array(size).fill(0x61));
      else if (end === 'close') c.close();
      else c.error(new Error('client left'));
    },
    cancel: onCancel,
  });
}

describe('request bodies under hostile clients', () => {
  it('answers 413 past the cap without cancelling the stream, having read what came', async () => {
    let cancelled = false;
    const body = stream(20, 16384, 'close', () => (cancelled = true));
    const res = await call('/api/v1/reports', { method: 'POST', headers: JSON_HEADERS, body, duplex: 'half' } as RequestInit);
    expect((await errorOf(res)).code).toBe('too_large');
    expect(cancelled).toBe(false);
  });

  it('answers 400 (not 500) when the client leaves in the middle of the body', async () => {
    const res = await call('/api/v1/reports', { method: 'POST', headers: JSON_HEADERS, body: stream(2, 1000, 'error'), duplex: 'half' } as RequestInit);
    expect(await errorOf(res)).toMatchObject({ status: 400, code: 'bad_request' });
  });
});
