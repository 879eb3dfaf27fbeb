/**
 * The viewer's English text for the report list and one report (answers, attachments), the views,
 * filters and selection: the same keys as `fr.ts` beside it.
 */
import type { ReportsMessages } from './fr.ts';

const INTEGER = new Intl.NumberFormat('en-GB');
const plural = (n: number, one: string, many: string) => (n <= 1 ? one : many);
// English plural as finding and exports wrote it: 0 takes the plural ("0 reports").
const pluralZeroMany = (n: number, one: string, many: string) => (n === 1 ? one : many);
const num = (n: number) => INTEGER.format(n);

export const enReports: ReportsMessages = {
  reportsTitle: 'Reports',
  reportsCount: (n) => (n === 0 ? 'No reports' : `${n} ${plural(n, 'report', 'reports')}`),
  flaggedCount: (n) => `of which ${n} to check (unreadable or not as the form expects)`,
  loadingReports: 'Fetching and decrypting reports…',
  checkedAt: (time) => `Last checked at ${time}. New reports appear by themselves.`,
  checkNow: 'Check now',
  arrivals: (n, time) => `${n} new ${plural(n, 'report', 'reports')} at ${time}.`,
  noReports: 'No reports yet.',
  syncFailure: (f) => {
    switch (f) {
      case 'unreachable':
        return 'The server cannot be reached. Trying again in a few seconds.';
      case 'unauthorized':
        return 'The server refuses this workstation’s signature: unknown or revoked officer, or the workstation’s clock is more than 5 minutes off.';
      case 'forbidden':
        return 'Your role does not allow reading reports.';
      case 'server':
        return 'The server answered with an error. Trying again in a few seconds.';
    }
  },
  tableCaption: 'Reports received, newest first',
  colReceived: 'Received',
  colForm: 'Form',
  colDistrict: 'District',
  colPlace: 'Place',
  colStatus: 'Status',
  statusReadable: 'Decrypted',
  openReport: (received) => `Open the report received on ${received}`,
  unknownValue: '—',

  problemShort: (p) =>
    ({
      undecryptable: 'Unreadable',
      unknown_key: 'Unknown key',
      invalid_content: 'Invalid content',
      id_mismatch: 'Inconsistent id',
      unknown_form: 'Unknown form',
      invalid_answers: 'Answers not as expected',
    })[p],
  problemLong: (p) =>
    ({
      undecryptable: 'This report does not open with the key it names: it was altered, truncated or sealed with another key. Its content cannot be read.',
      unknown_key: 'This report is sealed with a police key your keyring does not hold. Ask the administrator to grant you that key.',
      invalid_content: 'This report opens, but its content does not follow the protocol: it is not shown.',
      id_mismatch: 'Warning: the id sealed inside this report differs from the server’s. It may be a replayed copy of another report. Trust neither.',
      unknown_form: 'This report uses a form this version of the viewer does not know: its answers are shown as they are.',
      invalid_answers: 'Some answers do not follow the form: they are shown as they are, as raw text.',
    })[p],

  backToList: 'All reports',
  reportTitle: (received) => `Report received on ${received}`,
  reportNotFound: 'This report cannot be found.',
  reportLoading: 'Looking for the report…',
  flaggedHeading: 'To check',
  metaHeading: 'Details',
  metaForm: 'Form',
  metaFormVersion: (reported, known) => `version ${reported} (this workstation knows version ${known})`,
  metaReceived: 'Received by the server (to the hour)',
  metaCreated: 'Written on the phone (according to the phone)',
  metaKid: 'Police key used',
  metaId: 'Id',
  metaInnerId: 'Id sealed inside the report',
  metaSeq: 'Arrival number',
  metaReply: 'Reply to the reporter',
  replyPossible: 'Possible through the encrypted mailbox',
  replyImpossible: 'Not possible: the reporter left no mailbox',
  metaAttachments: 'Attachments',
  attachment: (name, mime, size) => `${name} (${mime}, ${size})`,
  attachmentUnnamed: 'unnamed',
  attachmentsHeading: 'Attachments',
  attachmentsHelp:
    'Attachments are decrypted on this workstation, in memory only. Only verified JPEG, PNG or WebP photos are displayed; any other file can only be saved, never opened here.',
  attachmentLabel: (n) => `Attachment ${n}:`,
  attachmentDeclared: (mime, size) => `Stated type: ${mime} · stated size: ${size}`,
  attachmentSize: (size) => `Actual size: ${size}`,
  attachmentSizeMismatch: (listed, actual) => `Warning: actual size ${actual}, different from the stated size (${listed}).`,
  attachmentShow: 'Show the photo',
  attachmentHide: 'Hide the photo',
  attachmentSave: 'Save the attachment',
  attachmentLoading: 'Downloading and decrypting the attachment…',
  attachmentSaved: (name) => `Attachment saved as “${name}”.`,
  attachmentPhotoAlt: (n) => `Photo attached to the report (attachment ${n})`,
  attachmentNotShownMismatch: 'This file is not displayed: its content is not a photo of the stated type. It can be saved for examination, never opened here.',
  attachmentNotShownType: 'This type of file is never displayed here, for safety. It can be saved for examination.',
  attachmentFailure: (why) =>
    ({
      missing: 'Attachment not found on the server: it was never received, or it has already been erased.',
      undecryptable: 'Unreadable attachment: it does not decrypt with the key given in the report (damaged or altered file).',
      altered: 'Attachment refused: the server returned another file than the one the report names.',
      unreachable: 'Attachment not downloaded: the server cannot be reached. Check the connection and try again.',
      refused: 'Attachment not downloaded: the server refuses access to this officer.',
      locked: 'The viewer was locked.',
      'dossier-altered': 'Attachment refused: the dossier file holds another file than the one the report names (altered dossier).',
    })[why],
  contactHeading: 'Contact',
  contactGiven: 'The reporter agrees to be contacted:',
  contactNone: 'Anonymous report: no way of contact given.',
  answersHeading: 'Answers',
  extraHeading: 'Answers outside the form',
  extraHelp: 'These answers match no question of the form. They are shown as they are.',
  invalidAnswer: '(not as the form expects)',
  unknownChoice: '(value not in the form)',
  unknownDistrict: '(unknown district)',
  pointAccuracy: (metres) => `(accuracy ± ${metres} m)`,
  invalidFieldsList: (labels) => `Answers concerned: ${labels}.`,
  noAnswers: 'No answers.',
  unreadableBody: 'This report’s content is not shown, as it could not be opened safely.',
  viewSwitchLabel: 'Report views',
  viewList: 'List',
  viewHotspots: 'Hotspots',
  viewMap: 'Map and trends',

  findHeading: 'Search and filter',
  searchLabel: 'Search the reports’ content',
  searchHint: 'Accents and capitals do not matter: “degage” finds “dégagé”. Several words: all must be there.',
  filterDistrict: 'District',
  filterAllDistricts: 'All districts',
  filterStatus: 'Status',
  filterAllStatuses: 'All statuses',
  filterForm: 'Form',
  filterAllForms: 'All forms',
  filterAssignee: 'Assigned to',
  filterAnyone: 'Anyone',
  filterUnassigned: 'Nobody (unassigned)',
  filterTag: 'Tag',
  filterAllTags: 'All tags',
  filterNoTags: 'No tags yet',
  periodLegend: 'Period',
  periodBasis: 'Date used',
  periodBasisOption: (p) => (p === 'received' ? 'Date the server received it' : 'Date given in the report'),
  periodFrom: 'From',
  periodTo: 'To (inclusive)',
  filterExpiring: (days) => `Only those expiring soon (within ${days} days)`,
  clearFilters: 'Clear filters',
  activeFilters: (n) => (n ? `${n} active ${pluralZeroMany(n, 'filter', 'filters')}` : 'No filter'),
  filterResult: (shown, total) => (shown === total ? `${num(total)} ${pluralZeroMany(total, 'report shown', 'reports shown')}` : `${num(shown)} of ${num(total)} reports shown`),
  noMatch: 'No report matches these criteria.',

  selectAllShown: (n) => `Select the ${num(n)} ${pluralZeroMany(n, 'report shown', 'reports shown')}`,
  selectReport: (received) => `Select the report received on ${received}`,
  clearSelection: 'Clear selection',
  selectedSummary: (n) => `${num(n)} ${pluralZeroMany(n, 'report selected', 'reports selected')}`,
  longListHint: 'Long list: only the rows near the screen are drawn as you scroll. To find a report, use the search above.',
};
