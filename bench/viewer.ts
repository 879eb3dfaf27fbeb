/**
 * The viewer at scale (issue 4 "Report in your closing note"): time from "Déverrouiller" to
 * N reports listed, for N = 1,000 and 10,000, in headless Chromium, against the raw
 * libsodium work for the same data in the same browser and the same run.
 *
 * - Reports are sealed in Node with a fresh bench instance's police key (scripts/demo.ts).
 * - The viewer is built for that instance and served by a small static server with the
 *   deployment's real headers (CSP, Trusted Types, COOP/COEP): the report workers run under
 *   the policy they run under in production.
 * - The API is answered from memory with Playwright's `page.route` (the list pages exactly as
 *   PROTOCOL §5 shapes them; empty inbox and case files): deterministic, and it measures the
 *   viewer, not a local Worker's SQLite.
 * - Baseline: `crypto_box_seal_open` of the same N sealed reports, one after the other, in a
 *   page of the same origin, with libsodium's own build (base64 decoding left out).
 *
 * Run alone with `npx tsx bench/viewer.ts [N …]`; `npm run bench` runs it after bench/run.ts.
 */
import { createServer, type Server } from 'node:http';
import { mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Route } from 'playwright-core';
import { build } from 'vite';
import { KDF_INTERACTIVE, randomB64, sealReport, unlockKeyring, useSumo } from '../crypto/index.ts';
import type { ReportItem } from '../schemas/api.ts';
import type { PoliceKeyPairEntry } from '../schemas/keyring.ts';
import { activePoliceKey } from '../schemas/deployment.ts';
import { toB64 } from '../schemas/encoding.ts';
import { ensureInstance } from '../scripts/demo.ts';
import { loadDeployment, viewerHeaders } from '../scripts/deployment.ts';
import { launchBrowser } from '../e2e/browser.ts';

useSumo();
const REPO = fileURLToPath(new URL('..', import.meta.url));
const SIZES = process.argv.slice(2).map(Number).filter((n) => n > 0);
const COUNTS = SIZES.length ? SIZES : [1000, 10000];
const DIR = join(tmpdir(), `stopdeal-bench-viewer-${process.pid}`);
const DISTRICTS = ['centre-ville', 'argentine', 'saint-jean', 'saint-lucien', 'notre-dame-du-thil', 'saint-quentin', 'voisinlieu'];
/** Never contacted: every API request is answered by `page.route`. */
const API_ORIGIN = 'http://127.0.0.1:9';

const MIME: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json' };

/** libsodium's own ESM build, its one bare import pointed at the file next to it. */
function benchFile(path: string): { body: string; type: string } | null {
  const modules = (pkg: string, file: string) => readFileSync(join(REPO, 'node_modules', pkg, 'dist/modules-sumo-esm', file), 'utf8');
  if (path === '/__bench/sodium.mjs') return { body: modules('libsodium-wrappers-sumo', 'libsodium-wrappers.mjs').replace(/from\s*"libsodium-sumo"/, 'from"/__bench/libsodium-sumo.mjs"'), type: MIME['.mjs']! };
  if (path === '/__bench/libsodium-sumo.mjs') return { body: modules('libsodium-sumo', 'libsodium-sumo.mjs'), type: MIME['.mjs']! };
  if (path === '/__bench/baseline.html') return { body: '<!doctype html><title>baseline</title>', type: MIME['.html']! };
  return null;
}

