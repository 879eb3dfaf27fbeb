/**
 * The layout of the printable PDF dossier (issue 4 "Export and forward"): each report in
 * plain French as on its page (answers labelled by the form definitions, client/answers.ts
 * through reports/answers.ts), its case file with its history, and its conversation. Text in pdf-lib's standard
 * fonts (no font file, no external request), every string made drawable first
 * (export/pdfText.ts). The one non-text content: each attachment that is a verified JPEG or
 * PNG (client/attachmentRules.ts, the report page's rule) is embedded under its report, scaled
 * to the page width; anything else (WebP, which PDF cannot hold, a mismatch, any other type)
 * is a line of text, never embedded, and so is an attachment that could not be had. pdf-lib (~180 KB gz) is imported only when a dossier is asked for.
 *
 * Pure apart from that import: it takes everything as arguments, so it is tested in Node.
 * The file is built in memory and handed to the download; nothing is stored.
 */
import type { Answer } from '../../../client/answers.ts';
import type { DisplayDecision } from '../../../client/attachmentRules.ts';
import type { AttachmentRef } from '../../../schemas/report.ts';
import type { FormatContext } from '../reports/answers.ts';
import type { AttachmentFailure } from '../reports/attachments.ts';
import { formatAnswers } from '../reports/answers.ts';
import type { CaseState } from '../caseFile/caseState.ts';
import { formatMinute, formatReceived, formatTimestamp } from '../shared/format.ts';
import type { OpenedMessage } from '../conversation/messageCrypto.ts';
import { toWinAnsi, wrapText } from './pdfText.ts';
import type { ReportEntry } from '../reports/reportEntry.ts';
import type { Messages } from '../i18n/fr.ts';

/** An attachment of a report, as fetched and decrypted for the PDF (or why not). */
export type PdfAttachment = { ref: AttachmentRef; n: number } & (
  | { ok: true; bytes: Uint8Array; display: DisplayDecision }
  | { ok: false; failure: AttachmentFailure | 'too-large' }
);

export interface PdfReport {
  entry: ReportEntry;
  caseState: CaseState;
  /** Opened messages, oldest first; null when the report has no mailbox. */
  messages: readonly OpenedMessage[] | null;
  /** Its attachments, opened (absent: listed in the metadata only). */
  attachments?: readonly PdfAttachment[];
}

/** Why an opened attachment is not embedded as a picture. */
export type NotEmbedded = 'not-image' | 'mismatch' | 'webp' | 'broken';

/** How an opened attachment goes into the PDF: a verified JPEG or PNG is embedded, anything else is not. */
export function pdfImageKind(display: DisplayDecision): { embed: 'jpg' | 'png' } | { embed: null; why: NotEmbedded } {
  if (!display.show) return { embed: null, why: display.reason };
  if (display.type === 'image/jpeg') return { embed: 'jpg' };
  if (display.type === 'image/png') return { embed: 'png' };
  return { embed: null, why: 'webp' };
}

/** An image's drawn size: the page's text width, its proportions kept, never taller than `maxH`. */
export function fitImage(width: number, height: number, maxW: number, maxH: number): { width: number; height: number } {
  if (!(width > 0 && height > 0)) return { width: 0, height: 0 };
  const scale = Math.min(maxW / width, maxH / height);
  return { width: width * scale, height: height * scale };
}

export interface PdfContext {
  m: Messages;
  format: FormatContext;
  town: string;
  /** Who prepared it: the officer's name and fingerprint. */
  preparedBy: string;
  /** An officer as people know them (name and fingerprint). */
  nameOf: (officerId: string) => string;
  now: Date;
  /** For tests; default the workstation's. */
  timeZone?: string;
}

// A4 in points, with margins a printer keeps.
const PAGE_W = 595.28;
const PAGE_H = 841.89;
const MARGIN = 50;
const FOOTER = 30;
const BODY = 10;
const INDENT = 14;

type PdfLib = typeof import('pdf-lib');
type Font = Awaited<ReturnType<import('pdf-lib').PDFDocument['embedFont']>>;
type Page = ReturnType<import('pdf-lib').PDFDocument['addPage']>;

/** Writes lines down the pages, starting a new page when one is full. */
class Writer {
  page!: Page;
  y = 0;
  constructor(
    private readonly lib: PdfLib,
    private readonly doc: import('pdf-lib').PDFDocument,
    readonly regular: Font,
    readonly bold: Font,
  ) {}

  newPage(): void {
    this.page = this.doc.addPage([PAGE_W, PAGE_H]);
    this.y = PAGE_H - MARGIN;
  }

