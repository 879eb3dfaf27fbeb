import { describe, expect, it } from 'vitest';
import { backoffDelay, BACKOFF_MAX_MS } from '../../../client/liveChannel.ts';
import { liveUrl, parseLiveFrame } from './liveFrames.ts';

const KID = 'KKKKKKKKKKKKKKKKKKKKKA';
const ID = 'A'.repeat(22);
const SEALED = 'A'.repeat(Math.ceil((1064 * 4) / 3));

describe('live channel', () => {
  it('addresses the hub at the ws form of the API origin, with nothing secret in the URL', () => {
    expect(liveUrl('http://127.0.0.1:18787')).toBe('ws://127.0.0.1:18787/api/v1/live');
    expect(liveUrl('https://api.stopdeal.example')).toBe('wss://api.stopdeal.example/api/v1/live');
  });

  it('reads the server’s frames with the protocol’s schema', () => {
    expect(parseLiveFrame('{"type":"ready"}')).toEqual({ type: 'ready' });
    expect(parseLiveFrame(`{"type":"report","seq":4,"id":"${ID}"}`)).toEqual({ type: 'report', seq: 4, id: ID });
    const message = { seq: 2, from: 'reporter', kid: KID, sealed: SEALED, at: '2026-11-23T21:41:00Z', reportId: ID, arrival: 9 };
    expect(parseLiveFrame(JSON.stringify({ type: 'message', message }))).toEqual({ type: 'message', message });
  });

  it('ignores anything else', () => {
    for (const bad of ['', 'pong', '{"type":"unknown"}', '{"type":"message","message":{"seq":0}}', '[]', 'null', new ArrayBuffer(4), 42]) {
      expect(parseLiveFrame(bad)).toBeNull();
    }
    const message = { seq: 2, from: 'reporter', kid: KID, sealed: 'A'.repeat(100), at: '2026-11-23T21:41:00Z', reportId: ID, arrival: 9 };
    expect(parseLiveFrame(JSON.stringify({ type: 'message', message }))).toBeNull();
  });

  it('backs off from about a second to a minute, with jitter', () => {
    expect(backoffDelay(0, () => 0)).toBe(500);
    expect(backoffDelay(0, () => 1)).toBe(1000);
    expect(backoffDelay(3, () => 1)).toBe(8000);
    expect(backoffDelay(10, () => 1)).toBe(BACKOFF_MAX_MS);
    expect(backoffDelay(1000, () => 0.5)).toBe(45_000);
  });
});
