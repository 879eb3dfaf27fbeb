import { describe, expect, it } from 'vitest';
import { FORMS } from '../schemas/forms/index.ts';
import { answerSections, answerText, fieldAnswer, formatCoordinates, rawText, RAW_TEXT_MAX, type AnswerTextContext } from './answers.ts';

const stopDeal = FORMS['stop-deal']!;
const ctx: AnswerTextContext = { lang: 'fr', districts: new Map([['argentine', 'Argentine']]) };
const field = (id: string) => stopDeal.steps.flatMap((s) => s.fields).find((f) => f.id === id)!;

describe('rawText', () => {
  it('cuts very long values', () => {
    const t = rawText('a'.repeat(RAW_TEXT_MAX + 50));
    expect(t.length).toBe(RAW_TEXT_MAX + 1);
    expect(t.endsWith('…')).toBe(true);
  });
  it('writes non-strings as JSON', () => {
    expect(rawText([1, 'a', null])).toBe('[1,"a",null]');
    expect(rawText(true)).toBe('true');
  });
});

describe('formatCoordinates', () => {
  it('writes coordinates with a dot, latitude first, in every language', () => {
    expect(formatCoordinates(49.4321049, 2.0812)).toBe('49.43210, 2.08120');
  });
});

describe('answerSections', () => {
  it('labels answers by step, in the form’s order, and says which step each came from', () => {
    const sections = answerSections(stopDeal, { district: 'argentine', frequency: 'daily', place: null }, ctx);
    expect(sections.map((s) => [s.step, s.title])).toEqual([
      [0, 'Où ?'],
      [1, 'Quand ?'],
    ]);
    expect(sections[0]!.answers).toEqual([{ id: 'district', label: 'Quartier', value: { kind: 'district', text: 'Argentine', known: true }, invalid: false }]);
  });

  it('writes dates, times and points as the surface asks, as sent otherwise', () => {
    const answers = { date: '2026-11-20', 'time-from': '21:30' };
    const [when] = answerSections(stopDeal, answers, ctx);
    expect(when!.answers.map((a) => a.value)).toEqual([
      { kind: 'text', text: '2026-11-20', multiline: false },
      { kind: 'text', text: '21:30', multiline: false },
    ]);
    const [styled] = answerSections(stopDeal, answers, { ...ctx, day: (d) => `day ${d}`, clock: (t) => `at ${t}` });
    expect(styled!.answers.map((a) => a.value)).toEqual([
      { kind: 'text', text: 'day 2026-11-20', multiline: false },
      { kind: 'text', text: 'at 21:30', multiline: false },
    ]);
    expect(fieldAnswer(field('point'), { lat: 49.43, lon: 2.08 }, { ...ctx, point: (lat, lon) => `${lat}/${lon}` }).value).toEqual({ kind: 'point', text: '49.43/2.08', accuracy: undefined });
  });

  it('keeps long text whole when asked (a spreadsheet)', () => {
    const long = 'a'.repeat(RAW_TEXT_MAX + 5);
    expect(fieldAnswer(field('place'), long, { ...ctx, textMax: Infinity }).value).toEqual({ kind: 'text', text: long, multiline: false });
  });
});

describe('answerText', () => {
  it('writes an answer on one line, a group item per line', () => {
    expect(answerText(fieldAnswer(field('point'), { lat: 49.43, lon: 2.08, accuracy: 12.4 }, ctx).value)).toBe('49.43000, 2.08000 (± 12 m)');
    expect(answerText(fieldAnswer(field('activities'), ['selling', 'juggling'], ctx).value)).toBe('Vente, juggling');
    expect(answerText(fieldAnswer(field('people'), [{ count: 2, role: 'seller' }, { role: 'lookout', hat: 'red' }], ctx).value)).toBe(
      '1. Combien ? : 2 ; Rôle : Vendeur\n2. Rôle : Guetteur ; hat : red',
    );
    expect(answerText(fieldAnswer(field('district'), 'nowhere', ctx).value)).toBe('nowhere');
  });
});
