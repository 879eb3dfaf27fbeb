/**
 * The viewer's English text for exports (CSV, GeoJSON), PDF dossiers, forwarding to a unit and the
 * dossier a unit opens: the same keys as `fr.ts` beside it.
 */
import type { ExportMessages } from './fr.ts';

const INTEGER = new Intl.NumberFormat('en-GB');
const plural = (n: number, one: string, many: string) => (n <= 1 ? one : many);
// English plural as finding and exports wrote it: 0 takes the plural ("0 reports").
const pluralZeroMany = (n: number, one: string, many: string) => (n === 1 ? one : many);
const num = (n: number) => INTEGER.format(n);

export const enExport: ExportMessages = {
  dossierTitle: 'Open a forwarded dossier',
  dossierIntro:
    'For investigator units: a forwarded dossier opens only with the keyring of the unit it is meant for. Everything stays on this workstation, in memory; closing the dossier erases everything from this page.',
  dossierFileHeading: '1. The dossier',
  dossierFileLabel: 'Choose the dossier file',
  dossierChosen: (name) => `Chosen dossier: “${name}”.`,
  dossierNone: 'No dossier chosen.',
  dossierKeyringHeading: '2. The unit’s keyring',
  dossierPassphraseLabel: 'Passphrase of the unit’s keyring',
  dossierOpen: 'Open the dossier',
  dossierOpening: 'Opening the dossier…',
  dossierNeed: (what) => (what === 'dossier' ? 'Choose the dossier file first.' : what === 'keyring' ? 'Choose the unit’s keyring.' : 'Type the passphrase.'),
  dossierFailure: (f) =>
    ({
      'wrong-passphrase': 'Wrong passphrase.',
      damaged: 'This keyring is damaged.',
      'not-a-dossier': 'This file is not a Stop Deal dossier.',
      'too-large': 'This file is far too large to be a Stop Deal dossier.',
      'not-for-this-keyring': 'This dossier is meant for another unit: this keyring does not hold its key.',
      integrity: 'This dossier does not open with this keyring, or it was altered, or its signature does not match its author.',
      'crypto-unavailable': 'The encryption module could not start in this browser.',
    })[f],
  dossierFrom: (who) => `Forwarded by ${who} — signature verified.`,
  dossierCreated: (date) => `Created on ${date}.`,
  dossierUnit: (unit) => `For: ${unit}.`,
  dossierReports: (n) => `${n} ${plural(n, 'report', 'reports')}`,
  dossierClose: 'Close the dossier',
  dossierCloseHelp: 'Erases the dossier and the key from this page.',
  dossierCaseHeading: 'Case file',
  dossierNoEvents: 'No events.',
  dossierMessagesHeading: 'Conversation with the resident',
  dossierNoMessages: 'No messages.',
  dossierAttachmentNotCarried: (why) =>
    ({
      missing: 'This attachment is not in the dossier: the server no longer had it when the dossier was forwarded (never received, or already erased).',
      unavailable: 'This attachment is not in the dossier: the server could not provide it when the dossier was forwarded. Ask the officer who forwarded it.',
      altered: 'This attachment is not in the dossier: the server returned another file than the one the report names.',
      'too-large': 'This attachment is not in the dossier: the attachments were over the largest size of a dossier (64 MiB). Ask the officer who forwarded it.',
      'not-carried': 'This attachment is not in this dossier file (a dossier made by an older version, or an altered file).',
    })[why],
  dossierReportHeading: (i, received) => `Report ${i} — received ${received}`,

  selectionLabel: 'Actions on the chosen reports',
  selectionCount: (n) => (n ? `${n} ${plural(n, 'report chosen', 'reports chosen')}` : 'No report chosen'),
  selectionHint: 'Tick reports in the list to export them as PDF or forward them.',
  thisReportActions: 'Export or forward this report',
  pdfButton: 'PDF dossier',
  pdfBuilding: 'Preparing the PDF…',
  pdfDone: (n, size) => `PDF dossier of ${n} ${plural(n, 'report', 'reports')} downloaded (${size}). It holds personal data: keep it on an encrypted disk.`,
  pdfFailed: 'The PDF could not be prepared.',
  forwardButton: 'Forward to an investigator unit…',
  forwardTitle: 'Forward to an investigator unit',
  forwardIntro: (n) =>
    `${n} ${plural(n, 'report is', 'reports are')} re-sealed, with their case files, conversations and attachments (photos), for the chosen unit’s key alone. Hand the resulting file to the unit (USB stick, e-mail): only it can open it.`,
  forwardUnitLegend: 'Receiving unit',
  forwardNewUnit: 'Another unit (paste its public key)',
  unitNameLabel: 'Unit name',
  unitKeyLabel: 'Unit public key',
  unitKeyHint: 'Given by the unit (command “sd keyring investigator”). Compare the fingerprint with them.',
  unitFingerprint: (fp) => `Key fingerprint: ${fp}`,
  unitKeep: 'Keep this unit on this workstation for next time',
  unitProblem: (p) => ({ 'no-name': 'Give the unit’s name.', 'not-a-key': 'This is not a public key: 43 characters expected (letters, digits, - and _).', 'no-unit': 'Choose the receiving unit.' })[p],
  forwardMark: 'Set these reports to “Forwarded”',
  forwardSubmit: 'Seal and download the dossier',
  forwarding: 'Sealing the dossier…',
  forwardDone: (n, unit) => `Dossier of ${n} ${plural(n, 'report', 'reports')} for “${unit}” downloaded. The forwarding is recorded in ${plural(n, 'its case file', 'their case files')}.`,
  forwardSkipped: (n) => `${n} unreadable ${plural(n, 'report', 'reports')} could not be included.`,
  forwardSkippedMessages: (n) => `${n} unreadable ${plural(n, 'message was', 'messages were')} not included.`,
  forwardCarried: (n) => `${n} ${plural(n, 'attachment', 'attachments')} included in the dossier.`,
  forwardLeftOut: (n) => `${n} ${plural(n, 'attachment', 'attachments')} could not be included (the dossier was made all the same):`,
  forwardLeftOutLine: (a, received) =>
    `Report ${a.report} (received ${received}), attachment ${a.attachment}${a.name ? ` “${a.name}”` : ''}: ` +
    {
      missing: 'not found on the server (never received, or already erased).',
      unavailable: 'the server could not provide it (connection or access).',
      altered: 'the server returned another file than the one the report names.',
      'too-large': 'over the largest size of a dossier (64 MiB of attachments): hand it over separately.',
    }[a.reason],
  forwardFailure: (f) =>
    ({
      'no-readable': 'None of the chosen reports could be opened: there is nothing to forward.',
      'too-many': 'Too many reports for one dossier: 1,000 at most.',
      'seal-failed': 'The dossier could not be sealed.',
      'no-police-key': 'Your keyring does not hold the active police key: the forwarding cannot be recorded.',
    })[f],

  pdfAttachmentTooLarge: 'Not included: the attachments are over the largest size of a PDF dossier (64 MiB). Open it from the report page.',
  pdfAttachmentNotEmbedded: (why) =>
    ({
      'not-image': 'File not displayed, for safety: this type of file is never included in the PDF. It can be saved from the report page.',
      mismatch: 'File not displayed: its content is not a photo of the stated type. It can be saved from the report page.',
      webp: 'WebP photo: this format cannot be included in a PDF. Show it from the report page.',
      broken: 'Photo not included: it could not be read for the PDF. Show it from the report page.',
    })[why],
  pdfTitle: 'Report dossier',
  pdfGenerated: (date, who) => `Prepared on ${date} by ${who}.`,
  pdfConfidential: 'Confidential: holds personal data. Keep on encrypted media, destroy after use.',
  pdfPage: (i, n) => `Page ${i} / ${n}`,
  pdfFooter: 'Stop Deal — confidential',
  pdfContents: (n, town) => `${n} ${plural(n, 'report', 'reports')} — ${town}`,
  pdfReportTitle: (i, n, received) => `Report ${i} / ${n} — received ${received}`,
  pdfUnreadable: 'This report could not be opened: its content is not included.',
  pdfFlags: (flags) => `To check: ${flags}.`,
  pdfNoHistory: 'No change.',
  pdfMessagesNone: 'No messages.',
  pdfMessageUnreadable: '(unreadable message)',
  pdfVerifiedMark: '[signature verified]',
  pdfUnverifiedMark: '[NOT VERIFIED, ignored]',

  exportLabel: 'Export',
  exportCsv: 'Export as CSV',
  exportGeoJson: 'Export as GeoJSON',
  exportTarget: (n, source) =>
    source === 'selection'
      ? `Applies to ${n === 1 ? 'the selected report' : `the ${num(n)} selected reports`}.`
      : `No report selected: applies to ${n === 1 ? 'the report shown' : `the ${num(n)} reports shown`}.`,
  exportPoints: (withPoint) => `GeoJSON: ${num(withPoint)} ${pluralZeroMany(withPoint, 'position', 'positions')} (only reports with a position are in it).`,
  exportDone: (file) => `File “${file}” saved to your downloads.`,
  exportNothing: 'Nothing to export.',
};
