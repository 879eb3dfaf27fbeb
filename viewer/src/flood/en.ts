/** The viewer's English text against floods; same keys as `fr.surges.ts`. */
import type { SurgeMessages } from './fr.ts';

const INTEGER = new Intl.NumberFormat('en-GB');
const RATE = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
const num = (n: number) => INTEGER.format(n);
const reports = (n: number) => `${num(n)} ${n === 1 ? 'report' : 'reports'}`;

export const enSurges: SurgeMessages = {
  viewGroups: 'Groups',
  surgeText: (recent, usual) => `Abnormal surge: ${reports(recent)} received in the last hour (usually ${usual < 1 ? 'less than one' : RATE.format(usual)} an hour)`,
  surgeEffort: (bits, base) => `The server has raised the effort asked of each sender: ${bits} bits instead of ${base}, which slows mass sending.`,
  surgeShowGroups: 'Show grouped reports',

  groupsTitle: 'Identical and near-identical reports',
  groupsIntro: 'Reports whose text is identical or nearly so (digits, case, spacing or one word changed) are gathered into groups, largest first. Grouping happens on this workstation, in memory.',
  groupsNone: 'No groups: no report repeats another.',
  groupsCount: (groups, n) => `${num(groups)} ${groups === 1 ? 'group' : 'groups'}, ${reports(n)} in all`,
  groupsListLabel: 'Groups, largest first',
  groupSize: (n) => reports(n),
  groupSampleLabel: 'Sample',
  groupShow: (n) => `Show the ${reports(n)} in the list`,
  groupFilterActive: (n) => `List narrowed to a group of ${reports(n)}.`,
  groupFilterClear: 'Show every report',

  closeButton: (n) => `Close with no further action: ${reports(n)}`,
  closeConfirmTitle: 'Close with no further action?',
  closeConfirmText: (n) => `${reports(n)} will get the status “closed, no further action”. Each case file gets an event signed in your name, and deletion follows the rule for a closed case.`,
  closeConfirm: (n) => `Close ${reports(n)}`,
  closeProgress: (done, total) => `Closing: ${num(done)} of ${reports(total)}`,
  closeDone: (n) => `${reports(n)} closed with no further action.`,
  closeFailed: (done, total, why) => `Closing stopped after ${num(done)} of ${reports(total)}: ${why} What was stored stays stored.`,
  closeResume: 'Resume closing',
  closeDismiss: 'Give up the rest',
  closeFailure: (f) =>
    ({
      unreachable: 'the server cannot be reached.',
      unauthorized: 'the server no longer recognises your key.',
      forbidden: 'your role does not allow it.',
      gone: 'one of the reports no longer exists.',
      'unknown-key': 'the police key is no longer accepted.',
      refused: 'the server refused the request.',
      server: 'server error.',
      'no-police-key': 'your keyring cannot seal events.',
    })[f],
};
