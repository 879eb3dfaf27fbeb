/** The viewer's English text for the case file and administration: the same keys as `fr.admin.ts`. */
import type { CaseStatus } from '../../../schemas/caseFile.ts';
import type { AdminMessages } from './fr.admin.ts';

const plural = (n: number, one: string, many: string) => (n <= 1 ? one : many);
const quoted = (xs: readonly unknown[]) => xs.map((x) => `“${String(x)}”`).join(', ');

const STATUS: Record<CaseStatus, string> = {
  nouveau: 'New',
  'a-verifier': 'To check',
  verifie: 'Checked',
  transmis: 'Forwarded',
  classe: 'Closed, no further action',
};

export const enAdmin: AdminMessages = {
  navLabel: 'Main navigation',
  navReports: 'Reports',
  navExpiring: 'Expiring soon',
  navRoster: 'Officers',
  navSettings: 'Settings',

  officerName: (name, fingerprint) => (name ? `${name} (${fingerprint})` : `Officer ${fingerprint}`),
  officerMe: (name) => (name ? `Me (${name})` : 'Me'),
  officerYou: 'you',

  caseHeading: 'Case file',
  caseHelp: 'Every change is signed with your key and encrypted: the server sees only that it exists. Every officer sees the same history.',
  caseStatus: (s) => STATUS[s],
  caseStatuses: STATUS,
  caseStatusLabel: 'Status',
  caseStatusSave: 'Change status',
  caseStatusClosedHint: (months) => `“Closed, no further action” has the report erased ${months} months later, with its conversation and case file.`,
  caseAssigneeLabel: 'Officer in charge',
  caseAssigneeNone: 'Nobody',
  caseAssignSave: 'Assign',
  caseAssigneeUnknown: 'Other officers appear here once they have acted on a case.',
  caseTagsLabel: 'Tags',
  caseTagsNone: 'No tags.',
  caseTagAddLabel: 'New tag',
  caseTagAdd: 'Add tag',
  caseTagRemove: (tag) => `Remove tag “${tag}”`,
  caseTagProblem: 'A tag has 1 to 40 characters.',
  caseTagSuggestions: 'Tags already in use',
  caseNoteLabel: 'New note',
  caseNoteHint: 'Seen by every officer, encrypted. Never sent to the resident.',
  caseNoteAdd: 'Add note',
  caseNoteEmpty: 'Write the note before adding it.',
  caseNoteTooLong: (max) => `Note too long: ${max} characters at most.`,
  caseNoPoliceKey: 'Your keyring does not hold the active police key: you can read the case file, not change it.',
  caseLoading: 'Loading the case file…',
  caseJump: 'Go to the case file',
  caseSummary: 'Summary',
  caseAssignedTo: (who) => `Officer in charge: ${who}`,
  caseUnassigned: 'Officer in charge: nobody',
  caseForwarded: 'Forwarded to an investigator unit',
  caseNotes: (n) => (n ? `${n} ${plural(n, 'note', 'notes')}` : 'No notes'),

  expiryLine: (date, days) => (days ? `To be erased on ${date} (in ${days} ${plural(days, 'day', 'days')}).` : `To be erased on ${date} (at the next purge).`),
  expiresSoonBadge: 'Expires soon',
  expiresSoonBadgeDays: (days) => (days ? `Expires in ${days} ${plural(days, 'day', 'days')}` : 'Expires today'),
  expiringTitle: 'Expiring soon',
  expiringIntro: (days, months, closedMonths) =>
    `Reports erased from the server within the next ${days} days, with their conversation, case file and attachments. The town’s rule: erased ${months} months after arrival, or ${closedMonths} months after being closed with no further action.`,
  expiringNone: (days) => `No report expires within the next ${days} days.`,
  expiringCaption: 'Reports expiring soon, soonest first',
  expiringActions: 'Export or forward all these reports',
  colExpires: 'Erased on',
  colCaseStatus: 'Status',

  deleteHeading: 'Delete this report',
  deleteHelp: 'Administrators only. Deletion is final: the report, its conversation, its case file and its attachments are erased from the server. It is recorded nowhere.',
  deleteButton: 'Delete for good…',
  deleteConfirmTitle: 'Delete this report?',
  deleteConfirmText: 'The report, its conversation, its case file and its attachments will be erased from the server for every officer. This cannot be undone.',
  deleteConfirm: 'Delete for good',
  deleting: 'Deleting…',
  deleted: 'The report has been deleted.',
  cancel: 'Cancel',
  close: 'Close',

  historyHeading: 'History',
  historyEmpty: 'No change yet.',
  historyLabel: 'Case file history, oldest first',
  historyAction: (item, nameOf, dateOf) => {
    const d = item.detail;
    switch (item.type) {
      case 'status':
        return `set the status to “${STATUS[d.status as CaseStatus] ?? String(d.status)}”`;
      case 'assign':
        return d.assignee ? `assigned the case to ${typeof d.assigneeName === 'string' && d.assigneeName ? d.assigneeName : nameOf(String(d.assignee))}` : 'unassigned the case';
      case 'tags': {
        const add = (d.add as string[] | undefined) ?? [];
        const remove = (d.remove as string[] | undefined) ?? [];
        return [add.length ? `added ${plural(add.length, 'the tag', 'the tags')} ${quoted(add)}` : '', remove.length ? `removed ${plural(remove.length, 'the tag', 'the tags')} ${quoted(remove)}` : '']
          .filter(Boolean)
          .join(' and ');
      }
      case 'note':
        return 'added a note:';
      case 'forward': {
        const others = Number(d.count) - 1;
        return `forwarded this report${others > 0 ? ` (with ${others} ${plural(others, 'other', 'others')})` : ''} to the unit “${String(d.unit)}”`;
      }
      case 'expiry':
        return `set the erasure date to ${dateOf(String(d.expiresAt))}`;
      case 'unreadable':
        return 'unreadable event';
    }
  },
  historyVerified: 'Signature verified',
  historyProblem: (p) =>
    ({
      integrity: 'Not verified: this event does not open, or its signature does not match its author. It is ignored.',
      'unknown-key': 'Not verified: sealed with a police key your keyring does not hold. It is ignored.',
      'invalid-content': 'Not verified: its content does not follow the protocol. It is ignored.',
      'report-mismatch': 'Warning: this event was signed for another report (a replayed copy). It is ignored.',
      'unknown-author': 'Warning: its author is not on the roster. It is ignored.',
    })[p],
  historyUnknownAuthor: 'Unknown author',

  jobSending: 'Saving…',
  jobDone: (kind) => ({ status: 'Status saved.', assign: 'Assignment saved.', tags: 'Tags saved.', note: 'Note added.', forward: 'Forwarding recorded in the case files.' })[kind],
  jobFailed: (kind) =>
    ({
      status: 'The status was not saved.',
      assign: 'The assignment was not saved.',
      tags: 'The tags were not saved.',
      note: 'The note was not saved.',
      forward: 'The forwarding was not recorded in every case file.',
    })[kind],
  jobFailure: (f) =>
    ({
      unreachable: 'The server cannot be reached.',
      unauthorized: 'The server refuses this workstation’s signature: unknown or revoked officer, or a clock more than 5 minutes off.',
      forbidden: 'Your role does not allow it.',
      gone: 'This report no longer exists on the server.',
      'unknown-key': 'The server no longer accepts the police key used.',
      refused: 'The server refused the request.',
      server: 'The server answered with an error.',
      'no-police-key': 'Your keyring does not hold the active police key.',
    })[f],
  jobRetry: 'Try again',
  jobDismiss: 'Give up',

  settingsTitle: 'Settings',
  settingsIntro: 'These settings stay on this workstation. They say nothing about any report.',
  nameHeading: 'Your name',
  nameLabel: 'Name shown to other officers',
  nameHint: 'For example “Sergeant Martin”. It comes with your changes to case files; colleagues also see your key’s fingerprint, which alone proves it is you.',
  nameSave: 'Save name',
  nameSaved: (name) => (name ? `Name saved: ${name}.` : 'Name cleared: you appear by your key’s fingerprint.'),
  myKeyHeading: 'Your officer key',
  myFingerprint: (fp) => `Fingerprint: ${fp}`,
  myRole: (role) => (role === 'admin' ? 'Role: administrator' : role === 'officer' ? 'Role: officer' : 'Role: unknown (server unreachable)'),
  idleHeading: 'Automatic lock',
  idleLabel: 'Lock after (minutes without activity)',
  idleHint: (def) => `${def} minutes by default. A countdown shows 30 seconds before. The “Lock” button works at any time.`,
  idleSave: 'Save delay',
  idleSaved: (minutes) => `Delay saved: ${minutes} min.`,
  idleInvalid: (min, max) => `Give a number of minutes between ${min} and ${max}.`,
  unitsHeading: 'Saved investigator units',
  unitsNone: 'No unit saved. You can add one when forwarding a dossier.',
  unitsHint: 'Name and public key only, kept on this workstation for the next forwardings.',
  unitRemove: (name) => `Remove the unit “${name}”`,
  unitLine: (name, fp) => `${name} — fingerprint ${fp}`,

  idleWarningTitle: 'Locking soon',
  idleWarningText: (seconds) => `Without activity, the viewer locks in ${seconds} ${plural(seconds, 'second', 'seconds')}.`,
  idleStay: 'Stay signed in',

  rosterTitle: 'Officers',
  rosterIntro: 'Enrolled officers, their role and their key’s fingerprint. Revoking an officer blocks their requests at once.',
  rosterOnlyAdmins: 'This screen is for administrators only.',
  rosterLoading: 'Loading the roster…',
  rosterCaption: 'Enrolled officers, oldest first',
  colOfficer: 'Officer',
  colRole: 'Role',
  colFingerprint: 'Fingerprint',
  colCreated: 'Enrolled on',
  colState: 'State',
  colActions: 'Actions',
  role: (r) => (r === 'admin' ? 'Administrator' : 'Officer'),
  rosterActive: 'Active',
  rosterRevokedOn: (date) => `Revoked on ${date}`,
  grantKeys: 'Give the keys',
  grantKeysFor: (who) => `Give the keys to ${who}`,
  granting: 'Sending the keys…',
  granted: (n, who) => `${n} police ${plural(n, 'key', 'keys')} given to ${who}. They can now “Fetch my keys” on their workstation.`,
  revoke: 'Revoke…',
  revokeFor: (who) => `Revoke ${who}`,
  revokeConfirmTitle: 'Revoke this officer?',
  revokeConfirmText: (who) => `${who} will not be able to ask the server anything, from now on.`,
  revokeReminder:
    'But they keep the police keys already received. So rotate the police key without delay (new key, new app build, keys given again to the other officers): see “Revocation, always followed by rotation” in docs/key-ceremony.md.',
  revokeConfirm: 'Revoke now',
  revoked: (who) => `${who} is revoked. Remember to rotate the police key.`,
  rosterFailure: (f) =>
    ({
      unreachable: 'The server cannot be reached.',
      unauthorized: 'The server refuses this workstation’s signature (revoked officer, or clock off).',
      forbidden: 'Your role does not allow it: administrators only.',
      conflict: 'This key is already enrolled with another role, or was revoked: the new officer must create a new key.',
      gone: 'Officer unknown to the server.',
      refused: 'The server refused the request.',
      server: 'The server answered with an error.',
    })[f],
  enrolHeading: 'Enrol a new officer',
  enrolIntro:
    'The new officer creates their keyring on their own workstation (“I am a new officer” on the unlock screen) and gives you their public key: text, file or QR code. Compare the fingerprint together, in person or by phone: it proves the key was not swapped on the way.',
  enrolKeyLabel: 'The new officer’s public key',
  enrolKeyHint: 'Paste the key (43 characters) or the content of their public key file.',
  enrolKeyFile: 'Or choose their public key file',
  enrolCheck: 'Check the key',
  keyProblem: (p) =>
    ({
      empty: 'Paste the public key first, or choose its file.',
      'not-a-key': 'This is not an officer public key: 43 characters expected (letters, digits, - and _).',
      'not-a-key-file': 'This file is not a valid Stop Deal public key file.',
    })[p],
  enrolFingerprint: 'This key’s fingerprint',
  enrolNameClaim: (name) => `Name given in the file: ${name} (stated by the officer, not verified).`,
  enrolCompare: 'I compared this fingerprint with the one shown to the new officer: it is identical.',
  enrolNeedCompare: 'Compare the fingerprint with the new officer and tick the box before enrolling.',
  enrolRoleLegend: 'Role',
  enrolRoleOfficer: 'Officer: reads reports, keeps case files, writes to residents.',
  enrolRoleAdmin: 'Administrator: all that, plus the roster, keys and deletion.',
  enrolSubmit: 'Enrol this officer',
  enrolling: 'Enrolling…',
  enrolled: (fp) => `Officer ${fp} enrolled. Now give them the police keys with “Give the keys”.`,

  otherActionsHeading: 'Other options',
  newOfficerLink: 'I am a new officer: create my keyring',
  openDossierLink: 'Open a forwarded dossier (investigator unit)',
  newOfficerTitle: 'New officer: create my keyring',
  newOfficerIntro:
    'Your keyring will hold your officer key, protected by a passphrase only you know. It is created on this workstation; only its public key leaves it, for the administrator.',
  newNameLabel: 'Your name, shown to other officers (optional)',
  newPassLabel: 'Passphrase',
  newPassAgainLabel: 'The same passphrase again',
  newPassHint: (min) => `At least ${min} characters. A few random words make a good passphrase. It cannot be recovered: do not lose it.`,
  passphraseProblem: (p, min) => (p === 'too-short' ? `Passphrase too short: at least ${min} characters.` : 'The two passphrases differ.'),
  newCreate: 'Create my keyring',
  newCreating: 'Creating the keyring…',
  newCreatingHelp: 'This takes a few seconds: the computation is slow on purpose to resist attacks.',
  newCreated: 'Your keyring is created and kept on this workstation, encrypted with your passphrase.',
  newNotStored: 'Your keyring is created, but this workstation could not keep it: download it now.',
  newCreateFailed: 'The keyring could not be created in this browser.',
  newDownloadKeyring: 'Download a copy of the keyring (backup)',
  newPublicKeyHeading: 'Your public key, for the administrator',
  newPublicKeyHelp: 'Give it to the administrator, then compare the fingerprint together. It reads nothing: you can pass it on safely.',
  newPublicKeyLabel: 'Public key',
  newFingerprintLabel: 'Fingerprint (to compare with the administrator)',
  newDownloadCard: 'Download my public key (file)',
  qrLabel: (fp) => `QR code of your public key, fingerprint ${fp}`,
  qrCaption: 'The same text as a QR code, to photograph.',
  newNextHeading: 'Next',
  newNextSteps: [
    'The administrator enrols you and gives you the police keys.',
    'Come back to the unlock screen and unlock your keyring with your passphrase.',
    'Press “Fetch my keys”: your keyring receives the keys and you can read reports.',
  ],
  backToUnlock: 'Back to unlocking',

  grantHeading: 'New officer: fetch your keys',
  grantHelp: 'This keyring cannot open any report yet. If the administrator has enrolled you and given you the keys, fetch them now: it is the only thing this keyring can do.',
  recoverButton: 'Fetch my keys',
  recovering: 'Fetching the keys…',
  recovered: (added, total) => `${added} police ${plural(added, 'key', 'keys')} added (${total} in all). Your keyring is updated on this workstation: unlock it now.`,
  recoverFailure: (f) =>
    ({
      'wrong-passphrase': 'Wrong passphrase.',
      damaged: 'This keyring is damaged.',
      'no-officer-key': 'This keyring has no officer key.',
      'not-enrolled': 'The server does not know you yet (or any more): the administrator must enrol you first.',
      'no-grant': 'You are enrolled, but the administrator has not given you the keys yet. Try again afterwards.',
      'grant-unreadable': 'The keys received do not open with your officer key. Ask the administrator to give them again.',
      unreachable: 'The server cannot be reached.',
      server: 'The server answered with an error.',
    })[f],
  downloadUpdatedKeyring: 'Download the updated keyring (backup)',
  unitKeyringHint: 'If this is an investigator unit’s keyring, choose “Open a forwarded dossier” below.',

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
};
