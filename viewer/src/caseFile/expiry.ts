/**
 * When a case is purged (DESIGN "Retention and data protection", docs/api.md "Scheduled
 * retention"). Pure, so it is tested in Node.
 *
 * The Worker deletes a report at its `expiresAt` if officers gave one (`PUT …/expiry`, the one
 * plaintext fact it learns about a case, PROTOCOL §5), and in any case once `receivedAt` is
 * more than `retention.months` calendar months old. So:
 * - a case "classé sans suite" expires `closedMonths` after being closed;
 * - any other case expires at `receivedAt + months` (reopening a closed case sets that back);
 * - what the viewer shows is the earlier of the two rules, as the Worker applies both.
 */
import type { CaseStatus } from '../../../schemas/caseFile.ts';
import { isoSeconds } from '../../../schemas/time.ts';

export interface Retention {
  months: number;
  closedMonths: number;
}

/** "Expire bientôt": within this many days. */
export const EXPIRES_SOON_DAYS = 30;

/**
 * `iso` plus `months` calendar months, with the same JavaScript month arithmetic the
 * Worker's retention uses (`setUTCMonth`), so both sides agree to the hour.
 */
export function addMonths(iso: string, months: number): string {
  const d = new Date(iso);
  d.setUTCMonth(d.getUTCMonth() + months);
  return isoSeconds(d);
}

/** The latest a report may live: `receivedAt + retention.months`. */
export function defaultExpiry(receivedAt: string, retention: Retention): string {
  return addMonths(receivedAt, retention.months);
}

/**
 * The `expiresAt` to tell the Worker when a case's status changes, or null when the change
 * does not touch retention: closing sets `now + closedMonths`; reopening a closed case sets
 * the default back.
 */
export function expiryForStatusChange(from: CaseStatus, to: CaseStatus, receivedAt: string, now: Date, retention: Retention): string | null {
  if (to === 'classe' && from !== 'classe') return addMonths(isoSeconds(now), retention.closedMonths);
  if (from === 'classe' && to !== 'classe') return defaultExpiry(receivedAt, retention);
  return null;
}

/** When the Worker will purge the report: the earlier of the recorded expiry and the default. */
export function effectiveExpiry(receivedAt: string, recorded: string | null, retention: Retention): string {
  const byAge = defaultExpiry(receivedAt, retention);
  return recorded !== null && recorded < byAge ? recorded : byAge;
}

/** Whether `expiresAt` falls within {@link EXPIRES_SOON_DAYS} of `now` (past dates included). */
export function expiresSoon(expiresAt: string | null, now: Date, days: number = EXPIRES_SOON_DAYS): boolean {
  if (!expiresAt) return false;
  const t = Date.parse(expiresAt);
  return Number.isFinite(t) && t - now.getTime() <= days * 86_400_000;
}

/** Days left before `expiresAt`, to the nearest day (0 when due within half a day, or past). */
export function daysLeft(expiresAt: string, now: Date): number {
  return Math.max(0, Math.round((Date.parse(expiresAt) - now.getTime()) / 86_400_000));
}
