/**
 * Runs a local instance: the API Worker (with the reporter app as its static assets) and
 * the viewer's static-assets Worker, each a `wrangler dev` with its own port, inspector port
 * and state folder, so `npm start` and the tests never touch each other (DESIGN "Where it
 * runs"). Wrangler is started directly, in its own process group, so that stopping it also
 * stops its workerd child (STACK.md pitfalls).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const WRANGLER = resolve('node_modules/.bin/wrangler');
const QUIET_ENV = { WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false', NO_COLOR: '1', FORCE_COLOR: '0' };

export interface ApiServerOptions {
  port: number;
  inspectorPort: number;
  /** State folder (D1, R2, Durable Objects): `.wrangler/state` for `npm start`. */
  persistTo: string;
  /** dotenv file with `DEPLOYMENT` and local secrets. */
  envFile: string;
  /** Built reporter app. */
  assets: string;
}

export interface ViewerServerOptions {
  port: number;
  inspectorPort: number;
  persistTo: string;
  assets: string;
}

export interface StartOptions {
  api: ApiServerOptions;
  viewer: ViewerServerOptions;
  /** Receives every line both servers print (the tests scan it for canaries). */
  log?: (line: string, server: 'api' | 'viewer') => void;
  /** Milliseconds to wait for both to answer. */
  timeoutMs?: number;
}

export interface RunningInstance {
  apiUrl: string;
  viewerUrl: string;
  /** Resolves when either server exits on its own (a crash): which one, and its exit code. */
  exited: Promise<{ server: 'api' | 'viewer'; code: number | null }>;
  stop(): Promise<void>;
}

function run(args: string[], onLine?: (line: string) => void): ChildProcess {
  const child = spawn(WRANGLER, args, { env: { ...process.env, ...QUIET_ENV }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  for (const stream of [child.stdout, child.stderr]) {
    let rest = '';
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) onLine?.(line);
    });
  }
  return child;
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return Promise.resolve();
  return new Promise((done) => {
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      done();
    });
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      clearTimeout(timer);
      done();
    }
  });
}

async function waitFor(url: string, child: ChildProcess, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler exited (code ${child.exitCode}) before ${url} answered`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer in time`);
}

/** Applies the D1 migrations to a local state folder (idempotent). */
export function applyMigrations(o: { persistTo: string; envFile?: string }): Promise<void> {
  return new Promise((done, fail) => {
    const out: string[] = [];
    const child = run(['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', o.persistTo], (l) => out.push(l));
    child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`d1 migrations apply failed:\n${out.join('\n')}`))));
  });
}

/** Starts both servers and resolves when both answer. */
export async function startServers(o: StartOptions): Promise<RunningInstance> {
  const deadline = Date.now() + (o.timeoutMs ?? 120_000);
  const api = run(
    ['dev', '--ip', '127.0.0.1', '--port', String(o.api.port), '--inspector-port', String(o.api.inspectorPort), '--persist-to', o.api.persistTo, '--env-file', o.api.envFile, '--assets', o.api.assets, '--show-interactive-dev-session=false'],
    (l) => o.log?.(l, 'api'),
  );
  const viewer = run(
    ['dev', '-c', 'viewer/wrangler.toml', '--ip', '127.0.0.1', '--port', String(o.viewer.port), '--inspector-port', String(o.viewer.inspectorPort), '--persist-to', o.viewer.persistTo, '--assets', o.viewer.assets, '--show-interactive-dev-session=false'],
    (l) => o.log?.(l, 'viewer'),
  );
  const stop = async () => {
    await Promise.all([stopProcess(api), stopProcess(viewer)]);
  };
  const apiUrl = `http://127.0.0.1:${o.api.port}`;
  const viewerUrl = `http://127.0.0.1:${o.viewer.port}`;
  try {
    await Promise.all([waitFor(`${apiUrl}/api/v1/meta`, api, deadline), waitFor(`${viewerUrl}/`, viewer, deadline)]);
  } catch (e) {
    await stop();
    throw e;
  }
  const exitOf = (child: ChildProcess, server: 'api' | 'viewer') =>
    new Promise<{ server: 'api' | 'viewer'; code: number | null }>((done) => child.once('exit', (code) => done({ server, code })));
  return { apiUrl, viewerUrl, exited: Promise.race([exitOf(api, 'api'), exitOf(viewer, 'viewer')]), stop };
}

/**
 * Starts the API Worker alone (no viewer) and resolves when it answers: for the flood bench,
 * the load test and the chaos test, which need a Worker of their own that they can stop and
 * start again on the same state folder.
 */
export async function startApiServer(o: ApiServerOptions & { log?: (line: string) => void; timeoutMs?: number }): Promise<Omit<RunningInstance, 'viewerUrl' | 'exited'>> {
  const deadline = Date.now() + (o.timeoutMs ?? 120_000);
  const api = run(
    ['dev', '--ip', '127.0.0.1', '--port', String(o.port), '--inspector-port', String(o.inspectorPort), '--persist-to', o.persistTo, '--env-file', o.envFile, '--assets', o.assets, '--show-interactive-dev-session=false'],
    o.log,
  );
  const apiUrl = `http://127.0.0.1:${o.port}`;
  const stop = () => stopProcess(api);
  try {
    await waitFor(`${apiUrl}/api/v1/meta`, api, deadline);
  } catch (e) {
    await stop();
    throw e;
  }
  return { apiUrl, stop };
}
