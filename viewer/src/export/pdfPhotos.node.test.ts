/**
 * Photos in the PDF dossier (export/pdfLayout.ts): a verified JPEG or PNG is embedded as an
 * image under its report, scaled to the text width; anything else, and a failure, is a line of
 * text and never an image.
 */
import { PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { displayDecision } from '../../../client/attachmentRules.ts';
import { tinyPng } from '../../../e2e/images.ts';
import { FORMS } from '../../../schemas/forms/index.ts';
import type { AttachmentRef } from '../../../schemas/report.ts';
import { fr } from '../i18n/fr.ts';
import type { FormatContext } from '../reports/answers.ts';
import type { CaseState } from '../caseFile/caseState.ts';
import { buildPdfDossier, fitImage, pdfImageKind, type PdfAttachment } from './pdfLayout.ts';
import type { ReportEntry } from '../reports/reportEntry.ts';

const ctx = {
  m: fr,
  format: { forms: FORMS, districts: [{ id: 'centre-ville', name: 'Centre-ville' }], lang: 'fr' } satisfies FormatContext,
  town: 'Beauvais',
  preparedBy: 'Brigadier Martin',
  nameOf: (id: string) => `Agent ${id}`,
  now: new Date('2026-11-23T21:40:00Z'),
  timeZone: 'Europe/Paris',
};
const caseState: CaseState = { status: 'nouveau', assignee: null, tags: [], notes: 0, forwarded: false, expiresAt: null, history: [] };
const ID = 'AAAAAAAAAAAAAAAAAAAAAA';

const png = () => tinyPng(0);

/** The frame of a baseline JPEG, 40×30 (pdf-lib reads only the markers; the PDF reader decodes). */
function jpeg(): Uint8Array {
  const sof = [0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 30, 0x00, 40, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01];
  return new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, ...sof, 0xff, 0xd9]);
}

const HTML = new TextEncoder().encode('<html><script>alert(1)</script></html>');
const ref = (mime: string, name: string, size = 10): AttachmentRef => ({ blob: 'A'.repeat(43), key: 'E'.repeat(43), mime, size, name });
const opened = (n: number, mime: string, name: string, bytes: Uint8Array): PdfAttachment => ({ ref: ref(mime, name, bytes.length), n, ok: true, bytes, display: displayDecision(mime, bytes) });

function entry(): ReportEntry {
  return {
    seq: 1, id: ID, kid: 'S0lEAAAAAAAAAAAAAAAAAA', receivedAt: '2026-11-23T20:00:00Z', mailbox: false, blobs: [], problems: [],
    report: { v: 1, id: ID, form: 'stop-deal', formVersion: 1, createdAt: '2026-11-23T19:40:00Z', answers: { place: 'hall C' }, contact: null, replyTo: null, attachments: [] },
  };
}

/** The image XObjects in the PDF, with their pixel sizes. */
async function images(bytes: Uint8Array): Promise<Array<{ width: number; height: number; filter: string }>> {
  const doc = await PDFDocument.load(bytes);
  const out: Array<{ width: number; height: number; filter: string }> = [];
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFRawStream) || obj.dict.get(PDFName.of('Subtype'))?.toString() !== '/Image') continue;
    out.push({ width: Number(obj.dict.get(PDFName.of('Width'))?.toString()), height: Number(obj.dict.get(PDFName.of('Height'))?.toString()), filter: String(obj.dict.get(PDFName.of('Filter'))) });
  }
  return out;
}

describe('pdfImageKind and fitImage', () => {
  it('embeds only verified JPEG and PNG', () => {
    expect(pdfImageKind(displayDecision('image/jpeg', jpeg()))).toEqual({ embed: 'jpg' });
    expect(pdfImageKind(displayDecision('image/png', png()))).toEqual({ embed: 'png' });
    expect(pdfImageKind(displayDecision('image/png', HTML))).toEqual({ embed: null, why: 'mismatch' });
    expect(pdfImageKind(displayDecision('image/svg+xml', HTML))).toEqual({ embed: null, why: 'not-image' });
    expect(pdfImageKind({ show: true, type: 'image/webp' })).toEqual({ embed: null, why: 'webp' });
  });

  it('scales to the text width, keeping proportions, never taller than allowed', () => {
    expect(fitImage(8, 6, 400, 1000)).toEqual({ width: 400, height: 300 });
    expect(fitImage(100, 400, 400, 200)).toEqual({ width: 50, height: 200 });
    expect(fitImage(0, 6, 400, 1000)).toEqual({ width: 0, height: 0 });
  });
});

describe('buildPdfDossier with attachments', () => {
  it('embeds the verified photos and lists everything else as text', async () => {
    const attachments: PdfAttachment[] = [
      opened(1, 'image/png', 'facade.png', png()),
      opened(2, 'image/jpeg', 'voiture.jpg', jpeg()),
      opened(3, 'image/png', 'vacances.png', HTML),
      opened(4, 'text/html', 'page.html', HTML),
      { ref: ref('image/png', 'perdue.png'), n: 5, ok: false, failure: 'missing' },
      { ref: ref('image/jpeg', 'grosse.jpg'), n: 6, ok: false, failure: 'too-large' },
    ];
    const bytes = await buildPdfDossier([{ entry: entry(), caseState, messages: null, attachments }], ctx);
    const found = await images(bytes);
    expect(found).toHaveLength(2);
    expect(found).toContainEqual(expect.objectContaining({ width: 8, height: 6 }));
    expect(found).toContainEqual({ width: 40, height: 30, filter: '/DCTDecode' });
    // The hostile bytes are nowhere in the file (never embedded, not even as a stream).
    expect(Buffer.from(bytes).includes(Buffer.from('<script>'))).toBe(false);
    const doc = await PDFDocument.load(bytes);
    const raw = Buffer.from(await doc.save({ useObjectStreams: false })).toString('latin1');
    expect(raw.match(/\/Subtype \/Image/g)).toHaveLength(2);
  });

  it('draws no image when there is none to embed, and a bad photo does not fail the PDF', async () => {
    const broken = new Uint8Array([...png().slice(0, 40)]);
    const bytes = await buildPdfDossier([{ entry: entry(), caseState, messages: null, attachments: [opened(1, 'image/png', 'abimee.png', broken)] }], ctx);
    expect(await images(bytes)).toHaveLength(0);
    expect(new TextDecoder('latin1').decode(bytes.slice(0, 5))).toBe('%PDF-');
  });
});
