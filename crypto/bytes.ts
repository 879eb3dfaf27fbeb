/** Byte helpers shared by the crypto verbs (PROTOCOL notation: `‖`, `utf8`, `b64`, `H`). */
import type { Sodium } from './sodium.ts';

const encoder = new TextEncoder();
const strictDecoder = new TextDecoder('utf-8', { fatal: true });

export const utf8 = (s: string): Uint8Array => encoder.encode(s);
/** Strict UTF-8 decoding: invalid bytes throw rather than turn into U+FFFD. */
export const fromUtf8 = (b: Uint8Array): string => strictDecoder.decode(b);

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** `b64(x)`: base64url without padding. */
export const b64 = (s: Sodium, x: Uint8Array): string => s.to_base64(x, s.base64_variants.URLSAFE_NO_PADDING);
/** Strict inverse of {@link b64}; throws on padding, `+`, `/`, non-canonical bits. */
export const unb64 = (s: Sodium, x: string): Uint8Array => s.from_base64(x, s.base64_variants.URLSAFE_NO_PADDING);

/** `H(n, m)` or `H(n, m, k)`: BLAKE2b via crypto_generichash. */
export const H = (s: Sodium, n: number, m: Uint8Array, key?: Uint8Array): Uint8Array => s.crypto_generichash(n, m, key ?? null);
