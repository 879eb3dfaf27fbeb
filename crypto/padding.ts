/**
 * Length hiding (PROTOCOL §2): pad to the smallest bucket strictly larger than the
 * plaintext, ISO/IEC 7816-4 (sodium_pad), so that 0x80 always fits.
 */
import { PAD_BUCKETS } from '../schemas/limits.ts';
import { IntegrityError, TooLargeError } from './errors.ts';
import type { Sodium } from './sodium.ts';

/** The bucket a plaintext of `length` bytes pads to; throws {@link TooLargeError} at 65536+. */
export function bucketFor(length: number): number {
  const b = PAD_BUCKETS.find((size) => size > length);
  if (b === undefined) throw new TooLargeError(length);
  return b;
}

export function pad(s: Sodium, m: Uint8Array): Uint8Array {
  return s.pad(m, bucketFor(m.length));
}

/** Unpads with block size `len(p)`; a wrong padding is an {@link IntegrityError}. */
export function unpad(s: Sodium, p: Uint8Array): Uint8Array {
  if (!(PAD_BUCKETS as readonly number[]).includes(p.length)) throw new IntegrityError('padded length is not a bucket');
  try {
    return s.unpad(p, p.length);
  } catch {
    throw new IntegrityError('bad padding');
  }
}
