/**
 * "Dossier PDF" of the chosen reports (issue 4): gathers each report, its case file and its
 * conversation (fetched now and opened in memory), lays them out (services/pdfLayout.ts, with
 * pdf-lib loaded only now) and hands the file to the download. Built in memory, never stored.
 */
import type { Messages } from '../i18n/fr.ts';
import type { Lang } from '../i18n/lang.ts';
import { officerNames } from './caseFile.ts';
import { caseOf } from './caseState.ts';
import { deployment, formatContext } from './deployment.ts';
import { shortFingerprint } from './fingerprint.ts';
import { openedConversations } from './forwarding.ts';
import { buildPdfDossier } from './pdfLayout.ts';
import { displayName } from './profile.ts';
import { reportEntries } from './reports.ts';
import { fileDate, saveFile } from './saveFile.ts';
import { sessionInfo } from './session.ts';

/** Builds and downloads the PDF dossier of `ids` (in list order); returns its size. */
export async function downloadPdfDossier(ids: ReadonlySet<string>, m: Messages, lang: Lang): Promise<{ reports: number; bytes: number }> {
  const entries = reportEntries.peek().filter((e) => ids.has(e.id));
  const conversations = await openedConversations(entries);
  const names = officerNames.peek();
  const me = sessionInfo.peek()?.officerId ?? '';
  const nameOf = (id: string) => m.officerName(names.get(id) ?? (id === me ? displayName.peek() || undefined : undefined), shortFingerprint(id));
  const bytes = await buildPdfDossier(
    entries.map((entry) => ({ entry, caseState: caseOf(entry.id), messages: entry.mailbox ? (conversations.get(entry.id) ?? []) : null })),
    { m, format: formatContext(lang), town: deployment.town.name, preparedBy: nameOf(me), nameOf, now: new Date() },
  );
  saveFile(`dossier-stopdeal-${fileDate()}.pdf`, new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }));
  return { reports: entries.length, bytes: bytes.length };
}
