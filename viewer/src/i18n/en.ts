/** The viewer's English text: the same keys as `fr.ts`, checked by the type. */
import type { Messages } from './fr.ts';
import { enAdmin } from './en.admin.ts';
import { enAnalytics } from '../analysis/en.ts';
import { enSurges } from '../flood/en.ts';

const plural = (n: number, one: string, many: string) => (n <= 1 ? one : many);

export const en: Messages = {
  ...enAdmin,
  ...enAnalytics,
  ...enSurges,
  documentTitle: 'Stop Deal — report viewer',
  appName: 'Stop Deal',
  appRole: 'Report viewer',
  skipToContent: 'Skip to content',
  switchLanguage: 'Français',
  switchLanguageLabel: 'Afficher la consultation en français',
  lock: 'Lock',
  lockHelp: 'Erases the keys and decrypted reports from this page.',
  signedInAs: (officerId) => `Officer ${officerId}`,
  loadingCrypto: 'Loading…',

  unlockTitle: 'Unlock',
  unlockIntro: 'Reports are encrypted. They are decrypted only on this workstation, in memory, once your keyring is unlocked with its passphrase.',
  keyringHeading: '1. Your keyring',
  storedKeyring: (name, savedAt) => `Keyring stored on this workstation: “${name}” (saved on ${savedAt}).`,
  useStoredKeyring: 'Use the stored keyring',
  forgetStoredKeyring: 'Forget this keyring',
  forgottenKeyring: 'This workstation has forgotten the stored keyring.',
  chooseKeyringFile: 'Choose a keyring file',
  chooseOtherKeyringFile: 'Or choose another keyring file',
  dropKeyringHere: 'Or drop the keyring file here.',
  dropZoneLabel: 'Drop zone for the keyring file',
  chosenKeyring: (name) => `Chosen keyring: “${name}”.`,
  noKeyringYet: 'No keyring chosen.',
  rememberKeyring: 'Keep this keyring on this workstation for next time (it stays encrypted by the passphrase)',
  passphraseHeading: '2. Passphrase',
  passphraseLabel: 'Keyring passphrase',
  showPassphrase: 'Show the passphrase',
  unlockButton: 'Unlock',
  unlocking: 'Unlocking…',
  unlockingHelp: 'This takes a few seconds: the computation is slow on purpose, to resist attacks.',
  needKeyring: 'Choose a keyring file first.',
  needPassphrase: 'Enter the passphrase.',

  keyringFileProblem: (kind, field) => {
    switch (kind) {
      case 'too-large':
        return 'This file is far too large to be a Stop Deal keyring.';
      case 'not-json':
        return 'This file is not a Stop Deal keyring: it is not a JSON file.';
      case 'not-keyring':
        return 'This file is not a Stop Deal keyring.';
      case 'field':
        return `This keyring is invalid: the field “${field ?? '?'}” is missing or wrong.`;
    }
  },
  unlockFailure: (reason) => {
    switch (reason) {
      case 'wrong-passphrase':
        return 'Wrong passphrase. Check it (dashes, capitals) and try again.';
      case 'damaged':
        return 'This keyring is damaged: its decrypted content is not a valid keyring.';
      case 'no-police-keys':
        return 'This keyring holds no police key: it cannot open any report.';
      case 'no-officer-key':
        return 'This keyring holds no officer key: it cannot sign requests to the server, so it cannot fetch reports. Use the keyring of an enrolled officer.';
      case 'crypto-unavailable':
        return 'The encryption module could not start in this browser.';
    }
  },
  technicalDetail: (detail) => `Technical detail: ${detail}`,

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
      integrity: 'Unreadable',
      'unknown-key': 'Unknown key',
      'invalid-content': 'Invalid content',
      'id-mismatch': 'Inconsistent id',
      'unknown-form': 'Unknown form',
      'invalid-answers': 'Answers not as expected',
    })[p],
  problemLong: (p) =>
    ({
      integrity: 'This report does not open with the key it names: it was altered, truncated or sealed with another key. Its content cannot be read.',
      'unknown-key': 'This report is sealed with a police key your keyring does not hold. Ask the administrator to grant you that key.',
      'invalid-content': 'This report opens, but its content does not follow the protocol: it is not shown.',
      'id-mismatch': 'Warning: the id sealed inside this report differs from the server’s. It may be a replayed copy of another report. Trust neither.',
      'unknown-form': 'This report uses a form this version of the viewer does not know: its answers are shown as they are.',
      'invalid-answers': 'Some answers do not follow the form: they are shown as they are, as raw text.',
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
  unreadBadge: (n) => (n <= 1 ? 'New message' : `${n} new messages`),
  unreadReports: (n) => `${n} ${plural(n, 'report with a new message', 'reports with new messages')}`,
  titleUnread: (n) => `(${n}) `,
  answerArrivals: (n, time) => `New message from the resident on ${n} ${plural(n, 'report', 'reports')} at ${time}.`,
  liveStatus: (s) =>
    ({
      off: '',
      connecting: 'Connecting to live updates…',
      live: 'Live: new messages and reports appear at once.',
      down: 'Live updates unavailable: checking again every 10 seconds.',
    })[s],

  conversationHeading: 'Conversation with the resident',
  jumpToConversation: (unread) => (unread ? `Go to the conversation (${unread <= 1 ? '1 new message' : `${unread} new messages`})` : 'Go to the conversation'),
  conversationNoMailbox: 'The resident left no way to answer them: this report has no encrypted mailbox. No question can be sent.',
  conversationHelp: 'End-to-end encrypted. The resident reads your questions when they open the app with their follow-up code; they are not notified in any other way.',
  conversationLoading: 'Loading the conversation…',
  conversationEmpty: 'No messages yet.',
  conversationRetry: 'Try again',
  threadLabel: 'Messages, oldest first',
  authorPolice: 'Police',
  authorYou: 'You',
  authorReporter: 'Resident',
  messageNew: 'New',
  messageOpening: 'Decrypting…',
  messageSending: 'Sending…',
  messageSent: 'Sent',
  messageFailed: 'Not sent',
  writtenAt: (time) => `Written on ${time} according to its author’s device.`,
  unreadableMessage: 'Unreadable message.',
  unreadableReason: (r) =>
    ({
      integrity: 'It does not open with the keys it names: it was altered, or sealed with a key other than this resident’s and the police’s.',
      'unknown-key': 'It is sealed with a police key your keyring does not hold.',
      'invalid-content': 'It opens, but its content does not follow the protocol: it is not shown.',
      'no-reply-key': 'The report does not give the resident’s key, which is needed to open it.',
    })[r],
  writeBlock: (b) =>
    ({
      'no-mailbox': 'The resident left no way to answer them.',
      'no-reply-key': 'Cannot write: this report does not give the resident’s key (it could not be opened, or does not contain it).',
      'no-police-key': 'Cannot write: your keyring does not hold the active police key. Ask the administrator for it. You can still read the conversation.',
    })[b],
  sendFailure: (f) =>
    ({
      unreachable: 'The server cannot be reached.',
      unauthorized: 'The server refuses this workstation’s signature (revoked officer, or clock more than 5 minutes off).',
      forbidden: 'Your role does not allow writing to residents.',
      gone: 'This report no longer exists on the server, or has no mailbox.',
      'unknown-key': 'The server no longer accepts the police key used.',
      refused: 'The server refused this message.',
      server: 'The server answered with an error.',
    })[f],
  retrySend: 'Try sending again',
  discardSend: 'Give up this message',
  composerLabel: 'Your question to the resident',
  composerHint: 'Enter starts a new line; Ctrl + Enter sends.',
  quickQuestionsLabel: 'Ready-made questions (added to the text)',
  quickQuestions: [
    { id: 'people', label: 'The people', text: 'Can you describe the people (how many, approximate age, clothing, distinctive features)?' },
    { id: 'vehicles', label: 'The vehicles', text: 'Can you describe the vehicles (type, make, colour, plate even partly)?' },
    { id: 'frequency', label: 'How often', text: 'How often does it happen, and at what times?' },
    { id: 'since', label: 'Since when', text: 'Since when have you noticed this activity?' },
    { id: 'place', label: 'The exact place', text: 'Can you tell us the exact place (address, building, floor, landmark)?' },
    { id: 'other', label: 'Anything else', text: 'Is there anything else you would like to tell us?' },
  ],
  counter: (n, max) => `${n} / ${max} characters`,
  bodyProblem: (p, over) => (p === 'empty' ? 'Write a question before sending.' : `Message too long: remove ${over} characters.`),
  sendButton: 'Send the question',
  composeFailed: 'The question could not be encrypted. Reload the page and try again.',
  announceAnswer: (time, body) => `New message from the resident, ${time}: ${body}`,
  announceUnreadableAnswer: (time) => `New message from the resident, ${time}: unreadable.`,
  announceSent: 'Question sent.',
  announceFailed: 'The question could not be sent.',
};
