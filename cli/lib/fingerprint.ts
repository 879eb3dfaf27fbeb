/**
 * A public key's fingerprint for people to compare aloud or on paper: the 16 bytes of its
 * identifier (`kid` or `officerId` = `H(16, publicKey)`, PROTOCOL §1) as 8 groups of 4
 * uppercase hex digits. Derived from the identifier, so it names the same key.
 *
 * @example
 * fingerprint('AAECAwQFBgcICQoLDA0ODw') // '0001 0203 0405 0607 0809 0A0B 0C0D 0E0F'
 */
import { fromB64 } from '../../schemas/encoding.ts';

export function fingerprint(kid: string): string {
  const hex = [...fromB64(kid)].map((b) => b.toString(16).padStart(2, '0')).join('').toUpperCase();
  return hex.match(/.{1,4}/g)!.join(' ');
}
