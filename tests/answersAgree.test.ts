/**
 * Answers to text, once (issue 8): the viewer's CSV, the CLI's table (`sd export --csv`,
 * `sd dossier open`), the officer's report page and the resident's review screen all write a
 * report's answers through client/answers.ts. This test gives them the same answers,
 * a point included, and reads back what each surface shows.
 */
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../client/exports/parseCsv.node.ts';
import { reportTable } from '../client/exports/reportTable.ts';
import type { Answers } from '../schemas/form.ts';
import { FORMS } from '../schemas/forms/index.ts';
import { ReviewAnswers } from '../pwa/src/components/ReviewAnswers.tsx';
import { reviewSections } from '../pwa/src/form/review.ts';
import { formatAnswers } from '../viewer/src/reports/answers.ts';
import { exportEntry, reportsCsv } from '../viewer/src/export/exports.ts';
import { cases, entry } from '../viewer/src/reports/testEntries.node.ts';

const answers: Answers = {
  district: 'argentine',
  place: 'Hall B, escalier 2',
  point: { lat: 49.432101, lon: 2.081234, accuracy: 30 },
  date: '2026-11-20',
  frequency: 'daily',
  activities: ['selling', 'lookouts'],
  people: [{ count: 2, role: 'seller', description: 'capuche rouge' }, { role: 'lookout' }],
};
const districts = [{ id: 'argentine', name: 'Argentine' }];
const e = entry(answers);

const byHeader = (header: readonly string[], row: readonly string[]) => Object.fromEntries(header.map((k, i) => [k, row[i]!]));

function viewerCsv(): Record<string, string> {
  const [header, row] = parseCsv(reportsCsv([e], { districts, caseOf: cases({}), statusName: (s) => s }).slice(1));
  return byHeader(header!, row!);
}

function cliTable(): Record<string, string> {
  const { header, rows } = reportTable([exportEntry(e)], { districtNames: new Map(districts.map((d) => [d.id, d.name])) });
  return byHeader(header, rows[0]!);
}

/** The review screen as the resident sees it: every top-level label with its text. */
function reviewScreen(): Record<string, string> {
  const html = renderToString(
    h(ReviewAnswers, {
      sections: reviewSections(FORMS['stop-deal']!, answers, new Map(districts.map((d) => [d.id, d.name])), 'fr'),
      contact: '',
      town: 'Creil',
      kid: 'AAAA',
      exactData: '{}',
      onEdit: () => {},
      stepTitles: [],
    }),
  );
  const text = (s: string) => s.replace(/<[^>]+>/g, '').replace(/&#39;|&rsquo;/g, '’').replace(/&amp;/g, '&');
  const out: Record<string, string> = {};
  for (const m of html.matchAll(/<dt>(.*?)<\/dt><dd>(.*?)<\/dd>/g)) out[text(m[1]!)] ??= text(m[2]!);
  for (const m of html.matchAll(/<div class="review-group"><h4>(.*?)<\/h4>(.*?)<\/div><\/div>(?=<button|<div class="review-group">)/g)) {
    const items = [...m[2]!.matchAll(/<h5>.*?<\/h5>(<dl.*?<\/dl>)/g)].map((item, i) => `${i + 1}. ${[...item[1]!.matchAll(/<dt>(.*?)<\/dt><dd>(.*?)<\/dd>/g)].map((x) => `${text(x[1]!)} : ${text(x[2]!)}`).join(' ; ')}`);
    out[text(m[1]!)] = items.join('\n');
  }
  return out;
}

describe('answers to text, once', () => {
  it('the viewer’s CSV and the CLI’s table are one table', () => {
    const csv = viewerCsv();
    const cli = cliTable();
    for (const [header, cell] of Object.entries(cli)) expect(csv[header], header).toBe(cell);
  });

  it('the CSV writes a point as the officer’s report page does', () => {
    const screen = formatAnswers({ form: 'stop-deal', formVersion: 1, answers }, { forms: FORMS, districts, lang: 'fr' });
    const point = screen.sections[0]!.answers.find((a) => a.id === 'point')!.value;
    expect(point).toEqual({ kind: 'point', text: '49.43210, 2.08123', accuracy: 30 });
    expect(viewerCsv()['Position sur la carte (facultatif)']).toBe('49.43210, 2.08123 (± 30 m)');
  });

  it('the review screen shows the same labels, choices, districts, text and groups as the CSV and the CLI', () => {
    const csv = viewerCsv();
    const review = reviewScreen();
    for (const label of ['Quartier', 'Rue, adresse ou repère', 'À quelle fréquence ?', 'Ce que vous avez vu', 'Personnes vues']) {
      expect(review[label], label).toBe(csv[label]);
      expect(cliTable()[label], label).toBe(csv[label]);
    }
    expect(csv['Personnes vues']).toBe('1. Combien ? : 2 ; Rôle : Vendeur ; Description (tenue, taille, âge…) : capuche rouge\n2. Rôle : Guetteur');
  });

  it('the review screen shows the same point, in the resident’s format (three decimals, local decimal sign)', () => {
    // D76: the resident reads ~100 m precision with French decimals; the officer needs five decimals to paste.
    expect(reviewScreen()['Position sur la carte (facultatif)']).toBe('49,432, 2,081 (à environ 30 m près)');
    const [lat, lon] = viewerCsv()['Position sur la carte (facultatif)']!.split(' (')[0]!.split(', ').map(Number);
    expect([lat!.toFixed(3), lon!.toFixed(3)].join(', ').replace(/\./g, ',')).toBe('49,432, 2,081');
  });
});
