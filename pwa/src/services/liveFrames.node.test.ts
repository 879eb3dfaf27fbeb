import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../client/liveChannel.ts';
import { liveSocketUrl, parseReporterFrame, pollDelay, POLL_VISIBLE_MS } from './liveFrames.ts';
import { mailboxIdOf, mailboxPath } from './mailbox.ts';

const SEALED = 'A'.repeat(1419);
const message = { seq: 3, from: 'police', kid: 'A'.repeat(22), sealed: SEALED, at: '2026-11-23T21:40:00Z' };

describe('live channel frames (issue 3)', () => {
  it('opens on the page\'s own origin, ws: or wss:, with no secret in the URL', () => {
    expect(liveSocketUrl('http://127.0.0.1:8787/suivre', 'TtlGuf5DHtdzvNZvvDbmyg')).toBe('ws://127.0.0.1:8787/api/v1/mailbox/TtlGuf5DHtdzvNZvvDbmyg/live');
    expect(liveSocketUrl('https://stopdeal.example/suivre?x=1', 'id')).toBe('wss://stopdeal.example/api/v1/mailbox/id/live');
    expect(mailboxIdOf(mailboxPath('TtlGuf5DHtdzvNZvvDbmyg'))).toBe('TtlGuf5DHtdzvNZvvDbmyg');
    expect(mailboxIdOf('/api/v1/reports')).toBeNull();
  });

  it('reads the protocol\'s frames and nothing else', () => {
    expect(parseReporterFrame('{"type":"ready"}')).toEqual({ type: 'ready' });
    expect(parseReporterFrame('{"type":"pong"}')).toEqual({ type: 'pong' });
    expect(parseReporterFrame(JSON.stringify({ type: 'message', message }))).toEqual({ type: 'message', message });
    for (const bad of ['', 'ready', '{"type":"hello"}', JSON.stringify({ type: 'message', message: { ...message, seq: 'x' } }), JSON.stringify({ type: 'message', message: { ...message, sealed: 'AAAA' } }), new ArrayBuffer(4), 'x'.repeat(300_000)]) {
      expect(parseReporterFrame(bad)).toBeNull();
    }
  });

  it('reconnects after 1 s doubling to a minute, with jitter', () => {
    expect([0, 1, 2, 3].map((a) => backoffDelay(a, () => 1))).toEqual([1000, 2000, 4000, 8000]);
    expect(backoffDelay(0, () => 0)).toBe(500);
    expect(backoffDelay(30, () => 1)).toBe(60_000);
  });

  it('polls every 15 s while visible without a socket, 60 s with one, and backs off when hidden', () => {
    expect(pollDelay({ visible: true, live: false, hiddenPolls: 0 })).toBe(POLL_VISIBLE_MS);
    expect(POLL_VISIBLE_MS).toBe(15_000);
    expect(pollDelay({ visible: true, live: true, hiddenPolls: 0 })).toBe(60_000);
    expect([0, 1, 2, 3, 4, 10].map((n) => pollDelay({ visible: false, live: false, hiddenPolls: n }))).toEqual([60_000, 120_000, 240_000, 480_000, 600_000, 600_000]);
  });
});
