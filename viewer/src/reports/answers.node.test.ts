import { describe, expect, it } from 'vitest';
import type { Answer } from '../../../client/answers.ts';
import { answersValid } from '../../../client/reportFlags.ts';
import { FULL_STOP_DEAL as full } from '../../../client/testAnswers.node.ts';
import { FORMS } from '../../../schemas/forms/index.ts';
import { formatAnswers, type FormatContext } from './answers.ts';

const ctx: FormatContext = { forms: FORMS, districts: [{ id: 'centre-ville', name: 'Centre-ville' }, { id: 'argentine', name: 'Argentine' }], lang: 'fr' };

const answer = (list: Answer[], id: string) => {
  const a = list.find((x) => x.id === id);
  if (!a) throw new Error(`no answer ${id}`);
  return a;
};

describe('formatAnswers', () => {
  it('labels every answer with the form’s French text, in the form’s order', () => {
    const r = formatAnswers({ form: 'stop-deal', formVersion: 1, answers: full }, ctx);
    expect(r.form).toEqual({ known: true, title: 'Stop Deal', versionMismatch: false });
    expect(r.sections.map((s) => s.title)).toEqual(['Où ?', 'Quand ?', 'Que se passe-t-il ?', 'Personnes', 'Véhicules et caches', 'Autres détails']);
    expect(r.extra).toEqual([]);
    expect(r.invalidFields).toEqual([]);
    const where = r.sections[0]!.answers;
    expect(where.map((a) => a.label)).toEqual(['Quartier', 'Rue, adresse ou repère', 'Position sur la carte (facultatif)']);
    expect(answer(where, 'district').value).toEqual({ kind: 'district', text: 'Argentine', known: true });
    expect(answer(where, 'point').value).toEqual({ kind: 'point', text: '49.43210, 2.08123', accuracy: 29 });
  });

  it('shows choices by their labels, dates and times in French', () => {
    const r = formatAnswers({ form: 'stop-deal', formVersion: 1, answers: full }, ctx);
    const when = r.sections[1]!.answers;
    expect(answer(when, 'date').value).toEqual({ kind: 'text', text: 'vendredi 20 novembre 2026', multiline: false });
    expect(answer(when, 'time-from').value).toEqual({ kind: 'text', text: '21 h 30', multiline: false });
    expect(answer(when, 'frequency').value).toEqual({ kind: 'choice', items: [{ text: 'À heures fixes', known: true }] });
    const what = r.sections[2]!.answers;
    expect(answer(what, 'activities').value).toEqual({ kind: 'choice', items: [{ text: 'Vente', known: true }, { text: 'Guetteurs', known: true }] });
  });

  it('renders groups as numbered sub-lists with their own labels', () => {
    const r = formatAnswers({ form: 'stop-deal', formVersion: 1, answers: full }, ctx);
    const vehicles = answer(r.sections[4]!.answers, 'vehicles');
    expect(vehicles.label).toBe('Véhicules');
    if (vehicles.value.kind !== 'group') throw new Error('not a group');
    expect(vehicles.value.items.map((i) => i.title)).toEqual(['Véhicule 1', 'Véhicule 2']);
    expect(vehicles.value.items[0]!.answers.map((a) => [a.label, a.value.kind === 'text' || a.value.kind === 'choice' ? JSON.stringify(a.value) : a.value.kind])).toEqual([
      ['Type', JSON.stringify({ kind: 'choice', items: [{ text: 'Voiture', known: true }] })],
      ['Marque, modèle', JSON.stringify({ kind: 'text', text: 'Clio', multiline: false })],
      ['Couleur', JSON.stringify({ kind: 'text', text: 'grise', multiline: false })],
      ['Plaque (même en partie)', JSON.stringify({ kind: 'text', text: 'AB-1', multiline: false })],
    ]);
    const people = answer(r.sections[3]!.answers, 'people');
    if (people.value.kind !== 'group') throw new Error('not a group');
    expect(answer(people.value.items[0]!.answers, 'description').value).toEqual({ kind: 'text', text: 'veste rouge\nsac banane', multiline: true });
  });

  it('uses English labels when asked', () => {
    const r = formatAnswers({ form: 'stop-deal', formVersion: 1, answers: full }, { ...ctx, lang: 'en' });
    expect(r.sections[0]!.title).toBe('Where?');
    expect(answer(r.sections[2]!.answers, 'activities').value).toEqual({ kind: 'choice', items: [{ text: 'Selling', known: true }, { text: 'Lookouts', known: true }] });
  });

  it('keeps hostile text verbatim as plain strings', () => {
    const html = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    const r = formatAnswers({ form: 'stop-deal', formVersion: 1, answers: { ...full, place: html } }, ctx);
    expect(answer(r.sections[0]!.answers, 'place').value).toEqual({ kind: 'text', text: html, multiline: false });
  });

  it('flags values that do not fit the form, and still shows them', () => {
    const r = formatAnswers(
      { form: 'stop-deal', formVersion: 1, answers: { ...full, district: 'nowhere', frequency: 'hourly', activities: ['selling', 'juggling'], people: 'three men', point: { lat: 'x' } } },
      ctx,
    );
    const where = r.sections[0]!.answers;
    expect(answer(where, 'district').value).toEqual({ kind: 'district', text: 'nowhere', known: false });
    expect(answer(where, 'point')).toMatchObject({ invalid: true, value: { kind: 'raw', text: '{"lat":"x"}' } });
    expect(answer(r.sections[1]!.answers, 'frequency')).toMatchObject({ invalid: true, value: { kind: 'choice', items: [{ text: 'hourly', known: false }] } });
    expect(answer(r.sections[2]!.answers, 'activities').value).toEqual({ kind: 'choice', items: [{ text: 'Vente', known: true }, { text: 'juggling', known: false }] });
    expect(answer(r.sections[3]!.answers, 'people')).toMatchObject({ invalid: true, value: { kind: 'raw', text: 'three men' } });
    expect(r.invalidFields).toEqual(expect.arrayContaining(['À quelle fréquence ?', 'Ce que vous avez vu', 'Personnes vues', 'Position sur la carte (facultatif)']));
    // A district id the deployment does not list is kept as text, not refused (schemas/form.ts).
    expect(r.invalidFields).not.toContain('Quartier');
  });

  it('names a missing required answer', () => {
    const { place: _place, ...rest } = full;
    const r = formatAnswers({ form: 'stop-deal', formVersion: 1, answers: rest }, ctx);
    expect(r.invalidFields).toEqual(['Rue, adresse ou repère']);
  });

  it('lists answers under keys the form does not define apart, never drops them', () => {
    const r = formatAnswers({ form: 'stop-deal', formVersion: 1, answers: { ...full, 'secret-note': { a: [1, 2] }, __proto__x: 'y' } }, ctx);
    expect(r.extra).toEqual([
      { id: 'secret-note', label: 'secret-note', value: { kind: 'raw', text: '{"a":[1,2]}' }, invalid: false },
      { id: '__proto__x', label: '__proto__x', value: { kind: 'raw', text: 'y' }, invalid: false },
    ]);
  });

  it('lists a "__proto__" answer key as text, like any other unknown key', () => {
    const answers = JSON.parse(JSON.stringify(full).replace(/^\{/, '{"__proto__":"z",')) as Record<string, unknown>;
    const r = formatAnswers({ form: 'stop-deal', formVersion: 1, answers }, ctx);
    expect(r.extra).toEqual([{ id: '__proto__', label: '__proto__', value: { kind: 'raw', text: 'z' }, invalid: false }]);
    expect(r.sections.length).toBe(6);
  });

  it('flags unknown keys inside a group item', () => {
    const r = formatAnswers({ form: 'stop-deal', formVersion: 1, answers: { ...full, vehicles: [{ kind: 'car', wheels: 4 }] } }, ctx);
    const vehicles = answer(r.sections[4]!.answers, 'vehicles');
    if (vehicles.value.kind !== 'group') throw new Error('not a group');
    expect(vehicles.value.items[0]!.answers[1]).toEqual({ id: 'wheels', label: 'wheels', value: { kind: 'raw', text: '4' }, invalid: true });
  });

  it('shows every answer of an unknown form as raw text', () => {
    const r = formatAnswers({ form: 'stop-graffiti', formVersion: 1, answers: { wall: 'north', count: 2 } }, ctx);
    expect(r.form).toEqual({ known: false, title: 'stop-graffiti', versionMismatch: false });
    expect(r.sections).toEqual([]);
    expect(r.extra.map((a) => [a.label, a.value])).toEqual([
      ['wall', { kind: 'raw', text: 'north' }],
      ['count', { kind: 'raw', text: '2' }],
    ]);
  });

  it('notes a form version this viewer does not know', () => {
    expect(formatAnswers({ form: 'stop-deal', formVersion: 2, answers: full }, ctx).form.versionMismatch).toBe(true);
  });

  it('does not treat inherited names as forms', () => {
    expect(formatAnswers({ form: 'constructor', formVersion: 1, answers: {} }, ctx).form.known).toBe(false);
    expect(answersValid({ form: 'toString', answers: {} }, FORMS, [])).toBe(false);
  });
});
