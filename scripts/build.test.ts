import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApps } from './build.ts';

const dir = mkdtempSync(join(tmpdir(), 'sd-build-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The builds themselves run in the e2e global setup and `npm start`; these check that a bad
// deployment file stops before Vite starts, with a message naming the problem.
describe('buildApps', () => {
  it('says how to get a deployment file when there is none', async () => {
    await expect(buildApps({ deploymentFile: join(dir, 'none.json'), pwaOut: join(dir, 'p'), viewerOut: join(dir, 'v') })).rejects.toThrow(
      /no deployment file at .*none\.json: run "npm start" once, or set STOPDEAL_DEPLOYMENT/,
    );
  });
  it('names the broken field of a deployment file', async () => {
    const file = join(dir, 'town.json');
    writeFileSync(file, JSON.stringify({ v: 1 }));
    await expect(buildApps({ deploymentFile: file, pwaOut: join(dir, 'p'), viewerOut: join(dir, 'v') })).rejects.toThrow(/town\.json: town: /);
    expect(process.env.STOPDEAL_DEPLOYMENT).toBeUndefined();
  });
});
