/**
 * No unused dependency (issue 8 "Dead code and unused dependencies are gone"): every
 * devDependency in package.json is imported by some source or configuration file of the
 * repository (imports read as TypeScript reads them, tests/layering.ts), is the `@types/` of
 * one that is, or is in TOOLING below, whose every entry is checked to be true and needed.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importsOf, repositorySources } from './layering.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const json = (path: string) => JSON.parse(readFileSync(ROOT + path, 'utf8'));
const pkg = json('package.json') as { scripts: Record<string, string>; devDependencies: Record<string, string>; dependencies?: Record<string, string> };
const declared = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies });

/**
 * Packages no source file imports, each used by the tooling, and how (each claim is checked):
 * `peerOf`, a package we import or run needs it installed beside it; `tsconfigTypes`, a
 * tsconfig loads its types; `script`, a package.json script runs its binary.
 */
const TOOLING: Record<string, { peerOf: string } | { tsconfigTypes: string } | { script: string }> = {
  // Babel, which the Preact preset for Vite runs JSX through.
  '@babel/core': { peerOf: '@preact/preset-vite' },
  // vite-plugin-pwa builds the service worker's precache with workbox-build, and its
  // registration helper is workbox-window.
  'workbox-build': { peerOf: 'vite-plugin-pwa' },
  'workbox-window': { peerOf: 'vite-plugin-pwa' },
  // The Workers runtime's global types (tsconfig.workers.json), and Node's (tsconfig.node.json).
  '@cloudflare/workers-types': { tsconfigTypes: '@cloudflare/workers-types' },
  '@types/node': { tsconfigTypes: 'node' },
  // Runs every TypeScript script: npm start, sd, build, bench.
  tsx: { script: 'tsx' },
};

/** `@scope/name/sub` → `@scope/name`; `name/sub` → `name`; null for a relative, node: or virtual module. */
function packageOf(specifier: string): string | null {
  if (specifier.startsWith('.') || specifier.startsWith('/') || /^[\w-]+:/.test(specifier)) return null;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

const imported = new Set(repositorySources(ROOT).flatMap((f) => importsOf(f.text).map((i) => packageOf(i.specifier)).filter((p): p is string => p !== null)));
const tsconfigTypes = readdirSync(ROOT)
  .filter((n) => /^tsconfig.*\.json$/.test(n))
  .flatMap((n) => (json(n).compilerOptions?.types ?? []) as string[]);

describe('dependencies', () => {
  it('finds the imports it checks against', () => {
    for (const p of ['valibot', 'preact', 'hono', 'vitest', 'libsodium-wrappers']) expect(imported).toContain(p);
  });

  it('every declared dependency is imported, typed for one that is, or used by the tooling', () => {
    const unused = declared.filter((d) => !imported.has(d) && !(d.startsWith('@types/') && imported.has(d.slice('@types/'.length))) && !(d in TOOLING));
    expect(unused).toEqual([]);
  });

  it('every TOOLING entry is declared, imported by no file (else it needs no entry), and used as it says', () => {
    for (const [name, use] of Object.entries(TOOLING)) {
      expect(declared, name).toContain(name);
      expect(imported.has(name), `${name} is imported: remove it from TOOLING`).toBe(false);
      if ('peerOf' in use) {
        expect(declared, name).toContain(use.peerOf);
        expect(Object.keys(json(`node_modules/${use.peerOf}/package.json`).peerDependencies ?? {}), name).toContain(name);
      } else if ('tsconfigTypes' in use) {
        expect(tsconfigTypes, name).toContain(use.tsconfigTypes);
      } else {
        expect(Object.values(pkg.scripts).some((s) => new RegExp(`(^|&& |\\| )${use.script} `).test(s)), name).toBe(true);
      }
    }
  });

  it('nothing imports a package package.json does not declare', () => {
    expect([...imported].filter((p) => !declared.includes(p) && !p.startsWith('node:'))).toEqual([]);
  });
});
