/**
 * What runs while the viewer is unlocked, named in one place and in order. `unlock()` opens
 * the keyring, then starts each feature; `lock()` drops the keys, then stops each feature
 * (dropping its decrypted data and timers), then reloads the document so that nothing
 * decrypted survives in the page (DESIGN, threat model "stolen officer laptop").
 *
 * No feature registers itself when imported (session/start.node.test.ts): a feature that
 * must run while unlocked, or forget something on lock, gets a line here.
 */
import type { KeyringFile } from '../../../schemas/keyring.ts';
import { stopEnrolment } from '../admin/enrolment.ts';
import { startRetention, stopRetention } from '../admin/retention.ts';
import { startRoster, stopRoster } from '../admin/roster.ts';
import { stopCaseJobs } from '../caseFile/caseJobs.ts';
import { startCaseStates, stopCaseStates } from '../caseFile/derive.ts';
import { startCaseEvents, stopCaseEvents } from '../caseFile/events.ts';
import { stopConversations } from '../conversation/conversation.ts';
import { startInbox, stopInbox } from '../conversation/inbox.ts';
import { startOutgoing, stopOutgoing } from '../conversation/outgoing.ts';
import { closeDossier } from '../export/openDossier.ts';
import { stopBulkClose } from '../flood/bulkClose.ts';
import { startFlood, stopFlood } from '../flood/flood.ts';
import { revokeAttachmentUrls } from '../reports/attachments.ts';
import { clearFilters } from '../reports/filters.ts';
import { startReports, stopReports } from '../reports/reports.ts';
import { clearSelection } from '../reports/selection.ts';
import { startIdleLock, stopIdleLock } from './idleLock.ts';
import { startLive, stopLive } from './live.ts';
import { dropKeys, endSession, openSession } from './session.ts';

/**
 * After unlock, in order: the idle lock first (a workstation left unlocked locks even if a
 * later step fails); the lists and what is derived from them; the live channel last, so
 * that every listener is in place when its first frame comes.
 */
const START: ReadonlyArray<readonly [step: string, start: () => void]> = [
  ['idle lock', () => startIdleLock(() => lock())],
  ['reports', startReports],
  ['inbox', startInbox],
  ['questions being sent', startOutgoing],
  ['case files', startCaseEvents],
  ['case states', startCaseStates],
  ['roster', startRoster],
  ['retention clock', startRetention],
  ['surge effort', startFlood],
  ['live channel', startLive],
];

/**
 * On lock, in order: the live channel and the idle lock first (nothing new comes in), then
 * every feature forgets what it holds. A failing step does not keep the others from wiping.
 */
const STOP: ReadonlyArray<readonly [step: string, stop: () => void]> = [
  ['live channel', stopLive],
  ['idle lock', stopIdleLock],
  ['reports', stopReports],
  ['inbox', stopInbox],
  ['questions being sent', stopOutgoing],
  ['conversations', stopConversations],
  ['case files', stopCaseEvents],
  ['case changes', stopCaseJobs],
  ['case states', stopCaseStates],
  ['bulk close', stopBulkClose],
  ['roster', stopRoster],
  ['retention clock', stopRetention],
  ['surge effort', stopFlood],
  ['filters', clearFilters],
  ['selection', clearSelection],
  ['attachments', () => revokeAttachmentUrls()],
  ['new officer', stopEnrolment],
  ['opened dossier', closeDossier],
];

/** The steps, by name, for the documentation and the test. */
export const startSteps = (): string[] => START.map(([name]) => name);
export const stopSteps = (): string[] => STOP.map(([name]) => name);

/**
 * Unlocks a keyring file with its passphrase (session.ts `openSession`), then starts every
 * feature in {@link START} order.
 * @throws UnlockError
 */
export async function unlock(file: KeyringFile, passphrase: string, options: { onVerified?: () => Promise<unknown> } = {}): Promise<void> {
  await openSession(file, passphrase, options);
  for (const [, start] of START) start();
}

/**
 * Locks: wipes keys, stops every feature in {@link STOP} order, then (unless the page is
 * already going away) loads a fresh document at the start page.
 */
export function lock(options: { reload: boolean } = { reload: true }): void {
  dropKeys();
  for (const [, stop] of STOP) {
    try {
      stop();
    } catch {
      // A failing step must not keep the others from wiping.
    }
  }
  endSession();
  if (options.reload) location.replace(location.origin + '/');
}
