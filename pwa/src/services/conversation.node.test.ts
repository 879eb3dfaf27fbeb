import { describe, expect, it } from 'vitest';
import type { MessageItem } from '../../../schemas/mailbox-api.ts';
import { buildThread, contiguousSeq, holdMessages, lastPoliceSeq, pollAfter } from './conversation.ts';
import { newPoliceCount } from './keptCodes.ts';
import { upgradeOutboxRowV2 } from './db.ts';

const msg = (seq: number, from: 'police' | 'reporter' = 'police'): MessageItem => ({ seq, from, kid: 'K', sealed: `sealed-${seq}`, at: '2026-11-23T21:40:00Z' });
const held = (...ms: MessageItem[]) => new Map(ms.map((m) => [m.seq, m]));

describe('conversation (issue 3)', () => {
  it('holds each seq once, whatever brings it and in whatever order', () => {
    const first = holdMessages(new Map(), [msg(2), msg(1)]);
    expect(first.added.map((m) => m.seq)).toEqual([1, 2]);
    // The live channel and a poll bring 2 and 3; only 3 is new.
    const second = holdMessages(first.held, [msg(3), msg(2), msg(3)]);
    expect(second.added.map((m) => m.seq)).toEqual([3]);
    expect([...second.held.keys()].sort()).toEqual([1, 2, 3]);
  });

  it('polls after what is known complete: a message pushed past a gap does not skip the gap', () => {
    expect(contiguousSeq(held())).toBe(0);
    expect(contiguousSeq(held(msg(1), msg(2), msg(4)))).toBe(2);
    expect(pollAfter(held(msg(1), msg(2), msg(4)), 0)).toBe(2);
    // A poll that returned up to 5 covers a gap the server never had.
    expect(pollAfter(held(msg(1), msg(4)), 5)).toBe(5);
  });

  it('shows stored messages by seq, then answers still waiting, each once; unreadable ones stay', () => {
    const stored = held(msg(2, 'reporter'), msg(1), msg(3));
    const opened = new Map<string, string | null>([
      ['sealed-1', 'Pouvez-vous décrire les personnes ?'],
      ['sealed-2', 'Deux hommes.'],
      ['sealed-3', null],
      ['mine-waiting', 'Un scooter noir.'],
    ]);
    const thread = buildThread(stored, opened, [
      { sealed: 'sealed-2', state: 'sending' }, // delivered and now listed: shown once, as stored
      { sealed: 'mine-waiting', state: 'waiting' },
      { sealed: 'mine-refused', state: 'rejected', errorCode: 'not_found' },
    ]);
    expect(thread.map((m) => [m.seq, m.from, m.state, m.body])).toEqual([
      [1, 'police', 'stored', 'Pouvez-vous décrire les personnes ?'],
      [2, 'reporter', 'stored', 'Deux hommes.'],
      [3, 'police', 'stored', null],
      [null, 'reporter', 'waiting', 'Un scooter noir.'],
      [null, 'reporter', 'rejected', undefined],
    ]);
    expect(thread[4]!.errorCode).toBe('not_found');
  });

  it('counts new police messages for the badge, and what "seen" means', () => {
    const ms = [msg(1), msg(2, 'reporter'), msg(3), msg(4, 'reporter')];
    expect(newPoliceCount(ms, 0)).toBe(2);
    expect(newPoliceCount(ms, 1)).toBe(1);
    expect(newPoliceCount(ms, 3)).toBe(0);
    expect(lastPoliceSeq(held(...ms))).toBe(3);
  });
});

describe('outbox rows, Dexie version 1 → 2', () => {
  it('a version-1 row is a report to /api/v1/reports, first in line; its bytes are untouched', () => {
    const v1 = { id: 'TtlGuf5DHtdzvNZvvDbmyg', body: '{"v":1}', state: 'waiting' as const, day: '2026-11-23', attempts: 2, nextAttemptAt: 5 };
    expect(upgradeOutboxRowV2(v1)).toEqual({ kind: 'report', target: '/api/v1/reports', order: 0 });
    // Running it twice changes nothing (an interrupted upgrade is re-run by Dexie).
    const upgraded = { ...v1, ...upgradeOutboxRowV2(v1) };
    expect(upgradeOutboxRowV2(upgraded)).toEqual({ kind: 'report', target: '/api/v1/reports', order: 0 });
    expect(upgradeOutboxRowV2({ kind: 'message', target: '/api/v1/mailbox/x', order: 7 })).toEqual({ kind: 'message', target: '/api/v1/mailbox/x', order: 7 });
  });
});
