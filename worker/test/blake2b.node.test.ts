/**
 * The WebAssembly BLAKE2b (worker/src/verify/blake2b.wat) in Node: the committed binary is
 * a fresh assembly of the committed source, and it agrees with libsodium's
 * crypto_generichash on known answers and on random messages, lengths and keys.
 * Inside workerd it is checked against @noble/hashes in worker/test/blake2b.test.ts.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { sodium as loadSodium } from '../../crypto/sodium.ts';
import { toB64 } from '../../schemas/encoding.ts';
import { assembleBlake2b, blake2bWasmModule, WASM_FILE } from '../../scripts/gen-blake2b-wasm.ts';
import { type Blake2b, blake2bOf } from '../src/verify/blake2b.ts';

let s: Awaited<ReturnType<typeof loadSodium>>;
let h: Blake2b;
beforeAll(async () => {
  s = await loadSodium();
  h = blake2bOf(blake2bWasmModule());
});

const hex = (x: Uint8Array) => Buffer.from(x).toString('hex');
// node:crypto, not libsodium's randombytes_buf, which takes seconds per MiB here.
const rand = (n: number) => new Uint8Array(randomBytes(n));
const utf8 = (x: string) => new TextEncoder().encode(x);

describe('blake2b.wasm', () => {
  it('is the assembly of blake2b.wat (run scripts/gen-blake2b-wasm.ts after editing it)', async () => {
    expect(hex(await assembleBlake2b())).toBe(hex(readFileSync(WASM_FILE)));
  });

  it('gives RFC 7693 Appendix A: BLAKE2b-512("abc")', () => {
    expect(hex(h(64, utf8('abc')))).toBe(
      'ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1'
      + '7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923');
  });

  it('gives the well-known BLAKE2b-512 and BLAKE2b-256 of the empty message', () => {
    expect(hex(h(64, new Uint8Array(0)))).toBe(
      '786a02f742015903c6c6fd852552d272912f4740e15847618a86e217f71f5419'
      + 'd25e1031afee585313896444934eb04b903a685b1448b755d56f701afe9be2ce');
    expect(hex(h(32, new Uint8Array(0)))).toBe('0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8');
  });

  it('matches crypto_generichash at every block and piece boundary, keyed or not', () => {
    const lengths = [0, 1, 63, 64, 127, 128, 129, 255, 256, 257, 65535, 65536, 65537, 65536 + 128, 131072, 131073, 1048576 + 3];
    for (const len of lengths) {
      const msg = rand(len);
      for (const n of [16, 32, 64]) { // libsodium's limits: outputs and keys of 16…64 bytes
        for (const key of [undefined, rand(16), rand(64)]) {
          expect(toB64(h(n, msg, key)), `len ${len}, n ${n}, key ${key?.length}`).toBe(toB64(s.crypto_generichash(n, msg, key ?? null)));
        }
      }
    }
  });

  it('matches crypto_generichash on 300 random messages, lengths and keys', () => {
    for (let i = 0; i < 300; i++) {
      const n = randomInt(16, 65);
      const msg = rand(randomInt(i % 50 === 0 ? 300_000 : 1000));
      const key = i % 3 === 0 ? rand(randomInt(16, 65)) : undefined;
      expect(toB64(h(n, msg, key))).toBe(toB64(s.crypto_generichash(n, msg, key ?? null)));
    }
  });

  it('hashes a subarray as its own bytes, and leaves no state between calls', () => {
    const big = rand(200_000);
    const part = big.subarray(70_001, 190_000);
    const key = rand(32);
    expect(toB64(h(32, part, key))).toBe(toB64(s.crypto_generichash(32, part, key)));
    expect(toB64(h(32, part))).toBe(toB64(s.crypto_generichash(32, part, null)));
  });

  it('gives libsodium\'s id for the largest blob size (the constant blake2b.test.ts checks in workerd)', () => {
    const zeros = new Uint8Array(16_781_592);
    expect(toB64(s.crypto_generichash(32, zeros, null))).toBe('XAsVOC2Y-gw55d1Bxa2qC-y3zdZwnYBJPu_echhCdbA');
    expect(toB64(h(32, zeros))).toBe('XAsVOC2Y-gw55d1Bxa2qC-y3zdZwnYBJPu_echhCdbA');
  });

  it('refuses output lengths and keys BLAKE2b does not define', () => {
    for (const n of [0, 65, 1.5, Number.NaN]) expect(() => h(n, new Uint8Array(1))).toThrow(RangeError);
    expect(() => h(32, new Uint8Array(1), new Uint8Array(65))).toThrow(RangeError);
  });
});
