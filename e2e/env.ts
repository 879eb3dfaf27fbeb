/** Where the e2e instance lives, and what global-setup tells the tests about it. */
import { readFileSync } from 'node:fs';

/** Ports: 18787 (API) and 18788 (viewer) unless `E2E_PORT_BASE` moves them (a second checkout). */
const base = Number(process.env.E2E_PORT_BASE ?? 18787);

/** A second run in the same checkout on other ports gets its own folders too. */
const suffix = process.env.E2E_PORT_BASE ? `-${base}` : '';

export const E2E = {
  dir: `.e2e${suffix}`,
  apiPort: base,
  viewerPort: base + 1,
  apiInspectorPort: base + 442,
  viewerInspectorPort: base + 443,
  apiUrl: `http://127.0.0.1:${base}`,
  viewerUrl: `http://127.0.0.1:${base + 1}`,
  pwaOut: `.e2e${suffix}/dist/pwa`,
  viewerOut: `.e2e${suffix}/dist/viewer`,
  /** Under `.wrangler/` like `npm start`'s own state; scanned for canaries by the privacy tests. */
  stateDir: `.wrangler/e2e${suffix}/state`,
  workerLog: `.e2e${suffix}/worker.log`,
  /**
   * The instance's `effort.targetPerWindow`: 100000 so the suite never raises the effort;
   * `E2E_EFFORT_TARGET` lowers it for a run that tests the rise (docs/flood.md).
   */
  effortTarget: Number(process.env.E2E_EFFORT_TARGET ?? 100_000),
};

export interface TestEnv {
  apiUrl: string;
  viewerUrl: string;
  keyringFile: string;
  passphrase: string;
  deploymentFile: string;
  stateDir: string;
  workerLog: string;
}

export function testEnv(): TestEnv {
  return JSON.parse(readFileSync(`${E2E.dir}/env.json`, 'utf8')) as TestEnv;
}
