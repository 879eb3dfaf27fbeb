import { describe, expect, it } from 'vitest';
import type { ExportEntry } from './reportTable.ts';
import { reportTable } from './reportTable.ts';

const base = { seq: 1, id: 'AQEBAQEBAQEBAQEBAQEBAQ', receivedAt: '2026-11-23T21:00:00Z', kid: 'AgICAgICAgICAgICAgICAg' };
const report = (form: string, answers: Record<string, unknown>, extra: object = {}) => ({
  v: 1 as const, id: base.id, form, formVersion: 1, createdAt: '2026-11-23T20:40:00Z', answers, contact: null, replyTo: null, attachments: [], ...extra,
});

function cellsOf(entries: ExportEntry[], opts = {}) {
  const { header, rows } = reportTable(entries, opts);
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

describe('reportTable', () => {
  it('uses French labels as headers, option labels as values, a point as on the officer’s screen, one line per group item', () => {
    const [row] = cellsOf([
      {
        ...base, flag: null,
        report: report('stop-deal', {
          district: 'centre-ville', place: 'Hall B', point: { lat: 49.43, lon: 2.08, accuracy: 12.4 }, date: '2026-11-22', frequency: 'daily',
          activities: ['selling', 'lookouts'],
          people: [{ count: 2, role: 'seller', description: 'capuche rouge' }, { role: 'lookout' }],
          vehicles: [{ kind: 'car', colour: 'gris', plate: 'AB-1' }],
        }, { contact: '06 00 00 00 00', replyTo: 'AwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwM' }),
      },
    ], { districtNames: new Map([['centre-ville', 'Centre-ville']]) });
    expect(row).toMatchObject({
      'N°': '1', Formulaire: 'Stop Deal (v1)', Alerte: '', Quartier: 'Centre-ville', 'Rue, adresse ou repère': 'Hall B',
      'Position sur la carte (facultatif)': '49.43000, 2.08000 (± 12 m)', 'À quelle fréquence ?': 'Tous les jours', 'Ce que vous avez vu': 'Vente, Guetteurs',
      'Personnes vues': '1. Combien ? : 2 ; Rôle : Vendeur ; Description (tenue, taille, âge…) : capuche rouge\n2. Rôle : Guetteur',
      Véhicules: '1. Type : Voiture ; Couleur : gris ; Plaque (même en partie) : AB-1',
      Contact: '06 00 00 00 00', 'Réponse possible': 'oui', 'Pièces jointes': '0', 'Autres réponses': '',
    });
  });

  it('shares columns between forms by field id and keeps unknown answers as JSON', () => {
    const rows = cellsOf([
      { ...base, flag: null, report: report('stop-deal', { place: 'Parking', surprise: '=1+1' }) },
      { ...base, seq: 2, flag: null, report: report('stop-rodeos', { place: 'Stade', kinds: ['quad'] }) },
    ]);
    expect(rows.map((r) => r['Rue, adresse ou repère'])).toEqual(['Parking', 'Stade']);
    expect(rows[1]!['Type d’engins']).toBe('Quad');
    expect(rows[0]!['Autres réponses']).toBe('{"surprise":"=1+1"}');
  });

  it('keeps unreadable and suspicious reports as flagged rows', () => {
    const rows = cellsOf([
      { ...base, flag: 'unknown_key', report: null },
      { ...base, seq: 2, flag: 'unknown_form', report: report('stop-nothing', { anything: 1 }) },
    ]);
    expect(rows[0]).toMatchObject({ 'N°': '1', Alerte: 'illisible : clé de police non détenue', Formulaire: '', 'Autres réponses': '' });
    expect(rows[1]).toMatchObject({ Alerte: 'formulaire inconnu', Formulaire: 'stop-nothing (v1)', 'Autres réponses': '{"anything":1}' });
  });
});
