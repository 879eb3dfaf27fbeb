import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import type { CaseEventBody } from '../../../schemas/caseFile.ts';
import { Kid, OfficerId } from '../../../schemas/keys.ts';
import { applyTags, buildCaseStates, foldCases, historyItem, namesOf, type EventRecord } from './caseFold.ts';

const R1 = 'AAAAAAAAAAAAAAAAAAAAAA';
const R2 = 'AQAAAAAAAAAAAAAAAAAAAA';
const ALICE = v.parse(OfficerId, 'QUxJQ0UAAAAAAAAAAAAAAA');
const BOB = v.parse(OfficerId, 'Qk9CAAAAAAAAAAAAAAAAAA');
const UNIT = v.parse(Kid, 'Qk9CAAAAAAAAAAAAAAAAAA');
const RETENTION = { months: 12, closedMonths: 2 };

let seq = 0;
function rec(reportId: string, event: Partial<CaseEventBody> & { type: CaseEventBody['type'] }, officerId = ALICE, outer = reportId): EventRecord {
  seq++;
  return {
    seq,
    reportId: outer,
    storedAt: `2026-11-23T10:${String(seq).padStart(2, '0')}:00Z`,
    opened: { officerId, event: { v: 1, reportId, at: `2026-11-23T10:${String(seq).padStart(2, '0')}:05Z`, ...event } as CaseEventBody },
    problem: null,
  };
}

describe('applyTags', () => {
  it('adds once whatever the case, and removes', () => {
    expect(applyTags(['Urgent'], ['urgent', 'Hall B'], [])).toEqual(['Urgent', 'Hall B']);
    expect(applyTags(['Urgent', 'Hall B'], [], ['URGENT'])).toEqual(['Hall B']);
    expect(applyTags([], ['a'], ['a'])).toEqual([]);
  });
});