/** The built viewer with the deployment's headers (a single-page app: unknown paths get index.html). */
function serve(root: string, headers: Record<string, string>): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const bench = benchFile(path);
    if (bench) {
      // Same isolation as the viewer (so timings compare), without its CSP.
      res.writeHead(200, { 'Content-Type': bench.type, 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp', 'Cross-Origin-Resource-Policy': 'same-origin' });
      return res.end(bench.body);
    }
    let file = resolve(root, '.' + path);
    if (!file.startsWith(root) || !statSync(file, { throwIfNoEntry: false })?.isFile()) file = join(root, 'index.html');
    res.writeHead(200, { ...headers, 'Content-Type': MIME[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({ server, origin: `http://127.0.0.1:${(server.address() as { port: number }).port}` })));
}

/** N reports as the Worker would list them, sealed like the reporter app seals them. */
async function sealMany(n: number, police: Pick<PoliceKeyPairEntry, 'kid' | 'publicKey'>): Promise<ReportItem[]> {
  const out: ReportItem[] = [];
  for (let seq = 1; seq <= n; seq++) {
    const id = await randomB64(16);
    const day = String((seq % 28) + 1).padStart(2, '0');
    const answers = {
      district: DISTRICTS[seq % DISTRICTS.length],
      place: `${seq % 120} rue des Bancs, cage ${'ABCD'[seq % 4]}`,
      point: { lat: 49.41 + (seq % 40) / 1000, lon: 2.05 + (seq % 60) / 1000 },
      date: `2026-11-${day}`,
      'time-from': `${String(seq % 24).padStart(2, '0')}:30`,
      frequency: 'daily',
      activities: ['selling', 'lookouts'],
      people: [{ count: 2, role: 'lookout', description: 'Deux jeunes en survêtement, scooter noir' }],
      details: `Signalement ${seq} : allées et venues le soir, guetteurs au pied de l’immeuble, échanges rapides près des boîtes aux lettres.`,
    };
    const { sealed } = await sealReport({ v: 1, id, form: 'stop-deal', formVersion: 1, createdAt: `2026-11-${day}T21:40:00Z`, answers, contact: null, replyTo: null, attachments: [] }, police);
    out.push({ seq, id, kid: police.kid, sealed: toB64(sealed), mailbox: seq % 3 === 0, blobs: [], receivedAt: `2026-11-${day}T${String(seq % 24).padStart(2, '0')}:00:00Z` });
  }
  return out;
}

interface Run {
  n: number;
  unlockMs: number;
  listedMs: number;
  workers: number;
}

/** One viewer session: unlock, then wait until the list says N reports. */
async function viewerRun(browser: Browser, origin: string, items: readonly ReportItem[], keyring: string, passphrase: string, officer: { officerId: string; publicKey: string }): Promise<Run> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  let workers = 0;
  page.on('worker', () => workers++);
  const cors = { 'Access-Control-Allow-Origin': origin, 'Access-Control-Allow-Headers': 'Authorization, Content-Type', 'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE', 'Cache-Control': 'no-store' };
  const json = (route: Route, status: number, body: unknown) => route.fulfill({ status, headers: { ...cors, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const last = items[items.length - 1]?.seq ?? 0;
  await page.route(
    (url) => url.origin === API_ORIGIN,
    (route) => {
      const req = route.request();
      if (req.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: cors });
      const url = new URL(req.url());
      const after = Number(url.searchParams.get('after') || 0);
      const limit = Math.min(500, Number(url.searchParams.get('limit') || 100));
      switch (url.pathname) {
        case '/api/v1/reports': {
          const page = items.filter((i) => i.seq > after).slice(0, limit);
          const end = page[page.length - 1]?.seq ?? after;
          return json(route, 200, { reports: page, next: end < last ? end : null });
        }
        case '/api/v1/messages':
          return json(route, 200, { messages: [], next: null });
        case '/api/v1/events':
          return json(route, 200, { events: [], next: null });
        case '/api/v1/officers':
          return json(route, 200, { officers: [{ ...officer, role: 'admin', createdAt: '2026-11-01T00:00:00Z', revokedAt: null }] });
        default:
          return json(route, 404, { error: { code: 'not_found', message: 'Not found.' } });
      }
    },
  );
  await page.goto(origin + '/');
  await page.setInputFiles('#keyring-file', { name: 'trousseau.json', mimeType: 'application/json', buffer: Buffer.from(keyring) });
  await page.fill('#passphrase', passphrase);
  // Let libsodium compile (page and workers) as it would while an officer types.
  await page.waitForTimeout(1500);
  // Timed inside the page: from the click to the heading, and to the count of N reports.
  const timing = page.evaluate(
    (n) =>
      new Promise<{ unlocked: number; listed: number }>((resolve) => {
        let clicked = 0;
        let unlocked = 0;
        document.addEventListener('click', () => (clicked ||= performance.now()), { capture: true, once: true });
        // No named function in here: tsx would wrap it in a helper the page does not have.
        new MutationObserver((_, observer) => {
          if (!clicked) return;
          if (!unlocked && document.querySelector('h1')?.textContent === 'Signalements') unlocked = performance.now();
          if (document.querySelector('.list-status strong')?.textContent === `${n} signalements`) {
            observer.disconnect();
            resolve({ unlocked: unlocked - clicked, listed: performance.now() - clicked });
          }
        }).observe(document.body, { subtree: true, childList: true, characterData: true });
      }),
    items.length,
  );
  await page.getByRole('button', { name: 'Déverrouiller' }).click();
  const t = await timing;
  await context.close();
  return { n: items.length, unlockMs: t.unlocked, listedMs: t.listed, workers };
}

/** `crypto_box_seal_open` of every sealed report, one after the other, in a page of the same origin. */
async function baseline(browser: Browser, origin: string, items: readonly ReportItem[], police: { publicKey: string; secretKey: string }): Promise<number> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(origin + '/__bench/baseline.html');
  const ms = await page.evaluate(
    async ({ sealed, pk, sk }) => {
      const s = (await import('/__bench/sodium.mjs' as string)).default;
      await s.ready;
      const boxes = sealed.map((b: string) => s.from_base64(b, s.base64_variants.URLSAFE_NO_PADDING));
      const publicKey = s.from_base64(pk, s.base64_variants.URLSAFE_NO_PADDING);
      const secretKey = s.from_base64(sk, s.base64_variants.URLSAFE_NO_PADDING);
      for (const b of boxes.slice(0, 50)) s.crypto_box_seal_open(b, publicKey, secretKey); // warm-up
      const t0 = performance.now();
      for (const b of boxes) s.crypto_box_seal_open(b, publicKey, secretKey);
      return performance.now() - t0;
    },
    { sealed: items.map((i) => i.sealed), pk: police.publicKey, sk: police.secretKey },
  );
  await context.close();
  return ms;
}

async function main(): Promise<void> {
  mkdirSync(DIR, { recursive: true });
  const out = join(DIR, 'viewer');
  // The viewer origin is known once the server listens; the build does not depend on it.
  const holder = { root: out, headers: {} as Record<string, string> };
  const { server, origin } = await serve(holder.root, holder.headers);
  const browser = await launchBrowser();
  try {
    const inst = await ensureInstance({ dir: DIR, apiOrigin: API_ORIGIN, viewerOrigin: origin, devVars: join(DIR, '.dev.vars'), kdf: KDF_INTERACTIVE, powBits: 8, effort: { targetPerWindow: 100_000 } });
    const deployment = await loadDeployment(inst.deploymentFile);
    Object.assign(holder.headers, viewerHeaders(deployment));
    const saved = { ...process.env };
    Object.assign(process.env, { NODE_ENV: 'production', STOPDEAL_DEPLOYMENT: resolve(inst.deploymentFile), STOPDEAL_VIEWER_OUT: out });
    try {
      await build({ configFile: resolve(REPO, 'viewer/vite.config.ts'), logLevel: 'warn', build: { outDir: out, emptyOutDir: true } });
    } finally {
      process.env = saved;
    }
    const keyringText = readFileSync(inst.keyringFile, 'utf8');
    const inner = await unlockKeyring(JSON.parse(keyringText), inst.passphrase);
    const police = inner.police[0]!;
    const officer = { officerId: inner.officer!.officerId, publicKey: inner.officer!.publicKey };
    if (police.kid !== activePoliceKey(deployment).kid) throw new Error('bench keyring and deployment disagree');

    const rows: Array<Run & { baseMs: number; sealMs: number }> = [];
    for (const n of COUNTS) {
      const t0 = performance.now();
      const items = await sealMany(n, police);
      const sealMs = performance.now() - t0;
      // A first session warms the browser's caches of the viewer's code, as a returning officer's would be.
      if (!rows.length) await viewerRun(browser, origin, items.slice(0, 100), keyringText, inst.passphrase, officer);
      const run = await viewerRun(browser, origin, items, keyringText, inst.passphrase, officer);
      const baseMs = await baseline(browser, origin, items, police);
      rows.push({ ...run, baseMs, sealMs });
    }

    console.log(`\nStop Deal viewer at scale (headless Chromium, ${rows[0]?.workers ?? 0} report workers, Argon2id INTERACTIVE keyring); baseline = crypto_box_seal_open of the same reports, same browser, same run\n`);
    console.log(
      'reports'.padStart(8),
      'unlock ms'.padStart(10),
      'to listed ms'.padStart(13),
      'open+list ms'.padStart(13),
      'baseline ms'.padStart(12),
      'open+list/base'.padStart(15),
      'total/base'.padStart(11),
    );
    for (const r of rows) {
      const openList = r.listedMs - r.unlockMs;
      console.log(
        String(r.n).padStart(8),
        r.unlockMs.toFixed(0).padStart(10),
        r.listedMs.toFixed(0).padStart(13),
        openList.toFixed(0).padStart(13),
        r.baseMs.toFixed(0).padStart(12),
        (openList / r.baseMs).toFixed(2).padStart(15),
        (r.listedMs / r.baseMs).toFixed(2).padStart(11),
      );
    }
    console.log('\n"unlock" = click to the list screen (Argon2id); "to listed" = click to the count of N reports on screen; "open+list" = the difference (fetch, open in workers, list).');
  } finally {
    await browser.close();
    server.close();
    rmSync(DIR, { recursive: true, force: true });
  }
}

await main();
