/**
 * Bodies and answers of the HTTP API (PROTOCOL §3–§5). The Worker validates what it
 * receives with these; clients validate what they get back with the same ones.
 * `v.object` drops unknown fields; `nullish` + transform makes `null` count as absent.
 */
import * as v from 'valibot';
import { b64Bytes, b64OneOf } from './encoding.ts';
import { Kid, OfficerId, OfficerPublicKey } from './keys.ts';
import { IsoTime } from './time.ts';
import { LIST_DEFAULT_LIMIT, LIST_MAX_LIMIT, MAX_BLOBS_PER_REPORT, SEALED_REPORT_SIZES } from './limits.ts';

const orUndefined = <T>(x: T | null | undefined) => (x === null ? undefined : x);

export const ReportId = b64Bytes(16);
export const BlobId = b64Bytes(32);
export const Role = v.picklist(['officer', 'admin']);
export type Role = v.InferOutput<typeof Role>;

/** `POST /api/v1/reports` body (PROTOCOL §3). */
export const SubmitReportBody = v.object({
  v: v.literal(1),
  id: ReportId,
  kid: Kid,
  sealed: b64OneOf(SEALED_REPORT_SIZES),
  mailbox: v.pipe(v.nullish(b64Bytes(32)), v.transform(orUndefined)),
  blobs: v.pipe(v.nullish(v.pipe(v.array(BlobId), v.maxLength(MAX_BLOBS_PER_REPORT))), v.transform(orUndefined)),
  pow: b64Bytes(8),
});
export type SubmitReportBody = v.InferOutput<typeof SubmitReportBody>;
export type SubmitReportInput = v.InferInput<typeof SubmitReportBody>;

/** `201` / `200` answer to a submission. */
export const SubmitReportAnswer = v.object({ id: ReportId, receivedAt: IsoTime });
export type SubmitReportAnswer = v.InferOutput<typeof SubmitReportAnswer>;

const PowBits = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(32));

/**
 * `GET /api/v1/meta`. `powBits` is the effort required now (PROTOCOL §3: it adapts to load);
 * additively, `powBase` (the deployment's floor) and `powCeiling` (the most it can rise to),
 * absent from older Workers (docs/flood.md).
 */
export const MetaAnswer = v.object({
  v: v.literal(1),
  powBits: PowBits,
  kids: v.array(Kid),
  maxSealedBytes: v.number(),
  powBase: v.optional(PowBits),
  powCeiling: v.optional(PowBits),
});
export type MetaAnswer = v.InferOutput<typeof MetaAnswer>;
/** The answer as the Worker writes it: kids as plain b64 (clients parse them into `Kid`). */
export type MetaAnswerInput = v.InferInput<typeof MetaAnswer>;

/** A stored report as officers list it (PROTOCOL §5). */
export const ReportItem = v.object({
  seq: v.pipe(v.number(), v.integer(), v.minValue(1)),
  id: ReportId,
  kid: Kid,
  sealed: b64OneOf(SEALED_REPORT_SIZES),
  mailbox: v.boolean(),
  blobs: v.array(BlobId),
  receivedAt: IsoTime,
});
export type ReportItem = v.InferOutput<typeof ReportItem>;

const Next = v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0)));
export const ReportList = v.object({ reports: v.array(ReportItem), next: Next });
export type ReportList = v.InferOutput<typeof ReportList>;
export type ReportListInput = v.InferInput<typeof ReportList>;

/** A roster entry (PROTOCOL §5). */
export const OfficerItem = v.object({
  officerId: OfficerId,
  publicKey: OfficerPublicKey,
  role: Role,
  createdAt: IsoTime,
  revokedAt: v.nullable(IsoTime),
});
export type OfficerItem = v.InferOutput<typeof OfficerItem>;
/** A roster entry as the Worker reads it from D1 and writes it: keys as plain b64. */
export type OfficerItemInput = v.InferInput<typeof OfficerItem>;
export const OfficerList = v.object({ officers: v.array(OfficerItem) });
export type OfficerList = v.InferOutput<typeof OfficerList>;
export type OfficerListInput = v.InferInput<typeof OfficerList>;

export const EnrolOfficerBody = v.object({ publicKey: OfficerPublicKey, role: Role });
export type EnrolOfficerBody = v.InferOutput<typeof EnrolOfficerBody>;
export const EnrolOfficerAnswer = v.object({ officerId: OfficerId, role: Role });
export type EnrolOfficerAnswer = v.InferOutput<typeof EnrolOfficerAnswer>;
export type EnrolOfficerAnswerInput = v.InferInput<typeof EnrolOfficerAnswer>;

/** `PUT /api/v1/reports/{id}/expiry`. */
export const ExpiryBody = v.object({ expiresAt: IsoTime });

const Digits = /^\d{1,15}$/;
/**
 * Query of every list (PROTOCOL §5): `after` default 0, `limit` default 100, clamped to 500;
 * an empty value counts as absent; non-numeric, zero or negative is `400`. `after=0` is
 * accepted as the default itself (docs/decisions.md).
 */
export const ListQuery = v.object({
  after: v.pipe(
    v.optional(v.string(), ''),
    v.check((s) => s === '' || Digits.test(s), 'after must be a number'),
    v.transform((s) => (s === '' ? 0 : Number(s))),
  ),
  limit: v.pipe(
    v.optional(v.string(), ''),
    v.check((s) => s === '' || (Digits.test(s) && Number(s) > 0), 'limit must be a positive number'),
    v.transform((s) => (s === '' ? LIST_DEFAULT_LIMIT : Math.min(Number(s), LIST_MAX_LIMIT))),
  ),
});
export type ListQuery = v.InferOutput<typeof ListQuery>;