describe('foldCases', () => {
  it('applies events in seq order, whatever order they arrive in', () => {
    seq = 0;
    const a = rec(R1, { type: 'status', status: 'a-verifier' });
    const b = rec(R1, { type: 'assign', assignee: BOB, assigneeName: 'Bob' });
    const c = rec(R1, { type: 'tags', add: ['guetteurs', 'hall'], remove: [] }, BOB);
    const d = rec(R1, { type: 'status', status: 'verifie' }, BOB);
    const e = rec(R1, { type: 'note', text: 'vu sur place' });
    const f = rec(R1, { type: 'tags', add: [], remove: ['hall'] });
    const folded = foldCases([f, d, a, c, e, b]).get(R1)!;
    expect(folded.status).toBe('verifie');
    expect(folded.assignee).toBe(BOB);
    expect(folded.assigneeName).toBe('Bob');
    expect(folded.tags).toEqual(['guetteurs']);
    expect(folded.notes).toBe(1);
    expect(folded.history.map((h) => h.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(folded.history.every((h) => h.verified)).toBe(true);
    expect(folded.history[2]).toMatchObject({ officerId: BOB, type: 'tags', detail: { add: ['guetteurs', 'hall'] } });
  });

  it('keeps cases of different reports apart; unassigning clears the assignee', () => {
    seq = 0;
    const folded = foldCases([rec(R1, { type: 'assign', assignee: ALICE }), rec(R2, { type: 'status', status: 'classe' }), rec(R1, { type: 'assign', assignee: null })]);
    expect(folded.get(R1)!.assignee).toBeNull();
    expect(folded.get(R1)!.status).toBe('nouveau');
    expect(folded.get(R2)!.status).toBe('classe');
  });

  it('shows an event that does not open, flagged, and lets it change nothing', () => {
    seq = 0;
    const good = rec(R1, { type: 'status', status: 'verifie' });
    const bad: EventRecord = { seq: 9, reportId: R1, storedAt: '2026-11-23T11:00:00Z', opened: null, problem: 'integrity' };
    const folded = foldCases([good, bad]).get(R1)!;
    expect(folded.status).toBe('verifie');
    expect(folded.history).toHaveLength(2);
    expect(folded.history[1]).toMatchObject({ type: 'unreadable', verified: false, problem: 'integrity', at: '2026-11-23T11:00:00Z' });
  });

  it('flags an event signed for another report (a replay) and does not apply it', () => {
    seq = 0;
    const replayed = rec(R2, { type: 'status', status: 'classe' }, ALICE, R1);
    const folded = foldCases([replayed]);
    expect(folded.get(R1)!.status).toBe('nouveau');
    expect(folded.get(R1)!.history[0]).toMatchObject({ verified: false, problem: 'report-mismatch', type: 'status' });
    expect(folded.has(R2)).toBe(false);
  });

  it('flags an author missing from the roster when the roster is known', () => {
    seq = 0;
    const r = rec(R1, { type: 'status', status: 'verifie' }, BOB);
    expect(foldCases([r], new Set([ALICE])).get(R1)!.status).toBe('nouveau');
    expect(historyItem(r, new Set([ALICE])).item.problem).toBe('unknown-author');
    expect(foldCases([r], null).get(R1)!.status).toBe('verifie');
  });

  it('counts a forward and keeps the latest recorded expiry', () => {
    seq = 0;
    const folded = foldCases([
      rec(R1, { type: 'forward', unit: 'Brigade des stupéfiants', unitKid: UNIT, reportIds: [R1, R2] }),
      rec(R1, { type: 'expiry', expiresAt: '2027-01-23T10:00:00Z' }),
      rec(R1, { type: 'expiry', expiresAt: '2027-11-23T10:00:00Z' }),
    ]).get(R1)!;
    expect(folded.forwarded).toBe(true);
    expect(folded.recordedExpiry).toBe('2027-11-23T10:00:00Z');
    expect(folded.history[0]!.detail).toMatchObject({ unit: 'Brigade des stupéfiants', count: 2 });
  });
});

describe('namesOf', () => {
  it('takes the latest name each officer gave, from proven events only', () => {
    seq = 0;
    const names = namesOf([
      rec(R1, { type: 'note', text: 'x', authorName: 'Brigadier Durand' }),
      rec(R1, { type: 'note', text: 'y', authorName: 'Cne Durand' }),
      rec(R1, { type: 'note', text: 'z' }, BOB),
      { seq: 99, reportId: R1, storedAt: '2026-11-23T11:00:00Z', opened: null, problem: 'integrity' },
    ]);
    expect([...names]).toEqual([[ALICE, 'Cne Durand']]);
  });
});

describe('buildCaseStates', () => {
  it('gives every held report a state and an expiry; closed cases expire earlier', () => {
    seq = 0;
    const folded = foldCases([
      rec(R1, { type: 'status', status: 'classe' }),
      rec(R1, { type: 'expiry', expiresAt: '2027-01-23T10:00:00Z' }),
      rec(R1, { type: 'assign', assignee: BOB }),
    ]);
    const states = buildCaseStates(
      [
        { id: R1, receivedAt: '2026-11-23T10:00:00Z' },
        { id: R2, receivedAt: '2026-03-31T10:00:00Z' },
      ],
      folded,
      RETENTION,
      new Map([[BOB, 'Bob']]),
    );
    expect(states.get(R1)).toMatchObject({ status: 'classe', expiresAt: '2027-01-23T10:00:00Z', assignee: BOB, assigneeName: 'Bob' });
    expect(states.get(R2)).toMatchObject({ status: 'nouveau', expiresAt: '2027-03-31T10:00:00Z', history: [] });
  });

  it('never shows an expiry later than the town’s retention period', () => {
    seq = 0;
    const folded = foldCases([rec(R1, { type: 'expiry', expiresAt: '2030-01-01T00:00:00Z' })]);
    const states = buildCaseStates([{ id: R1, receivedAt: '2026-11-23T10:00:00Z' }], folded, RETENTION, new Map());
    expect(states.get(R1)!.expiresAt).toBe('2027-11-23T10:00:00Z');
  });

  it('keeps the case of a report not held, with what its events say', () => {
    seq = 0;
    const states = buildCaseStates([], foldCases([rec(R2, { type: 'status', status: 'transmis' })]), RETENTION, new Map());
    expect(states.get(R2)).toMatchObject({ status: 'transmis', expiresAt: null });
  });
});
