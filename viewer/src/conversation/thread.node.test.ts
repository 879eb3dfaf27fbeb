import { describe, expect, it } from 'vitest';
import type { InboxMessage, MessageItem } from '../../../schemas/mailbox-api.ts';
import { byReport, contiguousSeq, lastSeqOf, mergeThread, noteArrival, notePage, START_CURSOR, unreadSeqs } from './thread.ts';

const msg = (seq: number, from: 'police' | 'reporter' = 'reporter', sealed = `s${seq}`): MessageItem => ({ seq, from, kid: 'K'.repeat(22), sealed, at: '2026-11-23T21:41:00Z' });
const seqs = (t: readonly MessageItem[]) => t.map((m) => m.seq);

describe('mergeThread', () => {
  it('keeps messages oldest first, each seq once, whatever order and copies arrive', () => {
    const a = mergeThread(undefined, [msg(2), msg(1)]);
    expect(seqs(a.thread)).toEqual([1, 2]);
    expect(seqs(a.added)).toEqual([1, 2]);
    // Live frame, then the poll bringing the same messages again, then the report's own list.
    const b = mergeThread(a.thread, [msg(4)]);
    const c = mergeThread(b.thread, [msg(2), msg(3), msg(4), msg(3)]);
    expect(seqs(c.thread)).toEqual([1, 2, 3, 4]);
    expect(seqs(c.added)).toEqual([3]);
  });

  it('returns the same array when nothing is new, so nothing re-renders', () => {
    const a = mergeThread(undefined, [msg(1), msg(2)]);
    const again = mergeThread(a.thread, [msg(2), msg(1)]);
    expect(again.thread).toBe(a.thread);
    expect(again.added).toEqual([]);
  });

  it('keeps the first copy of a seq', () => {
    const a = mergeThread(undefined, [msg(1, 'reporter', 'first')]);
    expect(mergeThread(a.thread, [msg(1, 'reporter', 'second')]).thread[0]!.sealed).toBe('first');
  });
});

describe('contiguousSeq and lastSeqOf', () => {
  it('fetches again from the first gap', () => {
    expect(contiguousSeq([])).toBe(0);
    expect(contiguousSeq([msg(1), msg(2), msg(3)])).toBe(3);
    expect(contiguousSeq([msg(1), msg(2), msg(4)])).toBe(2);
    expect(contiguousSeq([msg(2), msg(3)])).toBe(0);
    expect(lastSeqOf([msg(1), msg(4)])).toBe(4);
    expect(lastSeqOf([])).toBe(0);
  });
});

describe('unreadSeqs', () => {
  it('counts the reporter’s messages after what was opened', () => {
    const t = [msg(1, 'police'), msg(2), msg(3)];
    expect(unreadSeqs(t, 0)).toEqual([2, 3]);
    expect(unreadSeqs(t, 2)).toEqual([3]);
    expect(unreadSeqs(t, 3)).toEqual([]);
  });

  it('treats answers followed by a police message as read', () => {
    expect(unreadSeqs([msg(1, 'police'), msg(2), msg(3, 'police')], 0)).toEqual([]);
    expect(unreadSeqs([msg(1, 'police'), msg(2), msg(3, 'police'), msg(4)], 0)).toEqual([4]);
  });

  it('never counts police messages', () => {
    expect(unreadSeqs([msg(1, 'police'), msg(2, 'police')], 0)).toEqual([]);
  });
});

describe('byReport', () => {
  it('groups inbox items by report and drops the inbox-only fields', () => {
    const item = (reportId: string, seq: number, arrival: number): InboxMessage => ({ ...msg(seq), reportId, arrival });
    const g = byReport([item('A', 1, 1), item('B', 1, 2), item('A', 2, 3)]);
    expect([...g.keys()]).toEqual(['A', 'B']);
    expect(g.get('A')).toEqual([msg(1), msg(2)]);
  });
});

describe('arrival cursor', () => {
  it('moves over contiguous live arrivals only', () => {
    let c = notePage(START_CURSOR, 10);
    expect(c.after).toBe(10);
    c = noteArrival(c, 12);
    expect(c.after).toBe(10);
    c = noteArrival(c, 13);
    expect(c.after).toBe(10);
    c = noteArrival(c, 11);
    expect(c.after).toBe(13);
    expect([...c.ahead]).toEqual([]);
  });

  it('ignores arrivals already behind the cursor', () => {
    const c = notePage(START_CURSOR, 5);
    expect(noteArrival(c, 3)).toBe(c);
  });

  it('lets a poll page move the cursor over gaps and absorb what was ahead', () => {
    let c = noteArrival(notePage(START_CURSOR, 4), 9);
    c = notePage(c, 7);
    expect(c.after).toBe(7);
    expect([...c.ahead]).toEqual([9]);
    c = notePage(c, 8);
    expect(c.after).toBe(9);
    // A page never moves it back.
    expect(notePage(c, 2).after).toBe(9);
  });
});
