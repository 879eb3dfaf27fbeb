import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../client/exports/parseCsv.node.ts';
import type { CaseStatus } from '../../../schemas/caseFile.ts';
import { CSV_CASE_HEADER, exportEntry, reportsCsv, reportsGeoJson } from './exports.ts';
import { exportTargets, selectionState } from '../reports/selection.ts';
import { cases, entry, unreadable } from '../reports/testEntries.node.ts';

const districts = [{ id: 'centre-ville', name: 'Centre-ville' }];
const STATUS: Record<CaseStatus, string> = { nouveau: 'Nouveau', 'a-verifier': 'À vérifier', verifie: 'Vérifié', transmis: 'Transmis', classe: 'Classé sans suite' };
const A = entry({ district: 'centre-ville', place: '=HYPERLINK("http://x","clic")', date: '2026-11-20', frequency: 'daily', activities: ['selling'], point: { lat: 49.43, lon: 2.08 } });
const B = entry({ district: 'centre-ville', place: 'Hall, "B"\nescalier', date: '2026-11-20', frequency: 'once', activities: ['stash'] });
const U = unreadable();
const caseOf = cases({ [A.id]: { status: 'a-verifier', assignee: 'OFF1', assigneeName: 'Dupont', tags: ['cage B', 'nuit'], notes: 2 } });

describe('reportsCsv', () => {
  const csv = reportsCsv([A, B, U], { districts, caseOf, statusName: (s) => STATUS[s] });
  const rows = parseCsv(csv.slice(1));

  it('is the CLI’s CSV: BOM, CRLF, one row per report, case columns last', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(rows).toHaveLength(4);
    expect(rows[0]!.slice(0, 3)).toEqual(['N°', 'Identifiant', 'Reçu le (heure)']);
    expect(rows[0]!.slice(-4)).toEqual([...CSV_CASE_HEADER]);
    expect(rows.map((r) => r.length)).toEqual([rows[0]!.length, rows[0]!.length, rows[0]!.length, rows[0]!.length]);
    expect(rows[1]!.slice(-4)).toEqual(['À vérifier', 'Dupont', 'cage B, nuit', '2']);
    expect(rows[2]!.slice(-4)).toEqual(['Nouveau', '', '', '0']);
    expect(rows[3]![1]).toBe(U.id);
    expect(rows[3]![4]).toBe('illisible : chiffré altéré');
  });

  it('neutralises formulas and quotes what needs it', () => {
    const place = rows[0]!.indexOf('Rue, adresse ou repère');
    expect(rows[1]![place]).toBe('\'=HYPERLINK("http://x","clic")');
    expect(rows[2]![place]).toBe('Hall, "B"\nescalier');
    expect(rows[1]![rows[0]!.indexOf('Quartier')]).toBe('Centre-ville');
  });

  it('names the viewer’s flags as the CLI does', () => {
    expect(exportEntry({ ...B, problems: ['id_mismatch', 'invalid_answers'] }).flag).toBe('id_mismatch');
    expect(exportEntry({ ...U, problems: ['unknown_key'] }).flag).toBe('unknown_key');
    expect(exportEntry(B).flag).toBeNull();
  });
});

describe('reportsGeoJson', () => {
  it('holds one point per report that gave one, [lon, lat], with its facts', () => {
    const g = reportsGeoJson([A, B, U], { districts, caseOf });
    expect(g.type).toBe('FeatureCollection');
    expect(g.features).toEqual([
      {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [2.08, 49.43] },
        properties: { id: A.id, form: 'stop-deal', district: 'centre-ville', districtName: 'Centre-ville', status: 'a-verifier', receivedAt: A.receivedAt, place: '=HYPERLINK("http://x","clic")' },
      },
    ]);
  });
});

describe('selection', () => {
  it('exports the ticked reports when there are any, else those shown', () => {
    expect(exportTargets([A, B, U], [B], new Set())).toEqual({ entries: [B], source: 'filtered' });
    expect(exportTargets([A, B, U], [B], new Set([U.id, A.id]))).toEqual({ entries: [A, U], source: 'selection' });
  });

  it('says whether all, some or none are ticked', () => {
    expect(selectionState([A.id, B.id], new Set([A.id, B.id, U.id]))).toBe('all');
    expect(selectionState([A.id, B.id], new Set([B.id]))).toBe('some');
    expect(selectionState([A.id, B.id], new Set())).toBe('none');
  });
});
