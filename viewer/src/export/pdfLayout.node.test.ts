import { decodePDFRawStream, PDFArray, PDFDocument, PDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { FORMS } from '../../../schemas/forms/index.ts';
import { fr } from '../i18n/fr.ts';
import type { CaseState } from '../caseFile/caseState.ts';
import type { FormatContext } from '../reports/answers.ts';
import { buildPdfDossier, type PdfReport } from './pdfLayout.ts';
import type { ReportEntry } from '../reports/reportEntry.ts';

const ctx = {
  m: fr,
  format: { forms: FORMS, districts: [{ id: 'centre-ville', name: 'Centre-ville' }], lang: 'fr' } satisfies FormatContext,
  town: 'Beauvais',
  preparedBy: 'Brigadier Martin (0001 0203 …)',
  nameOf: (id: string) => (id === 'QUxJQ0UAAAAAAAAAAAAAAA' ? 'Cne Durand (4141 4141)' : `Agent ${id}`),
  now: new Date('2026-11-23T21:40:00Z'),
  timeZone: 'Europe/Paris',
};

/** WinAnsi 0x80–0x9F (Node's TextDecoder reads these as C1 controls). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
const winAnsi = (bytes: number[]) => bytes.map((b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b))).join('');

/** Every string drawn in the PDF, page by page (content streams decoded, hex strings read as WinAnsi). */
async function pdfText(bytes: Uint8Array): Promise<string> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const out: string[] = [];
  for (const page of doc.getPages()) {
    const contents = page.node.Contents();
    const streams = contents instanceof PDFArray ? contents.asArray().map((r) => doc.context.lookup(r)) : [contents];
    for (const s of streams) {
      if (!(s instanceof PDFRawStream)) continue;
      const ops = new TextDecoder('latin1').decode(decodePDFRawStream(s).decode());
      for (const m of ops.matchAll(/<([0-9A-Fa-f]*)> Tj/g)) out.push(winAnsi((m[1]!.match(/../g) ?? []).map((h) => parseInt(h, 16))));
    }
  }
  return out.join('\n');
}

function entry(n: number, extra: Partial<ReportEntry> = {}): ReportEntry {
  const id = `AAAAAAAAAAAAAAAAAAAA${String.fromCharCode(65 + n)}A`;
  return {
    seq: n,
    id,
    kid: 'S0lEAAAAAAAAAAAAAAAAAA',
    receivedAt: '2026-11-23T20:00:00Z',
    mailbox: true,
    blobs: [],
    problems: [],
    report: {
      v: 1,
      id,
      form: 'stop-deal',
      formVersion: 1,
      createdAt: '2026-11-23T19:40:00Z',
      answers: {
        district: 'centre-ville',
        place: `PDF-CANARY-${n} cage d’escalier du 12 rue des Lilas, « bâtiment C »`,
        date: '2026-11-20',
        frequency: 'daily',
        activities: ['selling', 'lookouts'],
        people: [{ count: 2, role: 'lookout', description: 'veste rouge\nCasquette noire' }],
        details: `Détails ${n}: ${'très long texte '.repeat(150)}Łódź 😀 \u202Eevil`,
      },
      contact: n === 1 ? '06 12 34 56 78' : null,
      replyTo: null,
      attachments: [],
    },
    ...extra,
  };
}

const caseState: CaseState = {
  status: 'verifie',
  assignee: 'QUxJQ0UAAAAAAAAAAAAAAA',
  tags: ['guetteurs', 'hall C'],
  notes: 1,
  forwarded: false,
  expiresAt: '2027-11-23T20:00:00Z',
  history: [
    { seq: 1, at: '2026-11-23T21:00:00Z', officerId: 'QUxJQ0UAAAAAAAAAAAAAAA', type: 'status', detail: { status: 'verifie' }, verified: true },
    { seq: 2, at: '2026-11-23T21:05:00Z', officerId: 'QUxJQ0UAAAAAAAAAAAAAAA', type: 'note', detail: { text: 'NOTE-CANARY vu sur place' }, verified: true },
    { seq: 3, at: '2026-11-23T21:06:00Z', officerId: '', type: 'unreadable', detail: {}, verified: false, problem: 'integrity' },
  ],
};

