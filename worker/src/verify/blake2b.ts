/**
 * BLAKE2b (`H(n, m)` / `H(n, m, k)` of PROTOCOL.md, libsodium's crypto_generichash) running
 * the hand-written WebAssembly in `blake2b.wat`, 10–50x faster than a JavaScript BLAKE2b on
 * large inputs (docs/api.md, blobs). Takes the compiled module rather than importing it,
 * so that Node (tests, bench) can hand it the same binary; the Worker imports the `.wasm`
 * as a module in `blake2b-module.ts`, since workerd forbids compiling at run time.
 */

/** Offsets of the module's memory map (see blake2b.wat). */
const INPUT = 0;
const PIECE = 65536;
const STATE = 65536;

interface Blake2bExports {
  memory: WebAssembly.Memory;
  init(outLen: number, keyLen: number): void;
  update(len: number): void;
  final(): void;
}

export type Blake2b = (n: number, message: Uint8Array, key?: Uint8Array) => Uint8Array;

/**
 * A BLAKE2b over one instance of `module`. The message is copied into wasm memory once, a
 * 64 KiB piece at a time, so a 16 MiB blob needs no more than the module's two pages.
 * Synchronous, so two calls never interleave on the shared instance.
 */
export function blake2bOf(module: WebAssembly.Module): Blake2b {
  const wasm = new WebAssembly.Instance(module).exports as unknown as Blake2bExports;
  const memory = new Uint8Array(wasm.memory.buffer); // never grown, so never detached
  return (n, message, key) => {
    if (!Number.isInteger(n) || n < 1 || n > 64) throw new RangeError('BLAKE2b output length must be 1…64 bytes');
    const keyLen = key?.length ?? 0;
    if (keyLen > 64) throw new RangeError('BLAKE2b key must be at most 64 bytes');
    if (key) memory.set(key, INPUT);
    wasm.init(n, keyLen);
    for (let at = 0; at < message.length; at += PIECE) {
      const piece = message.subarray(at, at + PIECE);
      memory.set(piece, INPUT);
      wasm.update(piece.length);
    }
    wasm.final();
    const out = memory.slice(STATE, STATE + n);
    // Leave no key, message or state behind in the instance for the next caller.
    memory.fill(0, INPUT, INPUT + Math.max(keyLen, Math.min(message.length, PIECE)));
    memory.fill(0, STATE, STATE + 64 + 128);
    return out;
  };
}
