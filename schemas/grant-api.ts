/**
 * Key grant bodies and answers (PROTOCOL §5 "Key grants"), additive to `api.ts`.
 * The Worker never opens a grant; it checks only that `sealed` is canonical b64 of a
 * plausible sealed box and not larger than {@link MAX_GRANT_BYTES} (docs/api.md).
 * Imports nothing from `api.ts`, so `api.ts` may re-export these without an import cycle.
 */
import * as v from 'valibot';
import { b64Length, fromB64 } from './encoding.ts';
import { OfficerId } from './keys.ts';
import { SEAL_OVERHEAD } from './limits.ts';
import { IsoTime } from './time.ts';

/** Largest sealed grant the Worker stores: room for about two hundred police key pairs. */
export const MAX_GRANT_BYTES = 32768;

function decodedLength(s: string): number {
  try {
    return fromB64(s).length;
  } catch {
    return -1;
  }
}

/** b64 of `crypto_box_seal(utf8(JSON {"v":1,"police":[…]}), officer X25519 key)`. */
export const SealedGrant = v.pipe(
  v.string(),
  v.maxLength(b64Length(MAX_GRANT_BYTES), 'grant too large'),
  v.check((s) => decodedLength(s) > SEAL_OVERHEAD, 'not a sealed grant'),
);

/** `POST /api/v1/officers/{officerId}/grant` body. */
export const GrantBody = v.object({ sealed: SealedGrant });
export type GrantBody = v.InferOutput<typeof GrantBody>;

/** `201` answer to a stored grant. */
export const GrantStoredAnswer = v.object({ officerId: OfficerId, createdAt: IsoTime });
export type GrantStoredAnswer = v.InferOutput<typeof GrantStoredAnswer>;
export type GrantStoredAnswerInput = v.InferInput<typeof GrantStoredAnswer>;

/** `GET /api/v1/officers/me/grant` answer: the caller's latest grant. */
export const GrantAnswer = v.object({ sealed: SealedGrant });
export type GrantAnswer = v.InferOutput<typeof GrantAnswer>;
