/**
 * Forwarding dossiers (issue 4): selected reports, their case files and conversations,
 * re-sealed by an officer to an investigator unit's own X25519 key (PROTOCOL §7: the unit's
 * keyring holds only that key). The file names the unit key's kid; inside, the body is a JSON
 * string signed by the forwarding officer, like case events.
 *
 * Attachments (docs/attachments.md "Forwarding"): the file may carry the attachments' blobs,
 * as stored by the Worker (PROTOCOL §6 ciphertext, keyed by blob id), next to `sealed`. They
 * need no second seal: their keys are inside the sealed body, and each blob's id (its hash)
 * is named there too, so a swapped blob is refused. A file without `blobs` (made before they
 * were carried) opens as before.
 */
import * as v from 'valibot';
import { b64Bytes, b64OneOf } from './encoding.ts';
import { Kid, OfficerId, OfficerPublicKey } from './keys.ts';
import { BLOB_SIZES } from './limits.ts';
import { ReportPlaintext } from './report.ts';
import { CaseEventBody } from './caseFile.ts';
import { IsoTime } from './time.ts';

export const DossierFile = v.object({
  v: v.literal(1),
  kind: v.literal('stopdeal-dossier'),
  kid: Kid,
  sealed: v.pipe(v.string(), v.minLength(1)),
  /** Blob id → the blob's bytes (b64), exactly as the Worker stored them. Optional: older files have none. */
  blobs: v.optional(v.record(b64Bytes(32), b64OneOf(BLOB_SIZES))),
});
export type DossierFile = v.InferOutput<typeof DossierFile>;

export const DossierEnvelope = v.object({
  v: v.literal(1),
  body: v.string(),
  officerId: OfficerId,
  publicKey: OfficerPublicKey,
  sig: b64Bytes(64),
});

const DossierMessage = v.object({ seq: v.number(), from: v.picklist(['police', 'reporter']), at: IsoTime, body: v.string() });
const DossierEvent = v.object({ officerId: OfficerId, authorName: v.optional(v.string()), event: CaseEventBody });

/**
 * Why an attachment's blob is not in the dossier file, recorded when forwarding:
 * `missing` (the server no longer had it: never uploaded, or erased), `unavailable` (the
 * server could not be reached or refused), `altered` (the server answered other bytes than
 * the report names), `too-large` (over the dossier's size cap for attachments).
 */
export const BlobLeftOutReason = v.picklist(['missing', 'unavailable', 'altered', 'too-large']);
export type BlobLeftOutReason = v.InferOutput<typeof BlobLeftOutReason>;
export const BlobLeftOut = v.object({ blob: b64Bytes(32), reason: BlobLeftOutReason });
export type BlobLeftOut = v.InferOutput<typeof BlobLeftOut>;

export const DossierReport = v.object({
  id: b64Bytes(16),
  receivedAt: IsoTime,
  kid: b64Bytes(16),
  report: ReportPlaintext,
  caseFile: v.array(DossierEvent),
  messages: v.array(DossierMessage),
  /** Attachments of this report whose blob the file does not carry, and why (absent in older dossiers). */
  blobsLeftOut: v.optional(v.array(BlobLeftOut)),
});
export type DossierReport = v.InferOutput<typeof DossierReport>;
export type DossierReportInput = v.InferInput<typeof DossierReport>;

export const DossierBody = v.object({
  v: v.literal(1),
  createdAt: IsoTime,
  unit: v.pipe(v.string(), v.minLength(1), v.maxLength(120)),
  fromName: v.optional(v.pipe(v.string(), v.maxLength(80))),
  reports: v.pipe(v.array(DossierReport), v.minLength(1)),
});
export type DossierBody = v.InferOutput<typeof DossierBody>;
export type DossierBodyInput = v.InferInput<typeof DossierBody>;
