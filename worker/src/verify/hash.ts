/**
 * `H(n, m)` and `H(n, m, k)` of PROTOCOL.md: BLAKE2b as libsodium's crypto_generichash,
 * here from @noble/hashes because libsodium cannot run inside workerd (STACK.md).
 * Cross-checked against libsodium in `worker/test/verify.node.test.ts`.
 */
import { blake2b } from '@noble/hashes/blake2.js';

/** BLAKE2b with an `n`-byte output (16…64), optionally keyed. */
export function H(n: number, message: Uint8Array, key?: Uint8Array): Uint8Array {
  return key ? blake2b(message, { dkLen: n, key }) : blake2b(message, { dkLen: n });
}
