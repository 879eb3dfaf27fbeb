/**
 * `npm start`, the embedded default (DESIGN "Where it runs"): on first run creates the demo
 * town, its police key and an admin keyring in `.dev/` (later runs keep them), builds both
 * apps into `dist/`, applies the local D1 migrations, serves the API Worker with the reporter
 * app on 8787 and the viewer on 8788, enrols the demo officer (its first signed request
 * triggers the bootstrap admin, docs/decisions.md D6), and prints where to click.
 * Ctrl-C stops both `wrangler dev` processes and their workerd children.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { answerJson, signedFetch, type SignedApi } from '../client/signedRequest.ts';
import { signRequest, unlockKeyring, useSumo } from '../crypto/index.ts';
import { OfficerList } from '../schemas/api.ts';
import { buildApps } from './build.ts';
import { ensureInstance } from './demo.ts';
import { applyMigrations, startServers, type RunningInstance } from './instance.ts';

const REPO = fileURLToPath(new URL('..', import.meta.url));

/** Where `npm start` keeps things; overridable so a second copy can run on other ports. */
export interface DemoOptions {
  dir: string;
  devVars: string;
  pwaOut: string;
  viewerOut: string;
  state: string;
  viewerState: string;
  api: { port: number; inspectorPort: number };
  viewer: { port: number; inspectorPort: number };
}

export const DEMO_DEFAULTS: DemoOptions = {
  dir: '.dev',
  devVars: '.dev.vars',
  pwaOut: 'dist/pwa',
  viewerOut: 'dist/viewer',
  state: '.wrangler/state',
  viewerState: '.wrangler/viewer-state',
  api: { port: 8787, inspectorPort: 9229 },
  viewer: { port: 8788, inspectorPort: 9230 },
};

const step = (fr: string, en: string) => console.log(`· ${fr} / ${en}`);

/** Refuses to start when a port is taken: another `npm start` would answer in our place. */
function checkPortFree(port: number): Promise<void> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', () =>
      fail(new Error(`le port ${port} est déjà utilisé (un autre "npm start" ?) / port ${port} is already in use (another "npm start"?)`)),
    );
    server.listen(port, '127.0.0.1', () => server.close(() => done()));
  });
}

/** The demo officer's first signed request enrols it as admin (bootstrap). */
async function enrolDemoOfficer(apiUrl: string, keyringFile: string, passphrase: string): Promise<void> {
  const inner = await unlockKeyring(JSON.parse(readFileSync(keyringFile, 'utf8')), passphrase);
  if (!inner.officer) throw new Error(`${keyringFile} holds no officer key`);
  const officer = inner.officer;
  const api: SignedApi = { origin: apiUrl, authorize: (r) => signRequest({ ...r, officer }), init: { redirect: 'error' } };
  await answerJson(await signedFetch(api, { method: 'GET', target: '/api/v1/officers', signal: AbortSignal.timeout(30_000) }), OfficerList);
}

/** Runs the demo until a signal stops it (then exits the process). */
export async function startDemo(o: DemoOptions = DEMO_DEFAULTS): Promise<void> {
  process.chdir(REPO);
  useSumo();
  const API = o.api;
  const VIEWER = o.viewer;
  const STATE = o.state;
  for (const port of [API.port, API.inspectorPort, VIEWER.port, VIEWER.inspectorPort]) await checkPortFree(port);

  step('clés et configuration de démonstration', 'demo keys and configuration');
  const inst = await ensureInstance({ dir: o.dir, apiOrigin: `http://127.0.0.1:${API.port}`, viewerOrigin: `http://127.0.0.1:${VIEWER.port}`, devVars: o.devVars });

  step('construction des deux applications', 'building both apps');
  const { pwaOut, viewerOut } = await buildApps({ deploymentFile: inst.deploymentFile, pwaOut: o.pwaOut, viewerOut: o.viewerOut });

  step('base de données locale (migrations D1)', 'local database (D1 migrations)');
  await applyMigrations({ persistTo: STATE });

  step('démarrage des serveurs', 'starting the servers');
  // Until both answer, wrangler's output is kept and shown only if starting fails; after
  // that, only its warnings and errors are shown (request lines would name report ids).
  const startup: string[] = [];
  let started = false;
  const log = (line: string, server: 'api' | 'viewer') => {
    if (!started) startup.push(`[${server}] ${line}`);
    else if (/error|warn|✘|▲/i.test(line)) console.error(`[${server}] ${line}`);
  };
  let running: RunningInstance;
  try {
    running = await startServers({
      api: { ...API, persistTo: STATE, envFile: inst.devVarsFile, assets: pwaOut },
      viewer: { ...VIEWER, persistTo: o.viewerState, assets: viewerOut },
      log,
    });
  } catch (e) {
    console.error(startup.slice(-40).join('\n'));
    throw e;
  }
  started = true;

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log('\nArrêt des serveurs… / Stopping the servers…');
    await running.stop();
    process.exit(code);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stop(0));
  void running.exited.then(({ server, code }) => {
    if (stopping) return;
    console.error(`Le serveur ${server} s’est arrêté (code ${code}) / the ${server} server stopped (code ${code})`);
    void stop(1);
  });

  try {
    await enrolDemoOfficer(running.apiUrl, inst.keyringFile, inst.passphrase);
  } catch (e) {
    console.error(`L’officier de démonstration n’a pas pu être inscrit / the demo officer could not be enrolled: ${(e as Error).message}`);
    await stop(1);
    return;
  }

  const keyring = resolve(inst.keyringFile);
  console.log(`
Stop Deal est prêt. / Stop Deal is ready.

  Application de signalement / Reporter app:   ${running.apiUrl}
  Visionneuse des policiers  / Officer viewer: ${running.viewerUrl}
  Trousseau de clés          / Keyring file:   ${keyring}
  Phrase de passe            / Passphrase:     ${inst.passphrase}

  Dans la visionneuse, chargez le trousseau puis tapez la phrase de passe.
  In the viewer, load the keyring file, then type the passphrase.

  Ctrl-C arrête les deux serveurs. Les clés (${o.dir}/) et les données (${STATE}) sont gardées.
  Ctrl-C stops both servers. Keys (${o.dir}/) and data (${STATE}) are kept for the next run.
`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  startDemo().catch((e) => {
    console.error(`npm start: ${(e as Error).message}`);
    process.exit(1);
  });
}
