import { describe, expect, it } from 'vitest';
import { IntegrityError, TooLargeError } from './errors.ts';
import { padTo, unpadFrom } from './padding.ts';
import { sodium } from './sodium.ts';

/** Byte equality without vitest's element-by-element diffing, which takes seconds on 256 KiB. */
const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));

describe('padTo / unpadFrom (ISO/IEC 7816-4, for attachments)', () => {
  it('gives the very bytes of sodium_pad, and sodium_unpad reads them back', async () => {
    const s = await sodium();
    for (const [len, size] of [[0, 16], [15, 16], [1000, 65536], [65535, 65536], [600_000, 1 << 20]] as const) {
      const m = s.randombytes_buf(len);
      const ours = padTo(m, size);
      expect(same(ours, s.pad(m, size))).toBe(true);
      expect(same(unpadFrom(ours), m)).toBe(true);
      expect(same(s.unpad(ours, size), m)).toBe(true);
    }
  });

  it('refuses a plaintext that does not fit, and a block that is not padded', () => {
    expect(() => padTo(new Uint8Array(16), 16)).toThrow(TooLargeError);
    expect(() => unpadFrom(new Uint8Array(16))).toThrow(IntegrityError);
    const wrongMarker = new Uint8Array(16);
    wrongMarker[3] = 0x81;
    expect(() => unpadFrom(wrongMarker)).toThrow(IntegrityError);
    const endsInData = padTo(new Uint8Array([1, 2, 3]), 16);
    endsInData[15] = 7;
    expect(() => unpadFrom(endsInData)).toThrow(IntegrityError);
  });
});
