/**
 * What an officer may send as a follow-up question (PROTOCOL §4): a body the message schema
 * accepts, whose padded plaintext fits the largest bucket. Pure, so it is tested in Node.
 */
import { PAD_BUCKETS } from '../../../schemas/limits.ts';
import { MessagePlaintext } from '../../../schemas/message.ts';

/**
 * Longest body, in UTF-16 code units as the schema counts them. Read from the schema itself
 * (`schemas/message.ts`), so that the counter and the protocol cannot disagree.
 */
export const MESSAGE_BODY_MAX: number = MessagePlaintext.entries.body.pipe[1].requirement;

/** A plaintext must stay under the largest padding bucket (PROTOCOL §2, §4). */
const MAX_PLAINTEXT_BYTES = PAD_BUCKETS[PAD_BUCKETS.length - 1]! - 1;

export type BodyProblem = 'empty' | 'too-long';

/** The text as it is sent: surrounding blank space dropped, inner line breaks kept. */
export function cleanBody(text: string): string {
  return text.trim();
}

/**
 * Why `text` cannot be sent as it is, or null. Besides the character limit, the JSON that
 * `sealMessage` pads must fit: control characters are escaped (6 bytes each), so a body
 * under the character limit may still be too large.
 */
export function bodyProblem(text: string): BodyProblem | null {
  const body = cleanBody(text);
  if (!body) return 'empty';
  if (body.length > MESSAGE_BODY_MAX) return 'too-long';
  const json = JSON.stringify({ v: 1, at: '2026-01-01T00:00:00Z', body, attachments: [] });
  if (new TextEncoder().encode(json).length > MAX_PLAINTEXT_BYTES) return 'too-long';
  return null;
}
