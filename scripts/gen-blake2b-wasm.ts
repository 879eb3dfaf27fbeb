/**
 * Assembles worker/src/verify/blake2b.wat (hand-written BLAKE2b) into the committed
 * worker/src/verify/blake2b.wasm that the Worker imports as a compiled module (Workers
 * forbid compiling WebAssembly at run time, STACK.md). Run after editing the .wat:
 * `npx tsx scripts/gen-blake2b-wasm.ts`. Deterministic; `worker/test/blake2b.node.test.ts`
 * fails when the committed binary differs from a fresh assembly. Node code (tests, bench)
 * gets the committed binary with `blake2bWasmModule()`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const WAT_FILE = fileURLToPath(new URL('../worker/src/verify/blake2b.wat', import.meta.url));
export const WASM_FILE = fileURLToPath(new URL('../worker/src/verify/blake2b.wasm', import.meta.url));

/** The .wat assembled with wabt: MVP plus bulk memory (memory.copy/fill), no debug names. */
export async function assembleBlake2b(): Promise<Uint8Array> {
  const { default: wabt } = await import('wabt');
  const w = await wabt();
  const mod = w.parseWat('blake2b.wat', readFileSync(WAT_FILE, 'utf8'), { bulk_memory: true });
  try {
    mod.validate();
    return new Uint8Array(mod.toBinary({ log: false, write_debug_names: false }).buffer);
  } finally {
    mod.destroy();
  }
}

/** The committed binary, compiled by Node (which, unlike workerd, compiles at run time). */
export function blake2bWasmModule(): WebAssembly.Module {
  return new WebAssembly.Module(readFileSync(WASM_FILE));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const wasm = await assembleBlake2b();
  writeFileSync(WASM_FILE, wasm);
  console.log(`wrote ${WASM_FILE} (${wasm.length} bytes)`);
}
