import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { answersSchema } from '../../../schemas/form.ts';
import { stopDeal, stopRodeos } from '../../../schemas/forms/index.ts';
import { en } from '../i18n/en.ts';
import { fr } from '../i18n/fr.ts';
import { cleanAnswers, isVisible, type RawAnswers } from './answers.ts';
import { errorText } from './messages.ts';
import { reviewSections } from './review.ts';
import { firstInvalidStep, validateStep } from './validate.ts';

const DISTRICTS = ['centre-ville', 'argentine'];
const frLoc = (t: { fr: string }) => t.fr;

const complete: RawAnswers = {
  district: 'argentine',
  place: '  Cage d’escalier du 12 rue des Lilas  ',
  date: '2026-11-20',
  'time-from': '21:30',
  frequency: 'daily',
  activities: ['stash', 'selling'],
  people: [{ count: '3', role: 'lookout', description: 'Veste rouge' }, {}],
  vehicles: [{ kind: 'car', colour: '' }],
  details: '',
};

describe('showIf', () => {
  const hours = stopDeal.steps[1]!.fields.find((f) => f.id === 'hours')!;
  it('shows a field only when the other field has the value', () => {
    expect(isVisible(hours, { frequency: 'daily' })).toBe(false);
    expect(isVisible(hours, { frequency: 'set-hours' })).toBe(true);
    expect(isVisible(hours, {})).toBe(false);
  });
  it('matches a value among those ticked in a multiple choice', () => {
    expect(isVisible({ ...hours, showIf: { field: 'activities', equals: 'other' } }, { activities: ['selling', 'other'] })).toBe(true);
  });
  it('drops a hidden field from what is sealed, even if it was typed before', () => {
    const cleaned = cleanAnswers(stopDeal, { ...complete, hours: '17 h – 22 h' });
    expect(cleaned).not.toHaveProperty('hours');
    expect(cleanAnswers(stopDeal, { ...complete, frequency: 'set-hours', hours: '17 h – 22 h' }).hours).toBe('17 h – 22 h');
  });
});

describe('cleanAnswers', () => {
  it('trims, parses numbers, drops empty values and untouched group items, orders ticked options', () => {
    const cleaned = cleanAnswers(stopDeal, complete);
    expect(cleaned).toEqual({
      district: 'argentine',
      place: 'Cage d’escalier du 12 rue des Lilas',
      date: '2026-11-20',
      'time-from': '21:30',
      frequency: 'daily',
      activities: ['selling', 'stash'],
      people: [{ count: 3, role: 'lookout', description: 'Veste rouge' }],
      vehicles: [{ kind: 'car' }],
    });
    expect(v.safeParse(answersSchema(stopDeal, DISTRICTS), cleaned).success).toBe(true);
  });
  it('produces answers the schema accepts for the Stop Rodéos form too', () => {
    const cleaned = cleanAnswers(stopRodeos, { district: 'centre-ville', place: 'Parking', date: '2026-11-01', frequency: 'weekly', count: '4', kinds: ['quad'] });
    expect(v.safeParse(answersSchema(stopRodeos, DISTRICTS), cleaned).success).toBe(true);
  });
});

