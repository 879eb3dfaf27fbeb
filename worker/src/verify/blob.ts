/**
 * Blob upload checks (PROTOCOL §6): the id is `b64(H(32, blob))`, and the proof of work is
 * the report rule (§3) with the blob id as `id` and the blob as `sealed`:
 * `H(32, utf8("stopdeal/pow/v1") ‖ blobIdBytes ‖ H(32, blob) ‖ pow)` has at least `powBits`
 * leading zero bits. The blob is hashed once for both, by the WebAssembly BLAKE2b behind `H`
 * (hash.ts): a blob is up to 16 MiB, where a JavaScript BLAKE2b costs ~30 ms per MiB.
 */
import { H } from './hash.ts';
import { leadingZeroBits, powHashOfDigest } from './pow.ts';

/** True when `id` (32 bytes) is the hash `digest` = `H(32, blob)`. Neither is secret. */
export function idMatches(id: Uint8Array, digest: Uint8Array): boolean {
  return id.length === digest.length && id.every((b, i) => b === digest[i]);
}

/** `H(32, blob)`: the blob's id bytes, and what its proof of work covers. */
export function blobDigest(blob: Uint8Array): Uint8Array {
  return H(32, blob);
}

/** The bits of work `pow` proves for the blob of id `id` and hash `digest`. */
export function blobPowZeroBits(id: Uint8Array, digest: Uint8Array, pow: Uint8Array): number {
  return leadingZeroBits(powHashOfDigest(id, digest, pow));
}

/** True when `pow` proves at least `bits` bits of work for the blob of id `id` and hash `digest`. */
export function blobPowSatisfies(id: Uint8Array, digest: Uint8Array, pow: Uint8Array, bits: number): boolean {
  return blobPowZeroBits(id, digest, pow) >= bits;
}
