/**
 * A key's fingerprint as people compare it aloud or on paper (docs/decisions.md D13): the 16
 * bytes of its `officerId` / `kid` (`H(16, publicKey)`, PROTOCOL §1) as 8 groups of 4
 * uppercase hex digits. Derived from the identifier, so it names the same key; the one text
 * the CLI prints, the viewer shows and the reporter app's review screen shows. Pure.
 *
 * @example
 * fingerprint('AAECAwQFBgcICQoLDA0ODw') // '0001 0203 0405 0607 0809 0A0B 0C0D 0E0F'
 */
import { fromB64 } from '../schemas/encoding.ts';

/** The fingerprint of `id`; a malformed id is shown as it is rather than throwing. */
export function fingerprint(id: string): string {
  let bytes: Uint8Array;
  try {
    bytes = fromB64(id);
  } catch {
    return id;
  }
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('').toUpperCase();
  return hex.match(/.{1,4}/g)?.join(' ') ?? '';
}

/** The first two groups: enough to tell the officers of one unit apart in a list. */
export function shortFingerprint(id: string): string {
  return fingerprint(id).split(' ').slice(0, 2).join(' ');
}
