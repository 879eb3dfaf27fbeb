/**
 * Size budgets of the built apps (bytes, gzip -9: deterministic, unlike a timing). Residents
 * open the app on cheap phones over poor connections: what the reporter page needs before the
 * form shows must stay small, and libsodium must never be part of it (it loads in the crypto
 * worker when the resident seals). Each budget leaves about 15 % of room over the size
 * measured when it was set (README, "Sizes"); raising one is a decision to write down.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { E2E } from './env.ts';

const KiB = 1024;
const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

/** The JS and CSS an app's `index.html` loads before anything else (entry, preloads, styles). */
function firstPaintFiles(dir: string): string[] {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  return [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*\bhref)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
}

/** The one chunk of `dir/assets` whose name starts with `name-`. */
function chunk(dir: string, name: string): string {
  const found = readdirSync(join(dir, 'assets')).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.js'));
  expect(found, `one ${name} chunk in ${dir}`).toHaveLength(1);
  return join(dir, 'assets', found[0]!);
}

describe('size budgets (gzip)', () => {
  const pwa = E2E.pwaOut;
  const viewer = E2E.viewerOut;

  it('the reporter page needs under 58 KiB before the form shows, and no libsodium', () => {
    const files = firstPaintFiles(pwa);
    expect(files.some((f) => f.endsWith('.js'))).toBe(true);
    expect(files.filter((f) => /libsodium|sodium/i.test(f))).toEqual([]);
    const total = files.reduce((n, f) => n + gz(join(pwa, f)), 0);
    expect(total).toBeLessThan(58 * KiB);
  });

  it('the reporter chunks loaded later stay within theirs', () => {
    expect(gz(chunk(pwa, 'crypto'))).toBeLessThan(8 * KiB);
    expect(gz(chunk(pwa, 'libsodium-wrappers'))).toBeLessThan(160 * KiB);
    expect(gz(chunk(pwa, 'dexie'))).toBeLessThan(36 * KiB);
    expect(gz(chunk(pwa, 'photos'))).toBeLessThan(2 * KiB);
    expect(gz(join(pwa, 'sw.js'))).toBeLessThan(50 * KiB);
  });

  it('the viewer needs under 108 KiB before its unlock screen shows, and no chunk is over 200 KiB', () => {
    const files = firstPaintFiles(viewer);
    expect(files.filter((f) => /libsodium/i.test(f))).toEqual([]);
    expect(files.reduce((n, f) => n + gz(join(viewer, f)), 0)).toBeLessThan(108 * KiB);
    for (const f of readdirSync(join(viewer, 'assets'))) expect(gz(join(viewer, 'assets', f)), f).toBeLessThan(200 * KiB);
  });
});
