/**
 * Proof of work check (PROTOCOL §3): `H(32, utf8("stopdeal/pow/v1") ‖ idBytes ‖
 * H(32, sealedBytes) ‖ powBytes)` must start with at least `bits` zero bits, most
 * significant bit of byte 0 first.
 */
import { H } from './hash.ts';

const LABEL = new TextEncoder().encode('stopdeal/pow/v1');

/** Leading zero bits of a hash, most significant bit of byte 0 first. */
export function leadingZeroBits(hash: Uint8Array): number {
  let bits = 0;
  for (const byte of hash) {
    if (byte !== 0) return bits + Math.clz32(byte) - 24;
    bits += 8;
  }
  return bits;
}

/** The hash the proof is judged on. */
export function powHash(id: Uint8Array, sealed: Uint8Array, pow: Uint8Array): Uint8Array {
  return powHashOfDigest(id, H(32, sealed), pow);
}

/** {@link powHash} from `H(32, sealed)`, so a solver hashes the sealed bytes once. */
export function powHashOfDigest(id: Uint8Array, digest: Uint8Array, pow: Uint8Array): Uint8Array {
  const buf = new Uint8Array(LABEL.length + id.length + digest.length + pow.length);
  buf.set(LABEL, 0);
  buf.set(id, LABEL.length);
  buf.set(digest, LABEL.length + id.length);
  buf.set(pow, LABEL.length + id.length + digest.length);
  return H(32, buf);
}

/** The bits of work `pow` proves for this report, hashed once and compared with base and effort. */
export function powZeroBits(id: Uint8Array, sealed: Uint8Array, pow: Uint8Array): number {
  return leadingZeroBits(powHash(id, sealed, pow));
}

/** True when `pow` proves at least `bits` bits of work for this report. */
export function powSatisfies(id: Uint8Array, sealed: Uint8Array, pow: Uint8Array, bits: number): boolean {
  return powZeroBits(id, sealed, pow) >= bits;
}
