/**
 * Strict base64url without padding (PROTOCOL: "b64"), written without libsodium so that
 * the Worker, which cannot load libsodium, decodes exactly as libsodium's
 * `URLSAFE_NO_PADDING` does: `=`, `+`, `/` and non-canonical trailing bits are refused.
 *
 * @example
 * fromB64('AAE') // Uint8Array [0, 1]
 * toB64(new Uint8Array([0, 1])) // 'AAE'
 */
import * as v from 'valibot';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const LOOKUP = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i;

/** Thrown by {@link fromB64} on anything that is not canonical base64url without padding. */
export class EncodingError extends Error {
  override name = 'EncodingError';
}

/** Encodes bytes as base64url without padding. */
export function toB64(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]!;
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]!;
  }
  return out;
}

/** Decodes canonical base64url without padding; throws {@link EncodingError} otherwise. */
export function fromB64(text: string): Uint8Array {
  const len = text.length;
  if (len % 4 === 1) throw new EncodingError('invalid base64url length');
  const out = new Uint8Array(Math.floor((len * 3) / 4));
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i);
    const d = c < 128 ? LOOKUP[c]! : -1;
    if (d < 0) throw new EncodingError('invalid base64url character');
    acc = ((acc << 6) | d) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  // Leftover bits must be zero, or two strings would decode to the same bytes.
  if (bits > 0 && (acc & ((1 << bits) - 1)) !== 0) throw new EncodingError('non-canonical base64url');
  return out;
}

/** Length in characters of the b64 form of `n` bytes. */
export function b64Length(n: number): number {
  return Math.ceil((n * 4) / 3);
}

function decodes(text: string): boolean {
  try {
    fromB64(text);
    return true;
  } catch {
    return false;
  }
}

/** A b64 string that decodes to exactly `n` bytes. */
export function b64Bytes(n: number) {
  return v.pipe(
    v.string(),
    v.length(b64Length(n), `expected ${n} bytes of base64url`),
    v.check(decodes, 'invalid base64url'),
  );
}

/** A b64 string that decodes to one of the given byte lengths. */
export function b64OneOf(lengths: readonly number[]) {
  const chars = new Set(lengths.map(b64Length));
  return v.pipe(
    v.string(),
    v.check((s) => chars.has(s.length), 'unexpected length'),
    v.check(decodes, 'invalid base64url'),
  );
}
