/**
 * Starts the test instance once for every e2e file: its own keys (`.e2e/`), its own builds
 * (`.e2e/dist/`), its own ports and state folder, so a running `npm start` is never touched.
 */
import { appendFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { KDF_INTERACTIVE } from '../crypto/index.ts';
import { buildApps } from '../scripts/build.ts';
import { ensureInstance } from '../scripts/demo.ts';
import { applyMigrations, startServers, type RunningInstance } from '../scripts/instance.ts';
import { E2E, type TestEnv } from './env.ts';
import { officerFetch } from './officer.ts';

let running: RunningInstance | undefined;

export async function setup(): Promise<void> {
  // A high effort target: the suite's many submissions never raise the effort (docs/flood.md).
  const inst = await ensureInstance({
    dir: E2E.dir, apiOrigin: E2E.apiUrl, viewerOrigin: E2E.viewerUrl, devVars: `${E2E.dir}/.dev.vars`, kdf: KDF_INTERACTIVE, powBits: 8,
    effort: { targetPerWindow: E2E.effortTarget },
  });
  if (!process.env.E2E_SKIP_BUILD) await buildApps({ deploymentFile: inst.deploymentFile, pwaOut: E2E.pwaOut, viewerOut: E2E.viewerOut });
  rmSync(E2E.stateDir, { recursive: true, force: true });
  mkdirSync(E2E.stateDir, { recursive: true });
  writeFileSync(E2E.workerLog, '');
  await applyMigrations({ persistTo: E2E.stateDir });
  running = await startServers({
    api: { port: E2E.apiPort, inspectorPort: E2E.apiInspectorPort, persistTo: E2E.stateDir, envFile: inst.devVarsFile, assets: E2E.pwaOut },
    viewer: { port: E2E.viewerPort, inspectorPort: E2E.viewerInspectorPort, persistTo: `${E2E.stateDir}-viewer`, assets: E2E.viewerOut },
    log: (line, server) => appendFileSync(E2E.workerLog, `[${server}] ${line}\n`),
  });
  const env: TestEnv = {
    apiUrl: running.apiUrl,
    viewerUrl: running.viewerUrl,
    keyringFile: inst.keyringFile,
    passphrase: inst.passphrase,
    deploymentFile: inst.deploymentFile,
    stateDir: E2E.stateDir,
    workerLog: E2E.workerLog,
  };
  writeFileSync(`${E2E.dir}/env.json`, JSON.stringify(env, null, 2));
  // The first signed request of the bootstrap admin enrols it (PROTOCOL §5, docs/api.md).
  const res = await officerFetch('GET', '/api/v1/officers');
  if (res.status !== 200) throw new Error(`bootstrap admin not accepted: ${res.status} ${await res.text()}`);
}

export async function teardown(): Promise<void> {
  await running?.stop();
}
