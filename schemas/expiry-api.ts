/**
 * A report as officers list it, with its expiry (docs/api.md "GET /api/v1/reports"): the
 * `expiresAt` an officer set with `PUT /api/v1/reports/{id}/expiry`, or `null`. Additive to
 * `ReportItem` (PROTOCOL §5 lists its other fields); retention by age (`receivedAt` plus the
 * town's `retention.months`) is not folded in: a client computes it from the deployment.
 */
import * as v from 'valibot';
import { ExpiryBody, ReportId, ReportItem } from './api.ts';
import { MAX_EXPIRIES_PER_PUT } from './limits.ts';
import { IsoTime } from './time.ts';

export const ExpiringReportItem = v.object({ ...ReportItem.entries, expiresAt: v.nullable(IsoTime) });
export type ExpiringReportItem = v.InferOutput<typeof ExpiringReportItem>;
/** A report as the Worker reads it from D1 and writes it: its kid as plain b64. */
export type ExpiringReportItemInput = v.InferInput<typeof ExpiringReportItem>;

const Next = v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0)));
export const ExpiringReportList = v.object({ reports: v.array(ExpiringReportItem), next: Next });
export type ExpiringReportList = v.InferOutput<typeof ExpiringReportList>;

/**
 * `PUT /api/v1/expiries` body (docs/api.md "Bulk expiries", additive): 1..{@link MAX_EXPIRIES_PER_PUT}
 * items, each the single endpoint's body plus its report id; a report named twice is refused
 * (which of two times would win is not the client's to guess).
 */
export const BulkExpiry = v.object({ reportId: ReportId, ...ExpiryBody.entries });
export type BulkExpiry = v.InferOutput<typeof BulkExpiry>;
export const PutExpiriesBody = v.object({
  expiries: v.pipe(
    v.array(BulkExpiry),
    v.minLength(1),
    v.maxLength(MAX_EXPIRIES_PER_PUT),
    v.check((list) => new Set(list.map((e) => e.reportId)).size === list.length, 'a report is named twice'),
  ),
});
export type PutExpiriesBody = v.InferOutput<typeof PutExpiriesBody>;
