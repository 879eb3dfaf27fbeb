/**
 * Attachments (PROTOCOL §6): padded to a bucket (schemas/limits.ts `BLOB_PAD_BUCKETS`) so the
 * stored size does not identify a picture, then `header ‖ chunks` of
 * crypto_secretstream_xchacha20poly1305 under a fresh key, 65536-byte plaintext chunks, the
 * last tagged FINAL. Its id is `b64(H(32, blob))`. Its proof of work is the report rule with
 * the blob id as `id` and the blob as `sealed`: `H(32, label ‖ blobId ‖ H(32, blob) ‖ pow)`.
 */
import { BLOB_CHUNK, BLOB_PAD_BUCKETS, BLOB_SIZES } from '../schemas/limits.ts';
import { b64, H, unb64 } from './bytes.ts';
import { IntegrityError, TooLargeError } from './errors.ts';
import { padTo, unpadFrom } from './padding.ts';
import { solvePow } from './pow.ts';
import { sodium } from './sodium.ts';

export interface SealedBlob {
  blob: Uint8Array;
  /** `b64(H(32, blob))`. */
  id: string;
  /** The secretstream key, listed in the report's `attachments`. */
  key: string;
}

/** Pads and encrypts one attachment. @throws TooLargeError at 16 MiB or more */
export async function sealBlob(plain: Uint8Array): Promise<SealedBlob> {
  const s = await sodium();
  const bucket = BLOB_PAD_BUCKETS.find((b) => b > plain.length);
  if (bucket === undefined) throw new TooLargeError(plain.length);
  const padded = padTo(plain, bucket);
  const key = s.crypto_secretstream_xchacha20poly1305_keygen();
  const { state, header } = s.crypto_secretstream_xchacha20poly1305_init_push(key);
  const out = new Uint8Array(24 + bucket + 17 * (bucket / BLOB_CHUNK));
  out.set(header, 0);
  let o = header.length;
  for (let i = 0; i < bucket; i += BLOB_CHUNK) {
    const last = i + BLOB_CHUNK >= bucket;
    const tag = last ? s.crypto_secretstream_xchacha20poly1305_TAG_FINAL : s.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE;
    const c = s.crypto_secretstream_xchacha20poly1305_push(state, padded.subarray(i, i + BLOB_CHUNK), null, tag);
    out.set(c, o);
    o += c.length;
  }
  s.memzero(padded);
  const result = { blob: out, id: b64(s, H(s, 32, out)), key: b64(s, key) };
  s.memzero(key);
  return result;
}

/** Decrypts and unpads an attachment; any tampering or truncation is an IntegrityError. */
export async function openBlob(blob: Uint8Array, key: string): Promise<Uint8Array> {
  const s = await sodium();
  if (!BLOB_SIZES.includes(blob.length)) throw new IntegrityError('blob size is not a bucket');
  let state;
  try {
    state = s.crypto_secretstream_xchacha20poly1305_init_pull(blob.subarray(0, 24), unb64(s, key));
  } catch {
    throw new IntegrityError('blob header or key is invalid');
  }
  const bucket = BLOB_PAD_BUCKETS[BLOB_SIZES.indexOf(blob.length)]!;
  const padded = new Uint8Array(bucket);
  let o = 0;
  for (let i = 24; i < blob.length; i += BLOB_CHUNK + 17) {
    const r = s.crypto_secretstream_xchacha20poly1305_pull(state, blob.subarray(i, i + BLOB_CHUNK + 17), null);
    if (!r) throw new IntegrityError('blob chunk does not authenticate');
    const last = i + BLOB_CHUNK + 17 >= blob.length;
    if (last !== (r.tag === s.crypto_secretstream_xchacha20poly1305_TAG_FINAL)) throw new IntegrityError('blob is truncated or reordered');
    padded.set(r.message, o);
    o += r.message.length;
  }
  try {
    return unpadFrom(padded);
  } catch {
    throw new IntegrityError('blob padding is wrong');
  } finally {
    padded.fill(0);
  }
}

/** `b64(H(32, blob))`: the id a blob must have (PROTOCOL §6), to check a download against the id a report lists. */
export async function blobIdOf(blob: Uint8Array): Promise<string> {
  const s = await sodium();
  return b64(s, H(s, 32, blob));
}

/** Proof of work for uploading a blob (header `X-Pow`). */
export async function solveBlobPow(sealed: SealedBlob, bits: number, signal?: AbortSignal): Promise<string> {
  return solvePow(sealed.id, sealed.blob, bits, signal);
}
