/**
 * Scheduled retention (DESIGN "Retention and data protection", PROTOCOL §5, §6), hourly:
 * deletes reports whose `expiresAt` has passed or that arrived more than `retention.months`
 * ago, with their messages, events and blobs; deletes blobs that no report named within
 * 24 hours of their upload; forgets replay-cache pairs whose window has passed. Nothing
 * else is touched: a blob another report still names stays.
 */
import { BLOB_ORPHAN_HOURS } from '../../schemas/blob-api.ts';
import type { Deployment } from '../../schemas/deployment.ts';
import { isoHour, isoSeconds } from '../../schemas/time.ts';
import type { Env } from './env.ts';
import { deleteBlobs, sweepOrphanBlobs } from './store/blobs.ts';
import { purgeNonces } from './store/replay.ts';
import { purgeReports } from './store/reports.ts';

/** The hour before which reports are past the town's retention period. */
export function retentionCutoff(now: Date, months: number): string {
  const d = new Date(now.getTime());
  d.setUTCMonth(d.getUTCMonth() - months);
  return isoHour(d);
}

/**
 * The upload hour before which an unnamed blob is an orphan: a blob uploaded during hour H
 * goes at the first run at or after H + 25 h, so it always had at least 24 hours.
 */
export function orphanCutoff(now: Date): string {
  return isoHour(new Date(now.getTime() - BLOB_ORPHAN_HOURS * 3_600_000));
}

export interface RetentionOutcome {
  reports: number;
  /** Blob ids deleted from R2: those of purged reports and the orphans. */
  blobs: number;
  orphans: number;
  nonces: number;
  /** Purged reports that had a mailbox: their live sockets are to be closed. */
  mailboxes: string[];
}

export async function runRetention(env: Pick<Env, 'DB' | 'BLOBS'>, d: Pick<Deployment, 'retention'>, now: Date): Promise<RetentionOutcome> {
  const purged = await purgeReports(env.DB, isoSeconds(now), retentionCutoff(now, d.retention.months));
  const orphans = await sweepOrphanBlobs(env.DB, orphanCutoff(now));
  const blobs = [...new Set([...purged.blobs, ...orphans])];
  await deleteBlobs(env.BLOBS, blobs);
  const nonces = await purgeNonces(env.DB, Math.floor(now.getTime() / 1000));
  return { reports: purged.count, blobs: blobs.length, orphans: orphans.length, nonces, mailboxes: purged.mailboxes };
}