describe('validateStep', () => {
  it('names every missing required field of the step, in order', () => {
    const errors = validateStep(stopDeal, 0, {}, DISTRICTS);
    expect(errors.map((e) => [e.path, e.code, e.kind])).toEqual([
      ['district', 'required', 'district'],
      ['place', 'required', 'text'],
    ]);
    expect(errors.map((e) => errorText(e, fr, frLoc))).toEqual(['Choisissez un quartier pour « Quartier ».', 'Écrivez une réponse pour « Rue, adresse ou repère ».']);
  });
  it('treats blank text as missing', () => {
    expect(validateStep(stopDeal, 0, { district: 'argentine', place: '   ' }, DISTRICTS).map((e) => e.path)).toEqual(['place']);
  });
  it('refuses a district that is not the town’s', () => {
    expect(validateStep(stopDeal, 0, { district: 'atlantis', place: 'x' }, DISTRICTS)[0]).toMatchObject({ path: 'district', code: 'unknown_option' });
  });
  it('checks lengths with the numbers in the message', () => {
    const [e] = validateStep(stopDeal, 0, { district: 'argentine', place: 'x'.repeat(301) }, DISTRICTS);
    expect(errorText(e!, fr, frLoc)).toBe('« Rue, adresse ou repère » est trop long : 301 caractères pour 300 au plus.');
  });
  it('checks dates and times that do not exist', () => {
    const errors = validateStep(stopDeal, 1, { date: '2026-02-30', 'time-from': '25:00', frequency: 'once' }, DISTRICTS);
    expect(errors.map((e) => [e.path, e.code])).toEqual([
      ['date', 'bad_date'],
      ['time-from', 'bad_time'],
    ]);
  });
  it('checks fields inside group items and says which item', () => {
    const errors = validateStep(stopDeal, 3, { people: [{ count: '2' }, { count: 'beaucoup' }, { count: '99' }] }, DISTRICTS);
    expect(errors.map((e) => [e.path, e.code])).toEqual([
      ['people-1-count', 'not_integer'],
      ['people-2-count', 'out_of_range'],
    ]);
    expect(errorText(errors[1]!, fr, frLoc)).toBe('Groupe de personnes 3 — « Combien ? » : écrivez un nombre entre 1 et 50.');
    expect(errorText(errors[1]!, en, (t) => t.en)).toBe('Group of people 3 — “How many?”: write a number between 1 and 50.');
  });
  it('checks the contact on the last step only', () => {
    const last = stopDeal.steps.length - 1;
    expect(validateStep(stopDeal, last, {}, DISTRICTS, 'x'.repeat(501))[0]).toMatchObject({ path: 'contact', code: 'too_long' });
    expect(validateStep(stopDeal, 0, { district: 'argentine', place: 'x' }, DISTRICTS, 'x'.repeat(501))).toEqual([]);
  });
  it('finds the first step that still needs something', () => {
    expect(firstInvalidStep(stopDeal, {}, DISTRICTS)).toBe(0);
    expect(firstInvalidStep(stopDeal, { district: 'argentine', place: 'x' }, DISTRICTS)).toBe(1);
    expect(firstInvalidStep(stopDeal, complete, DISTRICTS)).toBe(-1);
  });
});

describe('reviewSections', () => {
  it('lists exactly the cleaned answers, by step, with district names and option labels', () => {
    const sections = reviewSections(stopDeal, cleanAnswers(stopDeal, complete), new Map([['argentine', 'Argentine']]), 'fr');
    expect(sections.map((s) => s.title)).toEqual(['Où ?', 'Quand ?', 'Que se passe-t-il ?', 'Personnes', 'Véhicules et caches']);
    expect(sections[0]!.answers[0]).toMatchObject({ id: 'district', value: { kind: 'district', text: 'Argentine' } });
    expect(sections[2]!.answers[0]).toMatchObject({ value: { kind: 'choice', items: [{ text: 'Vente' }, { text: 'Cache de drogue' }] } });
    const people = sections[3]!.answers[0]!;
    expect(people.id).toBe('people');
    expect(people.value.kind === 'group' && people.value.items.map((i) => i.answers.map((a) => a.id))).toEqual([['count', 'role', 'description']]);
  });
});

describe('dictionaries', () => {
  const shape = (o: unknown): unknown =>
    typeof o === 'function' ? `fn/${(o as (...a: unknown[]) => unknown).length}` : o && typeof o === 'object' ? Object.fromEntries(Object.entries(o).map(([k, x]) => [k, shape(x)])) : typeof o;
  it('have the same keys and the same parameters in French and English', () => {
    expect(shape(en)).toEqual(shape(fr));
  });
});
