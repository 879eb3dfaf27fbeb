/// <reference path="./wasm-module.d.ts" />
/**
 * The Worker's WebAssembly BLAKE2b. The `.wasm` is imported as a module, which wrangler (its
 * default `CompiledWasm` rule) and the vitest pool both compile ahead of time: workerd
 * refuses to compile WebAssembly from bytes at run time (STACK.md). No fallback to the
 * JavaScript BLAKE2b: a missing module fails the Worker's load (and `wrangler deploy`), not
 * a request, and instantiating needs only two fixed 64 KiB pages. Node code (tests, bench)
 * cannot import this file; it builds its own with `blake2bOf` from the same binary.
 */
import blake2bModule from './blake2b.wasm';
import { type Blake2b, blake2bOf } from './blake2b.ts';

let instance: Blake2b | undefined;

/** `H(n, m)` / `H(n, m, k)` in WebAssembly (blake2b.wat), instantiated on first use. */
export const wasmH: Blake2b = (n, message, key) => (instance ??= blake2bOf(blake2bModule))(n, message, key);
