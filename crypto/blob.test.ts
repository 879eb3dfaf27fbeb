import { describe, expect, it } from 'vitest';
import { BLOB_SIZES } from '../schemas/limits.ts';
import { checkPow, IntegrityError, openBlob, sealBlob, solveBlobPow, TooLargeError } from './index.ts';
import { fromB64, toB64 } from '../schemas/encoding.ts';
import { sodium } from './sodium.ts';

describe('attachments (PROTOCOL §6)', () => {
  it('pads to a bucket, round-trips, and names the blob by its hash', async () => {
    const s = await sodium();
    for (const n of [0, 1000, 65535, 65536, 300_000]) {
      const plain = s.randombytes_buf(n);
      const sealed = await sealBlob(plain);
      expect(BLOB_SIZES).toContain(sealed.blob.length);
      expect(sealed.id).toBe(toB64(s.crypto_generichash(32, sealed.blob, null)));
      expect(await openBlob(sealed.blob, sealed.key)).toEqual(plain);
    }
    expect((await sealBlob(new Uint8Array(10))).blob.length).toBe(65577);
  });
  it('refuses tampering, truncation, a wrong key and oversized input', async () => {
    const sealed = await sealBlob(new Uint8Array(200_000).fill(7));
    const flipped = sealed.blob.slice();
    flipped[70_000] = flipped[70_000]! ^ 1;
    await expect(openBlob(flipped, sealed.key)).rejects.toThrow(IntegrityError);
    await expect(openBlob(sealed.blob.slice(0, 65577), sealed.key)).rejects.toThrow(IntegrityError);
    await expect(openBlob(sealed.blob, (await sealBlob(new Uint8Array(1))).key)).rejects.toThrow(IntegrityError);
    await expect(sealBlob(new Uint8Array(16 * 1024 * 1024))).rejects.toThrow(TooLargeError);
  });
  it('proves work over the blob with its id', async () => {
    const sealed = await sealBlob(new Uint8Array(5));
    const pow = await solveBlobPow(sealed, 8);
    expect(await checkPow(sealed.id, sealed.blob, pow, 8)).toBe(true);
    expect(fromB64(pow).length).toBe(8);
  });
});
