/**
 * The one module that loads libsodium (STYLE: exactly one module imports it).
 * Loaded with a dynamic import so that the reporter's form renders before ~150 KB of
 * WebAssembly arrive. Apps that need Argon2id (viewer, CLI) call {@link useSumo} first:
 * the standard build declares `crypto_pwhash` in its types but does not have it.
 */
import type Sumo from 'libsodium-wrappers-sumo';

export type Sodium = typeof Sumo;

let flavour: 'standard' | 'sumo' = 'standard';
let loading: Promise<Sodium> | undefined;

/** Selects the sumo build (Argon2id). Must be called before the first {@link sodium}. */
export function useSumo(): void {
  if (loading && flavour !== 'sumo') throw new Error('libsodium already loaded without sumo');
  flavour = 'sumo';
}

/** The ready libsodium instance, loaded once. */
export function sodium(): Promise<Sodium> {
  loading ??= (async () => {
    const mod = flavour === 'sumo' ? await import('libsodium-wrappers-sumo') : await import('libsodium-wrappers');
    const s = (mod.default ?? mod) as unknown as Sodium;
    await s.ready;
    return s;
  })();
  return loading;
}