const messages: PdfReport['messages'] = [
  { seq: 1, from: 'police', kid: 'S0lEAAAAAAAAAAAAAAAAAA', at: '2026-11-23T21:10:00Z', ok: true, body: 'Pouvez-vous décrire les véhicules ?', writtenAt: '2026-11-23T21:10:00Z' },
  { seq: 2, from: 'reporter', kid: 'S0lEAAAAAAAAAAAAAAAAAA', at: '2026-11-23T21:30:00Z', ok: true, body: 'ANSWER-CANARY Une Clio grise', writtenAt: '2026-11-23T21:30:00Z' },
  { seq: 3, from: 'reporter', kid: 'S0lEAAAAAAAAAAAAAAAAAA', at: '2026-11-23T21:31:00Z', ok: false, reason: 'integrity' },
];

describe('buildPdfDossier', () => {
  it('writes each report in plain French with its case file and conversation', async () => {
    const bytes = await buildPdfDossier([{ entry: entry(1), caseState, messages }], ctx);
    expect(new TextDecoder('latin1').decode(bytes.slice(0, 5))).toBe('%PDF-');
    const text = await pdfText(bytes);
    for (const s of [
      'Dossier de signalements',
      'PDF-CANARY-1 cage d’escalier du 12 rue des Lilas, « bâtiment C »',
      'Rue, adresse ou repère',
      'Tous les jours',
      'Vente, Guetteurs',
      'Centre-ville',
      '06 12 34 56 78',
      'Vérifié',
      'Cne Durand (4141 4141)',
      'guetteurs, hall C',
      'NOTE-CANARY vu sur place',
      'ANSWER-CANARY Une Clio grise',
      '(message illisible)',
      '[NON VÉRIFIÉ, ignoré]',
      'Casquette noire',
    ]) expect(text).toContain(s);
    // Transliterated, never dropped silently; no bidirectional override survives.
    expect(text).toContain('Lódz ?');
    expect(text).not.toContain('\u202E');
  });

  it('names nothing from any report in its metadata', async () => {
    const doc = await PDFDocument.load(await buildPdfDossier([{ entry: entry(1), caseState, messages: null }], ctx), { updateMetadata: false });
    expect(doc.getTitle()).toBe('Dossier de signalements');
    expect(doc.getProducer()).toBe('Stop Deal');
    expect(doc.getAuthor()).toBeUndefined();
  });

  it('keeps an unreadable report as a flagged page', async () => {
    const text = await pdfText(await buildPdfDossier([{ entry: entry(2, { report: null, problems: ['undecryptable'] }), caseState, messages: null }], ctx));
    expect(text).toContain('À vérifier : Illisible.');
    expect(text).toContain('Ce signalement n’a pas pu être ouvert');
  });

  it('measures a dossier of 10 reports', async () => {
    const reports = Array.from({ length: 10 }, (_, i) => ({ entry: entry(i + 1), caseState, messages }));
    const started = performance.now();
    const bytes = await buildPdfDossier(reports, ctx);
    const ms = performance.now() - started;
    const doc = await PDFDocument.load(bytes);
    console.log(`PDF dossier, 10 reports: ${bytes.length} bytes, ${doc.getPageCount()} pages, built in ${Math.round(ms)} ms`);
    expect(doc.getPageCount()).toBeGreaterThanOrEqual(11);
    expect(bytes.length).toBeLessThan(400_000);
    const text = await pdfText(bytes);
    for (let i = 1; i <= 10; i++) expect(text).toContain(`PDF-CANARY-${i} `);
    expect(text).toContain('Page 11 / ');
  });
});