  /** Embeds a verified JPEG/PNG and draws it at the text width; false when pdf-lib cannot read it. */
  async image(bytes: Uint8Array, kind: 'jpg' | 'png'): Promise<boolean> {
    let img;
    try {
      img = kind === 'jpg' ? await this.doc.embedJpg(bytes) : await this.doc.embedPng(bytes);
    } catch {
      return false;
    }
    const size = fitImage(img.width, img.height, PAGE_W - 2 * MARGIN, (PAGE_H - 2 * MARGIN - FOOTER) * 0.6);
    if (!size.width) return false;
    this.room(size.height + 6);
    this.y -= size.height + 4;
    this.page.drawImage(img, { x: MARGIN, y: this.y, width: size.width, height: size.height });
    this.gap(6);
    return true;
  }

  private room(height: number): void {
    if (this.y - height < MARGIN + FOOTER) this.newPage();
  }

  gap(h: number): void {
    this.y -= h;
  }

  /** Wraps and draws a text (any string: made drawable first). */
  text(text: string, opts: { bold?: boolean; size?: number; indent?: number; grey?: boolean } = {}): void {
    const font = opts.bold ? this.bold : this.regular;
    const size = opts.size ?? BODY;
    const x = MARGIN + (opts.indent ?? 0);
    const lead = size * 1.35;
    const color = opts.grey ? this.lib.rgb(0.29, 0.32, 0.36) : this.lib.rgb(0.1, 0.11, 0.13);
    for (const line of wrapText(text, PAGE_W - MARGIN - x, (s) => font.widthOfTextAtSize(s, size))) {
      this.room(lead);
      this.y -= lead;
      if (line) this.page.drawText(line, { x, y: this.y + (lead - size) / 2, size, font, color });
    }
  }

  heading(text: string, size: number): void {
    this.room(size * 3);
    this.gap(size * 0.6);
    this.text(text, { bold: true, size });
    this.gap(size * 0.2);
  }

  /** A labelled value: label in bold, value below, indented. */
  field(label: string, value: string, indent = 0): void {
    this.room(BODY * 2.8);
    this.text(label, { bold: true, indent });
    this.text(value, { indent: indent + INDENT });
  }

  rule(): void {
    this.gap(4);
    this.page.drawLine({ start: { x: MARGIN, y: this.y }, end: { x: PAGE_W - MARGIN, y: this.y }, thickness: 0.5, color: this.lib.rgb(0.6, 0.64, 0.68) });
    this.gap(6);
  }
}

function answers(w: Writer, list: readonly Answer[], m: Messages, indent: number): void {
  for (const a of list) {
    const label = a.invalid ? `${a.label} ${m.invalidAnswer}` : a.label;
    const v = a.value;
    switch (v.kind) {
      case 'text':
      case 'raw':
        w.field(label, v.text, indent);
        break;
      case 'district':
        w.field(label, v.known ? v.text : `${v.text} ${m.unknownDistrict}`, indent);
        break;
      case 'choice':
        w.field(label, v.items.map((i) => (i.known ? i.text : `${i.text} ${m.unknownChoice}`)).join(', '), indent);
        break;
      case 'point':
        w.field(label, v.accuracy !== undefined ? `${v.text} ${m.pointAccuracy(v.accuracy)}` : v.text, indent);
        break;
      case 'group':
        w.text(label, { bold: true, indent });
        for (const item of v.items) {
          w.text(item.title, { bold: true, indent: indent + INDENT });
          answers(w, item.answers, m, indent + 2 * INDENT);
        }
        break;
    }
  }
}

async function attachments(w: Writer, list: readonly PdfAttachment[], ctx: PdfContext): Promise<void> {
  const { m } = ctx;
  w.heading(m.attachmentsHeading, 12);
  for (const a of list) {
    w.text(`${m.attachmentLabel(a.n)} ${m.attachment(a.ref.name ?? m.attachmentUnnamed, a.ref.mime, String(a.ref.size))}`, { bold: true });
    if (!a.ok) {
      w.text(a.failure === 'too-large' ? m.pdfAttachmentTooLarge : m.attachmentFailure(a.failure), { indent: INDENT });
      continue;
    }
    const kind = pdfImageKind(a.display);
    if (kind.embed && (await w.image(a.bytes, kind.embed))) continue;
    w.text(m.pdfAttachmentNotEmbedded(kind.embed ? 'broken' : kind.why), { indent: INDENT });
  }
}

