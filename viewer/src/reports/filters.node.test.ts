import { describe, expect, it } from 'vitest';
import { FORMS } from '../../../schemas/forms/index.ts';
import { activeFilterCount, applyFilters, NO_FILTERS, UNASSIGNED, type FilterContext, type Filters } from './filters.ts';
import { cases, entry, unreadable } from './testEntries.node.ts';

const districts = [
  { id: 'centre-ville', name: 'Centre-ville' },
  { id: 'argentine', name: 'Argentine' },
];
const A = entry({ district: 'centre-ville', place: 'Cage B, 12 rue des Lilas', date: '2026-11-20', details: 'Le guetteur a dégagé vite' }, { receivedAt: '2026-11-21T08:00:00Z' });
const B = entry({ district: 'argentine', place: 'Parking du gymnase', date: '2026-10-02', activities: ['stash'] }, { receivedAt: '2026-11-22T23:00:00Z' });
const C = entry({ district: 'argentine', place: 'Square', kinds: ['quad'] }, { form: 'stop-rodeos', receivedAt: '2025-12-01T10:00:00Z' });
const D = unreadable({ receivedAt: '2026-11-23T10:00:00Z' });
const all = [D, C, B, A];

const ctx: FilterContext = {
  forms: FORMS,
  districts,
  caseOf: cases({
    [A.id]: { status: 'a-verifier', assignee: 'OFFICER1', assigneeName: 'Dupont', tags: ['cage B'] },
    [B.id]: { status: 'transmis', tags: ['stupéfiants', 'cage B'] },
    [D.id]: { expiresAt: '2026-12-01T00:00:00Z' },
  }),
  retention: { months: 12, closedMonths: 2 },
  now: new Date('2026-11-24T12:00:00Z'),
  timeZone: 'Europe/Paris',
};
const ids = (f: Partial<Filters>) => applyFilters(all, { ...NO_FILTERS, ...f }, ctx).map((e) => e.id);

describe('applyFilters', () => {
  it('lets everything through with no criterion, in the order given', () => {
    expect(ids({})).toEqual([D.id, C.id, B.id, A.id]);
    expect(activeFilterCount(NO_FILTERS)).toBe(0);
  });

  it('filters by district, form and status', () => {
    expect(ids({ district: 'argentine' })).toEqual([C.id, B.id]);
    expect(ids({ form: 'stop-rodeos' })).toEqual([C.id]);
    expect(ids({ status: 'nouveau' })).toEqual([D.id, C.id]);
    expect(ids({ status: 'transmis', district: 'argentine' })).toEqual([B.id]);
  });

  it('filters by assignee (or nobody) and by tag', () => {
    expect(ids({ assignee: 'OFFICER1' })).toEqual([A.id]);
    expect(ids({ assignee: UNASSIGNED })).toEqual([D.id, C.id, B.id]);
    expect(ids({ tag: 'cage B' })).toEqual([B.id, A.id]);
    expect(ids({ tag: 'stupéfiants' })).toEqual([B.id]);
  });

  it('filters by the day received, in the workstation’s zone, bounds included', () => {
    // B arrived 2026-11-22T23:00Z, which is the 23rd in Paris.
    expect(ids({ from: '2026-11-23', to: '2026-11-23' })).toEqual([D.id, B.id]);
    expect(ids({ from: '2026-11-21' })).toEqual([D.id, B.id, A.id]);
    expect(ids({ to: '2026-11-21' })).toEqual([C.id, A.id]);
  });

  it('filters by the report’s own date, falling back on the day received', () => {
    expect(ids({ period: 'reported', from: '2026-11-01' })).toEqual([D.id, A.id]);
    expect(ids({ period: 'reported', to: '2026-10-31' })).toEqual([C.id, B.id]);
  });

  it('keeps only what expires soon: a recorded expiry or the end of retention', () => {
    // D has an expiry in a week; C arrived almost 12 months ago (retention 12 months).
    expect(ids({ expiringSoon: true })).toEqual([D.id, C.id]);
  });

  it('searches the content, accent- and case-insensitively, every word', () => {
    expect(ids({ text: 'degage' })).toEqual([A.id]);
    expect(ids({ text: 'GUETTEUR lilas' })).toEqual([A.id]);
    expect(ids({ text: 'cache' })).toEqual([B.id]); // "Cache de drogue", the label of `stash`
    expect(ids({ text: 'quad' })).toEqual([C.id]);
    expect(ids({ text: 'lilas parking' })).toEqual([]);
    expect(ids({ text: D.id.toLowerCase() })).toEqual([D.id]);
  });

  it('combines criteria and counts them', () => {
    const f = { ...NO_FILTERS, text: 'cage', district: 'centre-ville', tag: 'cage B', expiringSoon: false };
    expect(applyFilters(all, f, ctx).map((e) => e.id)).toEqual([A.id]);
    expect(activeFilterCount(f)).toBe(3);
    expect(activeFilterCount({ ...f, expiringSoon: true, from: '2026-01-01' })).toBe(5);
  });
});
