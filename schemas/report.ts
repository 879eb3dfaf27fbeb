/**
 * The report plaintext (PROTOCOL §2): what is sealed on the phone and opened in the viewer.
 * `answers` is checked here only as an object; {@link answersSchema} checks it per form.
 */
import * as v from 'valibot';
import { b64Bytes } from './encoding.ts';
import { IsoTime } from './time.ts';

const nullToUndefined = <T>(x: T | null | undefined) => (x === null ? undefined : x);

/** An attachment as listed inside a report (PROTOCOL §6). */
export const AttachmentRef = v.object({
  blob: b64Bytes(32),
  key: b64Bytes(32),
  mime: v.pipe(v.string(), v.maxLength(100)),
  size: v.pipe(v.number(), v.integer(), v.minValue(0)),
  name: v.pipe(v.nullish(v.pipe(v.string(), v.maxLength(200))), v.transform(nullToUndefined)),
});
export type AttachmentRef = v.InferOutput<typeof AttachmentRef>;

export const ReportPlaintext = v.object({
  v: v.literal(1),
  id: b64Bytes(16),
  form: v.pipe(v.string(), v.minLength(1), v.maxLength(40)),
  formVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
  createdAt: IsoTime,
  answers: v.record(v.string(), v.unknown()),
  /** How the resident may be contacted, only if they chose to give it. */
  contact: v.pipe(v.nullish(v.pipe(v.string(), v.maxLength(500))), v.transform((x) => x ?? null)),
  /** The reporter's public key for follow-up messages (PROTOCOL §4). */
  replyTo: v.pipe(v.nullish(b64Bytes(32)), v.transform((x) => x ?? null)),
  attachments: v.pipe(v.nullish(v.array(AttachmentRef)), v.transform((x) => x ?? [])),
});
export type ReportPlaintext = v.InferOutput<typeof ReportPlaintext>;
export type ReportPlaintextInput = v.InferInput<typeof ReportPlaintext>;
