/**
 * Rules for the keyrings the viewer and the CLI write (PROTOCOL §7): a new keyring's
 * passphrase, and how police keys join a keyring. Pure; the shape of a keyring file is
 * checked in schemas/keyring.ts, its encryption is crypto/'s.
 */

/**
 * A new keyring's passphrase must resist guessing even with Argon2id in front of it
 * (docs/decisions.md D14): at least this many characters, counted as people count them.
 */
export const MIN_PASSPHRASE_CHARS = 12;

/** True when `passphrase` is long enough to protect a new keyring. */
export function passphraseLongEnough(passphrase: string): boolean {
  return [...passphrase].length >= MIN_PASSPHRASE_CHARS;
}

export type PassphraseProblem = 'too-short' | 'differ';

/** Why two typed passphrases cannot protect a new keyring, or null. */
export function passphraseProblem(passphrase: string, again: string): PassphraseProblem | null {
  if (!passphraseLongEnough(passphrase)) return 'too-short';
  if (passphrase !== again) return 'differ';
  return null;
}

/**
 * Adds police keys to a list, newest first (PROTOCOL §7): the added ones go in front in their
 * given order; a key already held (same kid) is not duplicated. `added` lists the kids that
 * were new. Any entry with a kid: the rule is the same for police keys and a unit's.
 */
export function mergePoliceKeys<K extends { kid: string }>(held: readonly K[], added: readonly K[]): { police: K[]; added: K['kid'][] } {
  const heldKids = new Set(held.map((k) => k.kid));
  const fresh = added.filter((k, i) => !heldKids.has(k.kid) && added.findIndex((x) => x.kid === k.kid) === i);
  return { police: [...fresh, ...held], added: fresh.map((k) => k.kid) };
}