async function report(w: Writer, r: PdfReport, i: number, n: number, ctx: PdfContext): Promise<void> {
  const { m, format } = ctx;
  const lang = format.lang;
  const { entry, caseState } = r;
  const received = formatReceived(entry.receivedAt, lang, ctx.timeZone);
  w.newPage();
  w.heading(m.pdfReportTitle(i, n, received), 14);
  if (entry.problems.length) w.text(m.pdfFlags(entry.problems.map((p) => m.problemShort(p)).join(', ')), { bold: true });

  w.heading(m.metaHeading, 12);
  const rep = entry.report;
  const readable = rep ? formatAnswers(rep, format) : null;
  if (readable) w.field(m.metaForm, readable.form.title);
  w.field(m.metaReceived, received);
  if (rep) w.field(m.metaCreated, formatTimestamp(rep.createdAt, lang, ctx.timeZone));
  w.field(m.metaId, entry.id);
  if (rep && rep.id !== entry.id) w.field(m.metaInnerId, rep.id);
  if (rep?.attachments?.length) w.field(m.metaAttachments, rep.attachments.map((a) => m.attachment(a.name ?? m.attachmentUnnamed, a.mime, String(a.size))).join(' ; '));

  if (!rep || !readable) {
    w.gap(6);
    w.text(m.pdfUnreadable);
  } else {
    w.heading(m.contactHeading, 12);
    if (rep.contact) w.field(m.contactGiven, rep.contact);
    else w.text(m.contactNone);
    for (const s of readable.sections) {
      w.heading(s.title, 12);
      answers(w, s.answers, m, 0);
    }
    if (readable.extra.length) {
      w.heading(m.extraHeading, 12);
      answers(w, readable.extra, m, 0);
    }
    if (r.attachments?.length) await attachments(w, r.attachments, ctx);
  }

  w.heading(m.caseHeading, 12);
  w.field(m.caseStatusLabel, m.caseStatus(caseState.status));
  w.field(m.caseAssigneeLabel, caseState.assignee ? (caseState.assigneeName ?? ctx.nameOf(caseState.assignee)) : m.caseAssigneeNone);
  w.field(m.caseTagsLabel, caseState.tags.length ? caseState.tags.join(', ') : m.caseTagsNone);
  if (caseState.expiresAt) w.field(m.colExpires, formatReceived(caseState.expiresAt, lang, ctx.timeZone));
  w.text(m.historyHeading, { bold: true });
  if (!caseState.history.length) w.text(m.pdfNoHistory, { indent: INDENT });
  for (const h of caseState.history) {
    const who = h.officerId ? ctx.nameOf(h.officerId) : m.historyUnknownAuthor;
    const action = m.historyAction(h, ctx.nameOf, (iso) => formatReceived(iso, lang, ctx.timeZone));
    const mark = h.verified ? m.pdfVerifiedMark : m.pdfUnverifiedMark;
    w.text(`${formatMinute(h.at, lang, ctx.timeZone)} — ${who} ${action} ${mark}`, { indent: INDENT });
    if (h.type === 'note' && typeof h.detail.text === 'string') w.text(h.detail.text, { indent: 2 * INDENT });
  }

  if (r.messages) {
    w.heading(m.conversationHeading, 12);
    if (!r.messages.length) w.text(m.pdfMessagesNone);
    for (const msg of r.messages) {
      const author = msg.from === 'reporter' ? m.authorReporter : m.authorPolice;
      w.text(`${formatMinute(msg.at, lang, ctx.timeZone)} — ${author}`, { bold: true });
      w.text(msg.ok ? msg.body : m.pdfMessageUnreadable, { indent: INDENT });
    }
  }
}

/** The PDF bytes for `reports`, in the given order, one report per page at least. */
export async function buildPdfDossier(reports: readonly PdfReport[], ctx: PdfContext): Promise<Uint8Array> {
  const lib = await import('pdf-lib');
  const doc = await lib.PDFDocument.create();
  // Metadata names nothing from any report (a file's properties are easy to overlook).
  doc.setTitle(ctx.m.pdfTitle);
  doc.setProducer('Stop Deal');
  doc.setCreator('Stop Deal');
  doc.setCreationDate(ctx.now);
  doc.setModificationDate(ctx.now);
  const w = new Writer(lib, doc, await doc.embedFont(lib.StandardFonts.Helvetica), await doc.embedFont(lib.StandardFonts.HelveticaBold));

  w.newPage();
  w.heading(ctx.m.pdfTitle, 18);
  w.text(ctx.m.pdfContents(reports.length, ctx.town));
  w.text(ctx.m.pdfGenerated(formatTimestamp(ctx.now.toISOString().slice(0, 19) + 'Z', ctx.format.lang, ctx.timeZone), ctx.preparedBy));
  w.gap(6);
  w.text(ctx.m.pdfConfidential, { bold: true });
  w.rule();
  reports.forEach((r, i) => {
    w.text(ctx.m.pdfReportTitle(i + 1, reports.length, formatReceived(r.entry.receivedAt, ctx.format.lang, ctx.timeZone)) + ` — ${ctx.m.caseStatus(r.caseState.status)}`);
  });
  for (const [i, r] of reports.entries()) await report(w, r, i + 1, reports.length, ctx);

  const pages = doc.getPages();
  pages.forEach((p, i) => {
    const size = 8;
    const grey = lib.rgb(0.29, 0.32, 0.36);
    const label = toWinAnsi(ctx.m.pdfPage(i + 1, pages.length));
    p.drawText(label, { x: PAGE_W - MARGIN - w.regular.widthOfTextAtSize(label, size), y: MARGIN / 2, size, font: w.regular, color: grey });
    p.drawText(toWinAnsi(ctx.m.pdfFooter), { x: MARGIN, y: MARGIN / 2, size, font: w.regular, color: grey });
  });
  return doc.save();
}
