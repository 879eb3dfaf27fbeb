/** A follow-up message's plaintext (PROTOCOL §4). */
import * as v from 'valibot';
import { AttachmentRef } from './report.ts';
import { IsoTime } from './time.ts';

export const MessagePlaintext = v.object({
  v: v.literal(1),
  at: IsoTime,
  body: v.pipe(v.string(), v.maxLength(20000)),
  attachments: v.pipe(v.nullish(v.array(AttachmentRef)), v.transform((x) => x ?? [])),
});
export type MessagePlaintext = v.InferOutput<typeof MessagePlaintext>;
export type MessagePlaintextInput = v.InferInput<typeof MessagePlaintext>;
