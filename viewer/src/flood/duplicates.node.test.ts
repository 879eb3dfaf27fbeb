import { describe, expect, it } from 'vitest';
import type { ReportPlaintext } from '../../../schemas/report.ts';
import { fingerprintText, foldForGroups, groupDuplicates, minHash, similarity } from './duplicates.ts';

const report = (answers: Record<string, unknown>, extra: Partial<ReportPlaintext> = {}): ReportPlaintext => ({
  v: 1, id: 'AAAAAAAAAAAAAAAAAAAAAA', form: 'stop-deal', formVersion: 1, createdAt: '2026-11-23T21:40:00Z', answers, contact: null, replyTo: null, attachments: [], ...extra,
});

const BASE = 'deux hommes vendent de la drogue tous les soirs devant la porte du hall avec un guetteur sur le parking';
const FAMILIES = [
  BASE,
  'un vehicule gris stationne chaque nuit pres de l ecole et des jeunes viennent chercher des sachets au coffre',
  'appartement au troisieme etage beaucoup de passage toute la journee odeur forte dans la cage d escalier',
];

/** A junk variant of `text`: digits, case, spacing, punctuation, and sometimes one word swapped. */
function variant(text: string, i: number): string {
  const words = text.split(' ');
  if (i % 3 === 1) words[(i * 7) % words.length] = ['voiture', 'garcons', 'matin', 'balcon'][i % 4]!;
  let out = words.join(i % 2 ? '  ' : ' ') + ` n°${i}`;
  if (i % 5 === 0) out = out.toUpperCase();
  if (i % 4 === 0) out = out.replace(/ /g, ', ');
  return out;
}

describe('fingerprintText', () => {
  it('reads the form and every answer, in key order, folded, digits dropped', () => {
    const a = fingerprintText(report({ details: 'Hall B, 12 rue Victor-Hugo !', district: 'centre-ville', activities: ['selling'], point: { lat: 49.41, lon: 2.08 } }));
    const b = fingerprintText(report({ point: { lat: 49.5, lon: 2.1 }, activities: ['selling'], district: 'centre-ville', details: 'hall b  14 RUE victor hugo' }));
    expect(a).toBe('stop deal selling hall b rue victor hugo centre ville');
    expect(b).toBe(a);
    expect(fingerprintText(report({ details: 'Hall B' }, { form: 'autre' }))).not.toBe(fingerprintText(report({ details: 'Hall B' })));
  });

  it('folds accents, ligatures, case, punctuation and digits', () => {
    expect(foldForGroups('Cage  d’escalier N°12, DÉGAGÉ !')).toBe('cage d escalier n degage');
    expect(foldForGroups('Œil 2026-11-05 à 21:40')).toBe('oeil a');
  });
});

describe('minHash', () => {
  it('estimates word-pair similarity: equal texts 1, one word changed high, unrelated texts low', () => {
    const sig = (t: string) => minHash(foldForGroups(t));
    expect(similarity(sig(BASE), sig(BASE))).toBe(1);
    expect(similarity(sig(BASE), sig(BASE.replace('porte', 'voiture')))).toBeGreaterThanOrEqual(0.5);
    expect(similarity(sig(BASE), sig(FAMILIES[1]!))).toBeLessThan(0.3);
  });
});

describe('groupDuplicates', () => {
  it('folds identical and near-identical variants into one group per family, largest first', () => {
    const items: Array<{ id: string; text: string }> = [];
    const sizes = [30, 50, 40];
    FAMILIES.forEach((text, f) => {
      for (let i = 0; i < sizes[f]!; i++) items.push({ id: `f${f}-${i}`, text: foldForGroups(variant(text, i)) });
    });
    const real = ['le dealer du square a change d horaire il arrive vers midi', 'une femme fait le guet au coin de la rue des lilas'];
    real.forEach((t, i) => items.push({ id: `real-${i}`, text: foldForGroups(t) }));
    items.push({ id: 'unreadable', text: '' }, { id: 'unreadable-2', text: '' });

    const { groups, groupOf } = groupDuplicates(items);
    expect(groups.map((g) => [g.id, g.ids.length])).toEqual([['f1-0', 50], ['f2-0', 40], ['f0-0', 30]]);
    for (const g of groups) expect(new Set(g.ids.map((id) => id.split('-')[0]))).toEqual(new Set([g.id.split('-')[0]]));
    for (const id of ['real-0', 'real-1', 'unreadable', 'unreadable-2']) expect(groupOf.has(id)).toBe(false);
    expect(groupOf.get('f2-17')).toBe('f2-0');
  });

  it('does not join different texts that share the form’s common answers (district, frequency, place)', () => {
    const common = 'stop deal selling daily centre ville rue des tests';
    const items = FAMILIES.flatMap((text, f) => Array.from({ length: 300 }, (_, i) => ({ id: `f${f}-${i}`, text: foldForGroups(`${common} ${variant(text, i)}`) })));
    expect(groupDuplicates(items).groups.map((g) => g.ids.length)).toEqual([300, 300, 300]);
  });

  it('keeps exact groups even for texts too short for word pairs, and never groups different short texts', () => {
    const items = [
      { id: 'a', text: 'drogue' },
      { id: 'b', text: 'drogue' },
      { id: 'c', text: 'vente' },
    ];
    expect(groupDuplicates(items).groups).toEqual([{ id: 'a', ids: ['a', 'b'] }]);
  });

  it('groups 20,000 reports of five families and ten real ones without comparing all pairs', () => {
    const items: Array<{ id: string; text: string }> = [];
    const families = [...FAMILIES, 'on entend des cris et des motos toute la nuit dans la rue derriere le stade', 'des sachets sont caches dans la boite aux lettres du numero douze'];
    for (let i = 0; i < 20_000; i++) items.push({ id: `j${i}`, text: foldForGroups(variant(families[i % 5]!, i)) });
    for (let i = 0; i < 10; i++) items.push({ id: `r${i}`, text: foldForGroups(`temoignage reel numero ${i} ${['matin', 'soir', 'midi', 'nuit', 'aube', 'hiver', 'ete', 'pluie', 'marche', 'gare'][i]} pres du ${['parc', 'lycee', 'pont', 'canal', 'stade', 'port', 'quai', 'bois', 'mur', 'four'][i]}`) });
    const t0 = performance.now();
    const { groups, groupOf } = groupDuplicates(items);
    console.log(`[duplicates] grouped ${items.length} reports into ${groups.length} groups in ${Math.round(performance.now() - t0)} ms`);
    expect(groups.map((g) => g.ids.length)).toEqual([4000, 4000, 4000, 4000, 4000]);
    for (let i = 0; i < 10; i++) expect(groupOf.has(`r${i}`)).toBe(false);
  });
});
