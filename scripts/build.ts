/**
 * Builds the reporter app (`pwa/`) and the officer viewer (`viewer/`) for one deployment
 * file, with Vite's JS API. The deployment reaches both builds through `STOPDEAL_DEPLOYMENT`
 * (read by `scripts/vite-deployment.ts`), the output folders through `STOPDEAL_PWA_OUT` /
 * `STOPDEAL_VIEWER_OUT` (read by each app's Vite config) and Vite's own `build.outDir`.
 *
 * `npm run build` builds into `dist/pwa` and `dist/viewer` for `.dev/deployment.json`
 * unless those variables say otherwise; production: `STOPDEAL_DEPLOYMENT=deploy/<town>.json
 * STOPDEAL_PWA_OUT=build/<town>/pwa STOPDEAL_VIEWER_OUT=build/<town>/viewer npm run build`.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type LogLevel } from 'vite';
import { writeHashes } from './appHashes.ts';
import { loadDeployment } from './deployment.ts';

const REPO = fileURLToPath(new URL('..', import.meta.url));

export interface BuildOptions {
  deploymentFile: string;
  pwaOut: string;
  viewerOut: string;
  logLevel?: LogLevel;
}

/** Sets environment variables for the duration of `work`, then puts the old values back. */
async function withEnv<T>(vars: Record<string, string>, work: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  try {
    return await work();
  } finally {
    for (const [k, old] of Object.entries(saved)) {
      if (old === undefined) delete process.env[k];
      else process.env[k] = old;
    }
  }
}

/**
 * Builds both apps and writes their published hash lists (`<out>.sha256`, scripts/appHashes.ts);
 * resolves to their absolute output folders and build digests.
 */
export async function buildApps(o: BuildOptions): Promise<{ pwaOut: string; viewerOut: string; pwaDigest: string; viewerDigest: string }> {
  const deploymentFile = resolve(o.deploymentFile);
  const pwaOut = resolve(o.pwaOut);
  const viewerOut = resolve(o.viewerOut);
  if (!existsSync(deploymentFile)) throw new Error(`no deployment file at ${deploymentFile}: run "npm start" once, or set STOPDEAL_DEPLOYMENT`);
  // Checked here so a broken file fails with its own message, not deep inside a Vite plugin.
  await loadDeployment(deploymentFile);
  const logLevel = o.logLevel ?? 'warn';
  // NODE_ENV=production even when called from vitest (where it is `test`): Vite would
  // otherwise make development builds (dev JSX, no service worker registration).
  await withEnv({ NODE_ENV: 'production', STOPDEAL_DEPLOYMENT: deploymentFile, STOPDEAL_PWA_OUT: pwaOut, STOPDEAL_VIEWER_OUT: viewerOut }, async () => {
    // One after the other: two cores, and each build already uses both.
    await build({ configFile: resolve(REPO, 'pwa/vite.config.ts'), logLevel, build: { outDir: pwaOut, emptyOutDir: true } });
    await build({ configFile: resolve(REPO, 'viewer/vite.config.ts'), logLevel, build: { outDir: viewerOut, emptyOutDir: true } });
  });
  return { pwaOut, viewerOut, pwaDigest: writeHashes(pwaOut), viewerDigest: writeHashes(viewerOut) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const env = process.env;
  buildApps({
    deploymentFile: env.STOPDEAL_DEPLOYMENT ?? resolve(REPO, '.dev/deployment.json'),
    pwaOut: env.STOPDEAL_PWA_OUT ?? resolve(REPO, 'dist/pwa'),
    viewerOut: env.STOPDEAL_VIEWER_OUT ?? resolve(REPO, 'dist/viewer'),
    logLevel: 'info',
  }).then(
    (out) =>
      console.log(
        `built ${out.pwaOut} (digest ${out.pwaDigest}, files in ${out.pwaOut}.sha256)\nbuilt ${out.viewerOut} (digest ${out.viewerDigest}, files in ${out.viewerOut}.sha256)`,
      ),
    (e) => {
      console.error(`build: ${(e as Error).message}`);
      process.exitCode = 1;
    },
  );
}
