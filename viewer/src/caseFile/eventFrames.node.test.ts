import { describe, expect, it } from 'vitest';
import { parseCaseFrame } from './eventFrames.ts';

// 1072 bytes (the smallest sealed event) as base64url without padding: 1430 characters.
const event = { seq: 7, reportId: 'AAAAAAAAAAAAAAAAAAAAAA', kid: 'S0lEAAAAAAAAAAAAAAAAAA', sealed: 'A'.repeat(1430), at: '2026-11-23T21:40:00Z' };

describe('parseCaseFrame', () => {
  it('reads event frames and ready', () => {
    expect(parseCaseFrame(JSON.stringify({ type: 'event', event }))).toEqual({ kind: 'event', event });
    expect(parseCaseFrame('{"type":"ready"}')).toEqual({ kind: 'ready' });
  });

  it('ignores every other frame and anything malformed', () => {
    expect(parseCaseFrame('{"type":"pong"}')).toBeNull();
    expect(parseCaseFrame('{"type":"report","seq":3,"id":"AAAAAAAAAAAAAAAAAAAAAA"}')).toBeNull();
    expect(parseCaseFrame(JSON.stringify({ type: 'event', event: { ...event, sealed: 'AAAA' } }))).toBeNull();
    expect(parseCaseFrame(JSON.stringify({ type: 'event', event: { ...event, seq: 0 } }))).toBeNull();
    expect(parseCaseFrame('not json')).toBeNull();
    expect(parseCaseFrame(new ArrayBuffer(4))).toBeNull();
    expect(parseCaseFrame('x'.repeat(300_000))).toBeNull();
  });
});
