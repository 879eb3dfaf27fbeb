/**
 * Scheduled retention (DESIGN "Retention and data protection"): deletes reports whose
 * `expiresAt` has passed or that arrived more than `retention.months` ago, with their
 * blobs, and forgets replay-cache pairs whose window has passed (PROTOCOL §5).
 */
import type { Deployment } from '../../schemas/deployment.ts';
import { isoHour, isoSeconds } from '../../schemas/time.ts';
import type { Env } from './env.ts';
import { deleteBlobs } from './store/blobs.ts';
import { purgeNonces } from './store/replay.ts';
import { purgeReports } from './store/reports.ts';

/** The hour before which reports are past the town's retention period. */
export function retentionCutoff(now: Date, months: number): string {
  const d = new Date(now.getTime());
  d.setUTCMonth(d.getUTCMonth() - months);
  return isoHour(d);
}

export interface RetentionOutcome {
  reports: number;
  blobs: number;
  nonces: number;
}

export async function runRetention(env: Pick<Env, 'DB' | 'BLOBS'>, d: Pick<Deployment, 'retention'>, now: Date): Promise<RetentionOutcome> {
  const purged = await purgeReports(env.DB, isoSeconds(now), retentionCutoff(now, d.retention.months));
  await deleteBlobs(env.BLOBS, purged.blobs);
  const nonces = await purgeNonces(env.DB, Math.floor(now.getTime() / 1000));
  return { reports: purged.count, blobs: purged.blobs.length, nonces };
}
