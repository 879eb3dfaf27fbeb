/**
 * The architecture's boundaries, enforced (issue 2, STYLE "In this project"):
 * only crypto/ imports libsodium; worker/ never does; schemas/ imports no app code;
 * crypto/ imports only schemas/; UI components and screens never touch crypto, IndexedDB or fetch.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('..', import.meta.url).pathname;
const SOURCE = /\.(ts|tsx|js|mjs)$/;

function sources(dir: string): string[] {
  const abs = join(ROOT, dir);
  let names: string[];
  try {
    names = readdirSync(abs);
  } catch {
    return [];
  }
  return names.flatMap((n) => {
    const p = join(abs, n);
    if (n === 'node_modules' || n === 'dist') return [];
    return statSync(p).isDirectory() ? sources(relative(ROOT, p)) : SOURCE.test(n) ? [relative(ROOT, p)] : [];
  });
}

const importsOf = (file: string) =>
  [...readFileSync(join(ROOT, file), 'utf8').matchAll(/(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
    (m) => m[1] ?? m[2] ?? m[3] ?? '',
  );

const APP_DIRS = ['schemas', 'crypto', 'client', 'worker', 'pwa', 'viewer', 'cli', 'scripts', 'e2e', 'bench', 'tests'];

describe('boundaries', () => {
  it('finds the sources it checks', () => {
    expect(sources('crypto').length).toBeGreaterThan(5);
    expect(sources('schemas').length).toBeGreaterThan(5);
  });

  it('only crypto/ imports libsodium, tests included (they reach it through crypto/sodium.ts)', () => {
    const offenders = APP_DIRS.filter((d) => d !== 'crypto')
      .flatMap(sources)
      .filter((f) => importsOf(f).some((i) => i.startsWith('libsodium')));
    expect(offenders).toEqual([]);
  });

  it('worker/ never imports libsodium, not even in tests, nor crypto/ (its known-answer data excepted)', () => {
    const offenders = sources('worker')
      .filter((f) => !f.endsWith('.node.test.ts') && !f.includes('gen-fixtures'))
      .filter((f) => importsOf(f).some((i) => i.startsWith('libsodium') || (/(^|\/)crypto\//.test(i) && !/crypto\/fixtures\/[\w-]+\.json$/.test(i))));
    expect(offenders).toEqual([]);
  });

  it('schemas/ imports only schemas/ and valibot; crypto/ only crypto/, schemas/ and libsodium; client/ only client/, schemas/ and valibot', () => {
    const outside = (dirs: string[], packages: RegExp) => (f: string) =>
      importsOf(f).filter((i) => {
        if (!i.startsWith('.')) return !packages.test(i);
        const target = relative(ROOT, join(ROOT, dirname(f), i));
        return !dirs.some((d) => target.startsWith(d + '/'));
      });
    expect(sources('schemas').filter((f) => !f.endsWith('.test.ts')).flatMap(outside(['schemas'], /^valibot$/))).toEqual([]);
    expect(sources('crypto').filter((f) => !f.endsWith('.test.ts')).flatMap(outside(['crypto', 'schemas'], /^(valibot|libsodium-wrappers(-sumo)?)$/))).toEqual([]);
    // client/: code the apps and the CLI share; it knows the wire shapes and nothing else.
    expect(sources('client').filter((f) => !f.endsWith('.test.ts')).flatMap(outside(['client', 'schemas'], /^valibot$/))).toEqual([]);
  });

  it('UI components and screens never call crypto, Dexie/IndexedDB or fetch directly', () => {
    // The viewer keeps a folder per feature: its UI is every .tsx but the entry point (which picks libsodium's build).
    const ui = [...['pwa/src/components', 'pwa/src/screens'].flatMap(sources), ...sources('viewer/src').filter((f) => f.endsWith('.tsx') && f !== 'viewer/src/main.tsx')];
    const offenders = ui.filter((f) => {
      const text = readFileSync(join(ROOT, f), 'utf8');
      return (
        importsOf(f).some((i) => /(^|\/)crypto(\/|$)/.test(i) || i === 'dexie' || i.startsWith('libsodium')) ||
        /\bfetch\s*\(/.test(text) ||
        /\bindexedDB\b/.test(text)
      );
    });
    expect(offenders).toEqual([]);
  });
});
