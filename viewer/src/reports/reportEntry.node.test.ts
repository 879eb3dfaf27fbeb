import { describe, expect, it } from 'vitest';
import { FORMS } from '../../../schemas/forms/index.ts';
import * as v from 'valibot';
import type { ReportItem } from '../../../schemas/api.ts';
import { Kid } from '../../../schemas/keys.ts';
import { lastSeq, LIST_PLACE_MAX, mergeNewestFirst, openedEntry, summarize, unreadableEntry, type ReportEntry } from './reportEntry.ts';
import type { FormatContext } from './answers.ts';

const ctx: FormatContext = { forms: FORMS, districts: [{ id: 'centre-ville', name: 'Centre-ville' }], lang: 'fr' };

const item = (seq: number): ReportItem => ({ seq, id: `id${seq}`.padEnd(22, 'A'), kid: v.parse(Kid, 'A'.repeat(22)), sealed: '', mailbox: true, blobs: [], receivedAt: '2026-11-23T21:00:00Z' });
const report = (answers: Record<string, unknown>, form = 'stop-deal') => ({ v: 1 as const, id: 'x'.repeat(22), form, formVersion: 1, createdAt: '2026-11-23T21:40:00Z', answers, contact: null, replyTo: null, attachments: [] });

describe('report entries', () => {
  it('lists newest first by arrival order, replacing a refetched entry instead of duplicating it', () => {
    const a = [unreadableEntry(item(1), 'undecryptable'), unreadableEntry(item(3), 'undecryptable')];
    const merged = mergeNewestFirst(a, [unreadableEntry(item(2), 'unknown_key'), unreadableEntry(item(3), 'unknown_key')]);
    expect(merged.map((e) => [e.seq, e.problems[0]])).toEqual([
      [3, 'unknown_key'],
      [2, 'unknown_key'],
      [1, 'undecryptable'],
    ]);
    expect(lastSeq(merged)).toBe(3);
    expect(lastSeq([])).toBe(0);
  });

  it('adds pages of newer reports to thousands held, newest first, without losing or doubling one', () => {
    let held: ReportEntry[] = [];
    for (let page = 0; page < 20; page++) {
      const incoming = Array.from({ length: 500 }, (_, i) => unreadableEntry(item(page * 500 + i + 1), 'undecryptable'));
      held = mergeNewestFirst(held, incoming);
    }
    expect(held).toHaveLength(10_000);
    expect(held.every((e, i) => e.seq === 10_000 - i)).toBe(true);
    // An older or repeated entry still goes through the full merge.
    const again = mergeNewestFirst(held, [unreadableEntry(item(10_000), 'unknown_key'), unreadableEntry(item(10_001), 'undecryptable')]);
    expect(again).toHaveLength(10_001);
    expect(again.slice(0, 2).map((e) => [e.seq, e.problems[0]])).toEqual([
      [10_001, 'undecryptable'],
      [10_000, 'unknown_key'],
    ]);
  });

  it('keeps an unreadable report as a flagged entry with its outer facts', () => {
    const e = unreadableEntry(item(5), 'undecryptable');
    expect(e).toEqual({ seq: 5, id: item(5).id, kid: item(5).kid, receivedAt: '2026-11-23T21:00:00Z', mailbox: true, blobs: [], report: null, problems: ['undecryptable'] });
    expect(summarize(e, ctx)).toEqual({ form: null, district: null, place: null });
  });

  it('summarizes the list columns as text: form title, district name, place cut short', () => {
    const long = 'p'.repeat(LIST_PLACE_MAX + 10);
    const e: ReportEntry = openedEntry(item(1), report({ district: 'centre-ville', place: long }), []);
    expect(summarize(e, ctx)).toEqual({ form: 'Stop Deal', district: 'Centre-ville', place: 'p'.repeat(LIST_PLACE_MAX) + '…' });
    const odd = openedEntry(item(2), report({ district: 'zone-51', place: 42 }, 'stop-graffiti'), ['unknown_form']);
    expect(summarize(odd, ctx)).toEqual({ form: 'stop-graffiti', district: 'zone-51', place: null });
  });
});
