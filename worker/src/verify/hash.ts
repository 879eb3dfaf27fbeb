/**
 * `H(n, m)` and `H(n, m, k)` of PROTOCOL.md: BLAKE2b as libsodium's crypto_generichash, here
 * the hand-written WebAssembly of `blake2b.wat` (`blake2b-module.ts`) because libsodium cannot
 * run inside workerd (STACK.md) and a JavaScript BLAKE2b costs ~30 ms per MiB of blob
 * (PROTOCOL §6, docs/api.md). Cross-checked against libsodium in Node
 * (`worker/test/blake2b.node.test.ts`, `verify.node.test.ts`) and against @noble/hashes
 * inside workerd (`worker/test/blake2b.test.ts`).
 */
import { wasmH } from './blake2b-module.ts';

/** BLAKE2b with an `n`-byte output (16…64), optionally keyed. */
export function H(n: number, message: Uint8Array, key?: Uint8Array): Uint8Array {
  return wasmH(n, message, key);
}
