/**
 * Retention as officers see it (DESIGN "Retention and data protection"): what expires soon,
 * from `caseStates.expiresAt` (caseFile/expiry.ts gives the rules), and the explicit deletion
 * of a report by an administrator (`DELETE /api/v1/reports/{id}`, PROTOCOL §5: its messages,
 * events and blobs go with it). A deletion is recorded nowhere: the case file goes too.
 */
import { computed, signal } from '@preact/signals';
import * as v from 'valibot';
import { ReportId } from '../../../schemas/api.ts';
import { ApiError, signedJson } from '../shared/api.ts';
import { dropReportEvents } from '../caseFile/events.ts';
import { caseStates, selectedIds } from '../caseFile/caseState.ts';
import { deployment } from '../shared/deployment.ts';
import { expiresSoon, EXPIRES_SOON_DAYS } from '../caseFile/expiry.ts';
import { reportEntries } from '../reports/reports.ts';
import { heldOfficer } from '../session/session.ts';

/** "Now" for expiry, refreshed every hour while unlocked (expiries are to the hour at best). */
export const today = signal(new Date());
let clock: ReturnType<typeof setInterval> | undefined;

/** Held reports whose case expires within {@link EXPIRES_SOON_DAYS} days, soonest first. */
export const expiringSoon = computed(() => {
  const states = caseStates.value;
  const now = today.value;
  return reportEntries.value
    .map((entry) => ({ entry, expiresAt: states.get(entry.id)?.expiresAt ?? null }))
    .filter((x): x is { entry: (typeof x)['entry']; expiresAt: string } => expiresSoon(x.expiresAt, now))
    .sort((a, b) => a.expiresAt.localeCompare(b.expiresAt) || b.entry.seq - a.entry.seq);
});

/** Whether one report's case expires soon. */
export function isExpiringSoon(reportId: string): boolean {
  return expiresSoon(caseStates.value.get(reportId)?.expiresAt ?? null, today.value);
}

export { EXPIRES_SOON_DAYS };

/** When this officer last deleted a report, for one announcement after leaving its page. */
export const lastDeleted = signal<Date | null>(null);

export function noteDeleted(): void {
  lastDeleted.value = new Date();
}

/**
 * Deletes a report for good (admin). A report already gone counts as deleted.
 * @throws ApiError, NetworkError
 */
export async function deleteReport(reportId: string): Promise<void> {
  if (!v.is(ReportId, reportId)) throw new ApiError(404, 'not_found');
  try {
    await signedJson(deployment.apiOrigin, heldOfficer(), { method: 'DELETE', target: `/api/v1/reports/${reportId}` }, v.any());
  } catch (e) {
    if (!(e instanceof ApiError && e.status === 404)) throw e;
  }
  // Dropped from memory at once: the list, the selection and the case file.
  reportEntries.value = reportEntries.peek().filter((e) => e.id !== reportId);
  if (selectedIds.peek().has(reportId)) {
    const next = new Set(selectedIds.peek());
    next.delete(reportId);
    selectedIds.value = next;
  }
  dropReportEvents(reportId);
}

/** Starts after unlock (session/start.ts): "today" moves on every hour. */
export function startRetention(): void {
  today.value = new Date();
  clearInterval(clock);
  clock = setInterval(() => (today.value = new Date()), 3_600_000);
}

/** On lock: stops the clock and forgets the deletion notice. */
export function stopRetention(): void {
  clearInterval(clock);
  lastDeleted.value = null;
}
