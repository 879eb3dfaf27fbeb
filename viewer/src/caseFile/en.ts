/**
 * The viewer's English text for the case file panel, its history and the changes being sent, and
 * officers' names: the same keys as `fr.ts` beside it.
 */
import type { CaseStatus } from '../../../schemas/caseFile.ts';
import type { CaseFileMessages } from './fr.ts';

const plural = (n: number, one: string, many: string) => (n <= 1 ? one : many);
const quoted = (xs: readonly unknown[]) => xs.map((x) => `“${String(x)}”`).join(', ');
const STATUS: Record<CaseStatus, string> = {
  nouveau: 'New',
  'a-verifier': 'To check',
  verifie: 'Checked',
  transmis: 'Forwarded',
  classe: 'Closed, no further action',
};

export const enCaseFile: CaseFileMessages = {
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
};
