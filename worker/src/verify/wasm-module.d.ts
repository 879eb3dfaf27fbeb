/** A `.wasm` import is a compiled module (wrangler's default `CompiledWasm` rule). */
declare module '*.wasm' {
  const module: WebAssembly.Module;
  export default module;
}
