/**
 * A test's own API Worker (`wrangler dev`), next to the shared e2e instance: same keys and
 * reporter app build (the e2e deployment), its own port, state folder and effort policy.
 * The load and chaos tests need one: they stop and restart it, and a raised effort must not
 * leak into the other test files (PROTOCOL §3: the effort adapts to the stored traffic).
 */
import { createWriteStream, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { devVarsFile } from '../scripts/deployment.ts';
import { applyMigrations, startApiServer } from '../scripts/instance.ts';
import { E2E, testEnv } from './env.ts';

/** The deployment's `effort` (shared contract: windowSeconds, targetPerWindow, ceilingBits). */
export interface EffortPolicy {
  windowSeconds: number;
  targetPerWindow: number;
  ceilingBits: number;
}

export interface OwnWorker {
  apiUrl: string;
  stateDir: string;
  /** Stops the Worker (its state stays) and starts it again on the same port and state. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts a Worker on `E2E_PORT_BASE + offset` (offset within 300..399: the e2e instance uses
 * +0/+1), with the e2e deployment and `effort` (undefined: the deployment's own).
 */
export async function startOwnWorker(name: string, offset: number, effort?: EffortPolicy): Promise<OwnWorker> {
  const port = E2E.apiPort + offset;
  const dir = join(E2E.dir, name);
  const stateDir = join(E2E.stateDir, '..', name);
  rmSync(stateDir, { recursive: true, force: true });
  mkdirSync(stateDir, { recursive: true });
  mkdirSync(dir, { recursive: true });
  const deployment = JSON.parse(readFileSync(testEnv().deploymentFile, 'utf8')) as Record<string, unknown>;
  if (effort) deployment.effort = effort;
  // The e2e `.dev.vars` (bootstrap admin, receipt key) with this Worker's deployment.
  const others = readFileSync(`${E2E.dir}/.dev.vars`, 'utf8').split('\n').filter((l) => l && !l.startsWith('DEPLOYMENT='));
  const envFile = join(dir, '.dev.vars');
  writeFileSync(envFile, others.join('\n') + '\n' + devVarsFile({ DEPLOYMENT: JSON.stringify(deployment) }), { mode: 0o600 });
  await applyMigrations({ persistTo: stateDir });
  const log = createWriteStream(join(dir, 'worker.log'));
  const start = () => startApiServer({ port, inspectorPort: port + 1, persistTo: stateDir, envFile, assets: E2E.pwaOut, log: (line) => log.write(line + '\n') });
  let running = await start();
  return {
    apiUrl: running.apiUrl,
    stateDir,
    async restart() {
      await running.stop();
      running = await start();
    },
    async stop() {
      await running.stop();
      log.end();
    },
  };
}
