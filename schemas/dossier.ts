/**
 * Forwarding dossiers (issue 4): selected reports, their case files and conversations,
 * re-sealed by an officer to an investigator unit's own X25519 key (PROTOCOL §7: the unit's
 * keyring holds only that key). The file names the unit key's kid; inside, the body is a JSON
 * string signed by the forwarding officer, like case events.
 */
import * as v from 'valibot';
import { b64Bytes } from './encoding.ts';
import { ReportPlaintext } from './report.ts';
import { CaseEventBody } from './caseFile.ts';
import { IsoTime } from './time.ts';

export const DossierFile = v.object({
  v: v.literal(1),
  kind: v.literal('stopdeal-dossier'),
  kid: b64Bytes(16),
  sealed: v.pipe(v.string(), v.minLength(1)),
});
export type DossierFile = v.InferOutput<typeof DossierFile>;

export const DossierEnvelope = v.object({
  v: v.literal(1),
  body: v.string(),
  officerId: b64Bytes(16),
  publicKey: b64Bytes(32),
  sig: b64Bytes(64),
});

const DossierMessage = v.object({ seq: v.number(), from: v.picklist(['police', 'reporter']), at: IsoTime, body: v.string() });
const DossierEvent = v.object({ officerId: b64Bytes(16), authorName: v.optional(v.string()), event: CaseEventBody });

export const DossierReport = v.object({
  id: b64Bytes(16),
  receivedAt: IsoTime,
  kid: b64Bytes(16),
  report: ReportPlaintext,
  caseFile: v.array(DossierEvent),
  messages: v.array(DossierMessage),
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
