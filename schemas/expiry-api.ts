/**
 * A report as officers list it, with its expiry (docs/api.md "GET /api/v1/reports"): the
 * `expiresAt` an officer set with `PUT /api/v1/reports/{id}/expiry`, or `null`. Additive to
 * `ReportItem` (PROTOCOL §5 lists its other fields); retention by age (`receivedAt` plus the
 * town's `retention.months`) is not folded in: a client computes it from the deployment.
 */
import * as v from 'valibot';
import { ReportItem } from './api.ts';
import { IsoTime } from './time.ts';

export const ExpiringReportItem = v.object({ ...ReportItem.entries, expiresAt: v.nullable(IsoTime) });
export type ExpiringReportItem = v.InferOutput<typeof ExpiringReportItem>;

const Next = v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0)));
export const ExpiringReportList = v.object({ reports: v.array(ExpiringReportItem), next: Next });
export type ExpiringReportList = v.InferOutput<typeof ExpiringReportList>;
