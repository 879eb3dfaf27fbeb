/**
 * Rules for the keyrings the viewer writes (PROTOCOL §7): a new keyring's passphrase, and how
 * granted police keys join a keyring. Pure, so it is tested in Node.
 */
import type { PoliceKeyPairEntry } from '../../../schemas/keyring.ts';

/** The CLI's rule for new keyrings (docs/decisions.md D14), counted in characters as people count them. */
export const MIN_PASSPHRASE_CHARS = 12;

export type PassphraseProblem = 'too-short' | 'differ';

/** Why two typed passphrases cannot protect a new keyring, or null. */
export function passphraseProblem(passphrase: string, again: string): PassphraseProblem | null {
  if ([...passphrase].length < MIN_PASSPHRASE_CHARS) return 'too-short';
  if (passphrase !== again) return 'differ';
  return null;
}

/**
 * Adds police keys to a list, newest first (PROTOCOL §7): the granted ones go in front in their
 * given order; a key already held (same kid) is not duplicated.
 */
export function mergePoliceKeys(held: readonly PoliceKeyPairEntry[], granted: readonly PoliceKeyPairEntry[]): { police: PoliceKeyPairEntry[]; added: number } {
  const heldKids = new Set(held.map((k) => k.kid));
  const fresh = granted.filter((k, i) => !heldKids.has(k.kid) && granted.findIndex((x) => x.kid === k.kid) === i);
  return { police: [...fresh, ...held], added: fresh.length };
}
