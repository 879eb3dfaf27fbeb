/**
 * "Dossier PDF" of the chosen reports (issue 4): gathers each report, its case file and its
 * conversation (fetched now and opened in memory), its attachments (downloaded and decrypted
 * like on the report page, reports/attachments.ts; verified JPEG/PNG photos are embedded),
 * lays them out (export/pdfLayout.ts, with
 * pdf-lib loaded only now) and hands the file to the download. Built in memory, never stored.
 */
import type { Messages } from '../i18n/fr.ts';
import type { Lang } from '../i18n/lang.ts';
import { AttachmentError, openAttachment } from '../reports/attachments.ts';
import { officerNames } from '../caseFile/events.ts';
import { caseOf } from '../caseFile/caseState.ts';
import { deployment, formatContext } from '../shared/deployment.ts';
import { shortFingerprint } from '../../../client/fingerprint.ts';
import { openedConversations } from '../conversation/openedConversations.ts';
import { buildPdfDossier, type PdfAttachment } from './pdfLayout.ts';
import type { ReportEntry } from '../reports/reportEntry.ts';
import { displayName } from '../session/profile.ts';
import { reportEntries } from '../reports/reports.ts';
import { saveFile } from '../../../client/saveFile.ts';
import { fileDate } from '../shared/saveFile.ts';
import { sessionInfo } from '../session/session.ts';

/** Most decrypted attachment bytes one PDF takes in (the rest is listed as text). */
export const PDF_ATTACHMENTS_MAX_BYTES = 64 * 1024 * 1024;

/** Opens every attachment of `entries`, one after another; a failure is recorded, never thrown. */
async function openAttachments(entries: readonly ReportEntry[]): Promise<Map<string, PdfAttachment[]>> {
  const out = new Map<string, PdfAttachment[]>();
  let total = 0;
  for (const entry of entries) {
    const list: PdfAttachment[] = [];
    for (const [i, ref] of (entry.report?.attachments ?? []).entries()) {
      const n = i + 1;
      if (total >= PDF_ATTACHMENTS_MAX_BYTES) {
        list.push({ ref, n, ok: false, failure: 'too-large' });
        continue;
      }
      try {
        const opened = await openAttachment(ref, n);
        if (total + opened.bytes.length > PDF_ATTACHMENTS_MAX_BYTES) list.push({ ref, n, ok: false, failure: 'too-large' });
        else {
          total += opened.bytes.length;
          list.push({ ref, n, ok: true, bytes: opened.bytes, display: opened.display });
        }
      } catch (e) {
        list.push({ ref, n, ok: false, failure: e instanceof AttachmentError ? e.failure : 'unreachable' });
      }
    }
    if (list.length) out.set(entry.id, list);
  }
  return out;
}

/** Builds and downloads the PDF dossier of `ids` (in list order); returns its size. */
export async function downloadPdfDossier(ids: ReadonlySet<string>, m: Messages, lang: Lang): Promise<{ reports: number; bytes: number }> {
  const entries = reportEntries.peek().filter((e) => ids.has(e.id));
  const conversations = await openedConversations(entries);
  const attachments = await openAttachments(entries);
  const names = officerNames.peek();
  const me = sessionInfo.peek()?.officerId ?? '';
  const nameOf = (id: string) => m.officerName(names.get(id) ?? (id === me ? displayName.peek() || undefined : undefined), shortFingerprint(id));
  const bytes = await buildPdfDossier(
    entries.map((entry) => ({ entry, caseState: caseOf(entry.id), messages: entry.mailbox ? (conversations.get(entry.id) ?? []) : null, attachments: attachments.get(entry.id) })),
    { m, format: formatContext(lang), town: deployment.town.name, preparedBy: nameOf(me), nameOf, now: new Date() },
  );
  saveFile(`dossier-stopdeal-${fileDate()}.pdf`, new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }));
  return { reports: entries.length, bytes: bytes.length };
}
