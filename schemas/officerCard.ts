/**
 * A new officer's public key file (issue 4 "Roster"): what the viewer's new-officer screen
 * downloads and an administrator picks to enrol them. Public data only: the Ed25519 public
 * key, its `officerId` (`b64(H(16, publicKey))`, PROTOCOL §1, checked by whoever reads it),
 * and the display name the officer chose (a claim, shown as such).
 */
import * as v from 'valibot';
import { OfficerId, OfficerPublicKey } from './keys.ts';

export const OFFICER_KEY_CARD_KIND = 'stopdeal-officer-public-key';

export const OfficerKeyCard = v.object({
  v: v.literal(1),
  kind: v.literal(OFFICER_KEY_CARD_KIND),
  officerId: OfficerId,
  publicKey: OfficerPublicKey,
  name: v.optional(v.pipe(v.string(), v.maxLength(80))),
});
export type OfficerKeyCard = v.InferOutput<typeof OfficerKeyCard>;
