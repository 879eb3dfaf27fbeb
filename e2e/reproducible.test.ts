/**
 * Reproducible builds with published hashes (DESIGN "Known limit", docs/deployment.md): a
 * second build of the same source and deployment file gives the same bytes, file for file,
 * and `npm run verify-app` confirms that the running instance serves exactly that build, and
 * says so when it does not.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { formatHashes, hashApp } from '../scripts/appHashes.ts';
import { buildApps } from '../scripts/build.ts';
import { E2E, testEnv } from './env.ts';

const run = promisify(execFile);
const tmp = mkdtempSync(join(tmpdir(), 'sd-rebuild-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function verifyApp(origin: string, list: string): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run('node_modules/.bin/tsx', ['scripts/verifyApp.ts', origin, list], { encoding: 'utf8' });
    return { code: 0, out: stdout };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, out: err.stdout + err.stderr };
  }
}

describe('reproducible builds', () => {
  // With E2E_SKIP_BUILD the instance serves an older build of a source that may have changed since.
  it.skipIf(process.env.E2E_SKIP_BUILD)('a second build of the same source gives the same files, byte for byte, and writes their list', async () => {
    const again = await buildApps({ deploymentFile: testEnv().deploymentFile, pwaOut: join(tmp, 'pwa'), viewerOut: join(tmp, 'viewer') });
    for (const [first, second] of [
      [E2E.pwaOut, again.pwaOut],
      [E2E.viewerOut, again.viewerOut],
    ] as const) {
      const a = hashApp(first);
      expect(a.length).toBeGreaterThan(5);
      expect(hashApp(second)).toEqual(a);
      // The published list, next to the folder, is that same list.
      expect(readFileSync(`${second}.sha256`, 'utf8')).toBe(formatHashes(a));
    }
  }, 180_000);

  it('verify-app finds both running apps identical to the build', async () => {
    const env = testEnv();
    for (const [origin, folder, name] of [
      [env.apiUrl, E2E.pwaOut, 'pwa'],
      [env.viewerUrl, E2E.viewerOut, 'viewer'],
    ] as const) {
      const list = join(tmp, `${name}-served.sha256`);
      writeFileSync(list, formatHashes(hashApp(folder)));
      const { code, out } = await verifyApp(origin, list);
      expect(out).toMatch(/^all \d+ files served by http:\/\/127\.0\.0\.1:\d+ match this build\.$/m);
      expect(code).toBe(0);
    }
  }, 60_000);

  it('verify-app names a file the origin serves differently, and fails', async () => {
    const files = hashApp(E2E.pwaOut);
    const sw = files.find((f) => f.path === 'sw.js')!;
    sw.sha256 = '0'.repeat(64);
    const list = join(tmp, 'tampered.sha256');
    writeFileSync(list, formatHashes(files));
    const { code, out } = await verifyApp(testEnv().apiUrl, list);
    expect(out).toContain(`DIFFERENT sw.js: served `);
    expect(out).toMatch(/1 of \d+ files differ from this build: do not trust this app\./);
    expect(code).toBe(1);
  }, 60_000);
});
