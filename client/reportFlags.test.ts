import { describe, expect, it } from 'vitest';
import { FORMS } from '../schemas/forms/index.ts';
import { answersValid, openedFlags } from './reportFlags.ts';
import { FULL_STOP_DEAL as full } from './testAnswers.node.ts';

const report = (answers: Record<string, unknown>, form = 'stop-deal', formVersion = 1) => ({ v: 1 as const, id: 'x'.repeat(22), form, formVersion, createdAt: '2026-11-23T21:40:00Z', answers, contact: null, replyTo: null, attachments: [] });

describe('answersValid', () => {
  it('accepts a complete Stop Deal report and refuses a broken one', () => {
    expect(answersValid({ form: 'stop-deal', answers: full }, FORMS, ['centre-ville', 'argentine'])).toBe(true);
    expect(answersValid({ form: 'stop-deal', answers: { ...full, frequency: 'hourly' } }, FORMS, ['centre-ville'])).toBe(false);
  });
});

describe('openedFlags', () => {
  it('collects content problems, mismatch first', () => {
    expect(openedFlags(report({ place: 'x' }), true, FORMS, ['centre-ville'])).toEqual(['id_mismatch', 'invalid_answers']);
    expect(openedFlags(report({}, 'other'), false, FORMS, [])).toEqual(['unknown_form']);
    expect(openedFlags(report({ district: 'centre-ville', place: 'x', date: '2026-11-20', frequency: 'once', activities: ['other'] }), false, FORMS, ['centre-ville'])).toEqual([]);
  });

  it('counts a form version it does not hold as an unknown form only when asked (the CLI)', () => {
    const other = report({ district: 'centre-ville', place: 'x', date: '2026-11-20', frequency: 'once', activities: ['other'] }, 'stop-deal', 2);
    expect(openedFlags(other, false, FORMS, [])).toEqual([]);
    expect(openedFlags(other, false, FORMS, [], { exactVersion: true })).toEqual(['unknown_form']);
    expect(openedFlags(report({}, 'constructor'), false, FORMS, [], { exactVersion: true })).toEqual(['unknown_form']);
  });
});
