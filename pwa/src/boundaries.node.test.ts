/**
 * The reporter app's layout rules (STYLE, issue 2): UI components and screens never touch
 * crypto/, Dexie or `fetch` (they call services); no inline styles (CSP `style-src 'self'`);
 * no words written inline in components (they come from i18n/); the code the service worker
 * shares with the page uses no `window` or `document`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf } from '../../tests/layering.ts';

const SRC = 'pwa/src';
const files = (dir: string): string[] =>
  readdirSync(join(SRC, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
const read = (f: string) => readFileSync(join(SRC, f), 'utf8');
/** Imports as TypeScript reads them (tests/layering.ts): static, side-effect, dynamic, require. */
const imports = (f: string) => importsOf(read(f));
const ui = [...files('components'), ...files('screens'), 'App.tsx'].filter((f) => /\.tsx?$/.test(f) && !f.includes('.test.'));

describe('reporter app boundaries', () => {
  it('finds the UI files', () => {
    expect(ui.length).toBeGreaterThan(10);
  });

  it.each(ui)('%s does not import crypto/, Dexie or libsodium, nor call fetch or IndexedDB', (f) => {
    expect(imports(f).filter((i) => /(^|\/)crypto\/|^dexie$|^libsodium/.test(i.specifier))).toEqual([]);
    expect(read(f)).not.toMatch(/\bfetch\(|indexedDB|localStorage/);
  });

  it.each(ui.filter((f) => f.endsWith('.tsx')))('%s has no inline style and no inline words', (f) => {
    const text = read(f);
    expect(text).not.toMatch(/\bstyle=/);
    // JSX text between tags: only expressions ({…}), never literal words.
    const literal = [...text.matchAll(/>\s*([^<>{}\n]*[A-Za-zÀ-ÿ]{2,}[^<>{}\n]*)\s*</g)].map((m) => m[1]!.trim()).filter((s) => !/(=>|===|\()\s*$|^[\w.]+\s*\(/.test(s)); // code, not text
    expect(literal).toEqual([]);
  });

  it.each(['sw.ts', 'services/outbox.ts', 'services/outboxStore.ts', 'services/db.ts', 'services/api.ts', 'services/changes.ts', 'services/mailbox.ts', 'services/deviceKey.ts', 'services/erase.ts'])('%s runs in the service worker: no window, no document', (f) => {
    const code = read(f).replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    expect(code).not.toMatch(/\bwindow\b|\bdocument\b|\blocalStorage\b/);
  });

  it('libsodium is reached only through a dynamic import (the form renders before it loads)', () => {
    const all = files('.').filter((f) => /\.tsx?$/.test(f) && !f.includes('.test.'));
    for (const f of all) {
      const loaded = imports(f).filter((i) => i.kind !== 'dynamic');
      expect(loaded.filter((i) => /(^|\/)crypto\/index\.ts$|^libsodium/.test(i.specifier)), f).toEqual([]);
    }
  });
});
