import { describe, expect, it } from 'vitest';
import { FORMS } from '../../../schemas/forms/index.ts';
import type { ReportPlaintext } from '../../../schemas/report.ts';
import { matchesTerms, normalizeText, queryTerms, searchableText } from './search.ts';

const ctx = { forms: FORMS, districts: [{ id: 'centre-ville', name: 'Centre-ville' }] };
const report = (answers: Record<string, unknown>, extra: Partial<ReportPlaintext> = {}): ReportPlaintext => ({
  v: 1, id: 'AAAAAAAAAAAAAAAAAAAAAA', form: 'stop-deal', formVersion: 1, createdAt: '2026-11-23T21:40:00Z', answers, contact: null, replyTo: null, attachments: [], ...extra,
});
const finds = (query: string, text: string) => matchesTerms(text, queryTerms(query));

describe('normalizeText', () => {
  it('folds accents, case, ligatures and punctuation', () => {
    expect(normalizeText('Cage d’escalier, DÉGAGÉ !')).toBe('cage d escalier degage');
    expect(normalizeText('Œil de bœuf')).toBe('oeil de boeuf');
    expect(normalizeText('ÇA   va\n\tBIEN')).toBe('ca va bien');
    expect(normalizeText('Straße')).toBe('strasse');
    expect(normalizeText('ﬁn')).toBe('fin');
  });

  it('keeps digits and letters of other scripts', () => {
    expect(normalizeText('Bât. 12-B')).toBe('bat 12 b');
    expect(normalizeText('Москва')).toBe('москва');
  });
});

describe('queryTerms and matchesTerms', () => {
  it('finds accented words from plain queries and the reverse', () => {
    expect(finds('degage', normalizeText('Il a dégagé la zone'))).toBe(true);
    expect(finds('DÉGAGÉ', normalizeText('degage'))).toBe(true);
    expect(finds('oeil', normalizeText('un œil'))).toBe(true);
    expect(finds("d'escalier", normalizeText('cage d’escalier'))).toBe(true);
  });

  it('needs every word, in any order; no word matches everything', () => {
    const text = normalizeText('12, Rue des Lilas, cage B');
    expect(finds('lilas 12', text)).toBe(true);
    expect(finds('12 rue', text)).toBe(true);
    expect(finds('lilas roses', text)).toBe(false);
    expect(queryTerms('  ,; ')).toEqual([]);
    expect(finds('', text)).toBe(true);
  });

  it('drops repeated words', () => {
    expect(queryTerms('Rue rue RUE')).toEqual(['rue']);
  });
});

describe('searchableText', () => {
  it('holds answers, choice labels in both languages, district names, groups, contact and ids', () => {
    const text = searchableText(
      'OUTERIDOUTERIDOUTERIDX',
      report(
        {
          district: 'centre-ville',
          place: 'Hall du 12 rue Émile-Zola',
          activities: ['lookouts'],
          people: [{ count: 3, role: 'seller', description: 'Casquette rouge' }],
          vehicles: [{ kind: 'motorbike', plate: 'AB-123-CD' }],
          unknownKey: { nested: 'Valeur cachée' },
          point: { lat: 49.43, lon: 2.08 },
        },
        { contact: 'Mme Dupré' },
      ),
      ctx,
    );
    for (const q of ['emile zola', 'guetteurs', 'lookouts', 'centre ville', 'casquette', 'vendeur', 'ab 123', 'valeur cachee', 'dupre', 'stop deal', 'outeridouteridouteridx']) {
      expect(finds(q, text), q).toBe(true);
    }
    // Coordinates are not words.
    expect(finds('49.43', text)).toBe(false);
  });

  it('holds only the id of an unreadable report', () => {
    expect(searchableText('OUTER', null, ctx)).toBe('outer');
  });

  it('keeps raw values of an unknown form', () => {
    expect(finds('moto', searchableText('X', report({ what: 'Moto rouge' }, { form: 'autre-formulaire' }), ctx))).toBe(true);
  });
});
