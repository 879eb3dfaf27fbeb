/**
 * The WebAssembly BLAKE2b behind `H` inside workerd, imported as the Worker imports it (a
 * compiled `.wasm` module): known answers (RFC 7693, the empty message, libsodium's vectors
 * in vectors.test.ts) and random inputs of many lengths against @noble/hashes, an
 * independent JavaScript BLAKE2b. Against libsodium: blake2b.node.test.ts.
 */
import { blake2b } from '@noble/hashes/blake2.js';
import { describe, expect, it } from 'vitest';
import { toB64 } from '../../schemas/encoding.ts';
import { blobDigest } from '../src/verify/blob.ts';
import { H } from '../src/verify/hash.ts';

/** `b64(H(32, 16781592 zero bytes))`, computed by libsodium. */
const LARGEST_ZERO_BLOB_ID = 'XAsVOC2Y-gw55d1Bxa2qC-y3zdZwnYBJPu_echhCdbA';

const hex = (x: Uint8Array) => Array.from(x, (b) => b.toString(16).padStart(2, '0')).join('');

/** Random bytes of any length (getRandomValues fills at most 65536 at a time). */
function rand(n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let at = 0; at < n; at += 65536) crypto.getRandomValues(out.subarray(at, at + 65536));
  return out;
}

/** @noble/hashes' BLAKE2b, the reference here. */
const noble = (n: number, m: Uint8Array, key?: Uint8Array) => (key ? blake2b(m, { dkLen: n, key }) : blake2b(m, { dkLen: n }));

describe('WebAssembly BLAKE2b (H) in workerd', () => {
  it('gives RFC 7693 Appendix A: BLAKE2b-512("abc")', () => {
    expect(hex(H(64, new TextEncoder().encode('abc')))).toBe(
      'ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1'
      + '7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923');
  });

  it('gives the BLAKE2b-256 of the empty message', () => {
    expect(hex(H(32, new Uint8Array(0)))).toBe('0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8');
  });

  it('matches @noble/hashes on random inputs at block and piece boundaries, keyed or not', () => {
    for (const len of [0, 1, 127, 128, 129, 65535, 65536, 65537, 200_000, 1048576 + 3]) {
      const msg = rand(len);
      expect(toB64(H(32, msg)), `length ${len}`).toBe(toB64(noble(32, msg)));
      const key = rand(32);
      expect(toB64(H(64, msg, key)), `length ${len}, keyed`).toBe(toB64(noble(64, msg, key)));
    }
  });

  it('is what blobDigest gives, up to the largest blob size', () => {
    const blob = rand(1048872);
    expect(toB64(blobDigest(blob))).toBe(toB64(noble(32, blob)));
    // libsodium's answer for 16781592 zero bytes (also asserted in blake2b.node.test.ts):
    // the JavaScript BLAKE2b would take seconds here.
    expect(toB64(blobDigest(new Uint8Array(16_781_592)))).toBe(LARGEST_ZERO_BLOB_ID);
  });
});
