/**
 * Network chaos through the real outbox (issue 7 "Proof"): 200 reports (1,000 with
 * `STRESS=1`) queued in the reporter app in Chromium, then flushed by the app's own outbox
 * (services/outboxRunner.ts, woken by the `online` event it listens to) through
 * `page.route` chaos: cuts before the request reaches the Worker, cuts after the Worker
 * stored it (route.fetch() then abort), injected 5xx before and after storage, timeouts,
 * `pow_invalid` with a higher `powBits` (an effort change seen by the client), a Worker
 * restart mid-way, and (with the adaptive effort) a deployment whose small target really
 * raises the effort while the outbox drains. Then, counted in D1 through the officer API:
 * exactly N stored, 0 lost, 0 duplicated, and the outbox empty.
 *
 * How the reports are queued (filling 200 forms by clicking would take half an hour): the
 * first one through the form and "Envoyer" (the UI path, offline); the others sealed by the
 * app's own crypto worker (its built script, the `seal` request `sealToOutbox` sends) and
 * stored as outbox rows of the very shape the first one got (its row is the template;
 * only id, body and order differ), i.e. what `sealToOutbox` writes.
 *
 * Service workers are blocked: `page.route` does not see a service worker's requests, and
 * Background Sync is covered by pwa-background-sync.test.ts.
 */
import { readdirSync } from 'node:fs';
import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activePoliceKey } from '../schemas/deployment.ts';
import { launchBrowser, visit } from './browser.ts';
import { E2E } from './env.ts';
import { deployment, listReports } from './officer.ts';
import { startOwnWorker, type OwnWorker } from './own-worker.ts';
import { fillStopDeal, PHONE, readStore, send } from './pwa-steps.ts';

const STRESS = process.env.STRESS === '1';
const N = STRESS ? 1000 : 200;

let browser: Browser;
let worker: OwnWorker;

beforeAll(async () => {
  const base = deployment().powBits;
  // A small target so that the effort really rises while the outbox drains (PROTOCOL §3).
  worker = await startOwnWorker('chaos', 310, { windowSeconds: 60, targetPerWindow: 25, ceilingBits: base + 3 });
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await worker?.stop();
});

type Fault = 'pass' | 'cut-before' | 'cut-after' | '503-before' | '502-after' | 'timeout' | 'pow-higher' | 'timeout-after';
/** One request in three meets a fault; the pattern repeats. */
const PATTERN: Fault[] = ['pass', 'cut-before', 'pass', 'pass', 'cut-after', 'pass', '503-before', 'pass', 'pow-higher', 'pass', '502-after', 'pass', 'pass', 'timeout', 'pass'];

async function outboxCount(page: Page): Promise<{ waiting: number; other: number }> {
  const rows = (await readStore(page, 'outbox')) as Array<{ state: string }>;
  return { waiting: rows.filter((r) => r.state === 'waiting').length, other: rows.filter((r) => r.state !== 'waiting').length };
}

describe('reporter app outbox under network chaos', () => {
  it(`delivers ${N} reports exactly once through cuts, 5xx, timeouts, a Worker restart and an effort change`, async () => {
    const d = deployment();
    const police = activePoliceKey(d);
    const context = await browser.newContext({ ...PHONE, serviceWorkers: 'block' });
    const page = await context.newPage();
    await visit(page, worker.apiUrl + '/');
    await page.getByRole('heading', { level: 1 }).waitFor();

    // Until the chaos starts, no report reaches the Worker: they wait in the outbox as if
    // offline (the context itself stays online: with service workers blocked, the crypto
    // worker's scripts come from the network).
    let chaos = false;
    const faults: Record<Fault, number> = { pass: 0, 'cut-before': 0, 'cut-after': 0, '503-before': 0, '502-after': 0, timeout: 0, 'pow-higher': 0, 'timeout-after': 0 };
    let c = 0;
    let realTimeout = STRESS; // one real 30 s client timeout (postReport's), after storage: stress only
    await page.route('**/api/v1/reports', async (route: Route) => {
      if (route.request().method() !== 'POST') return route.fallback();
      if (!chaos) return route.abort('internetdisconnected');
      let fault = PATTERN[c++ % PATTERN.length]!;
      if (fault === 'timeout' && realTimeout) {
        realTimeout = false;
        fault = 'timeout-after';
      }
      faults[fault]++;
      switch (fault) {
        case 'pass':
          return route.fallback();
        case 'cut-before':
          return route.abort('connectionreset');
        case 'cut-after':
          await route.fetch().catch(() => undefined);
          return route.abort('connectionreset');
        case '503-before':
          return route.fulfill({ status: 503, contentType: 'text/plain', body: 'Service Unavailable' });
        case '502-after':
          await route.fetch().catch(() => undefined);
          return route.fulfill({ status: 502, contentType: 'text/plain', body: 'Bad Gateway' });
        case 'timeout':
          return route.abort('timedout');
        case 'timeout-after': {
          await route.fetch().catch(() => undefined);
          await new Promise((r) => setTimeout(r, 31_000));
          return route.abort('timedout').catch(() => undefined);
        }
        case 'pow-higher': {
          // One bit above what the Worker asks now (the Worker may be restarting: then the base's).
          const now = await fetch(worker.apiUrl + '/api/v1/meta').then((r) => r.json() as Promise<{ powBits: number }>).then((m) => m.powBits, () => d.powBits);
          return route.fulfill({ status: 400, contentType: 'application/json', body: JSON.stringify({ error: { code: 'pow_invalid', message: 'proof of work too weak', powBits: now + 1 } }) });
        }
      }
    });

    // 1. One report the way a resident sends it: the form and "Envoyer".
    await fillStopDeal(page, { place: 'Chaos, par le formulaire' });
    await send(page);
    const template = ((await readStore(page, 'outbox')) as Array<Record<string, unknown>>)[0]!;
    expect(template).toMatchObject({ kind: 'report', state: 'waiting' });

    // 2. The others: sealed by the app's crypto worker, stored as rows of the same shape.
    const script = readdirSync(`${E2E.pwaOut}/assets`).find((f) => /^crypto-.*\.js$/.test(f));
    expect(script).toBeDefined();
    await page.evaluate(
      async ({ url, n, police, powBits, template }) => {
        const w = new Worker(url, { type: 'module', name: 'crypto' });
        const seal = (k: number) =>
          new Promise<{ id: string; kid: string; sealed: string; mailbox: string; pow: string }>((resolve, reject) => {
            const on = (e: MessageEvent) => {
              if (e.data.n !== k) return;
              w.removeEventListener('message', on);
              if (e.data.ok) resolve(e.data.sealed);
              else reject(new Error(e.data.error));
            };
            w.addEventListener('message', on);
            const report = { v: 1, form: 'stop-deal', formVersion: 1, createdAt: new Date().toISOString().slice(0, 17) + '00Z', answers: { district: 'argentine', place: `Chaos ${k}` }, contact: null, attachments: [] };
            w.postMessage({ n: k, op: 'seal', report, police, powBits, photos: [] });
          });
        const rows: Array<Record<string, unknown>> = [];
        for (let k = 1; k < n; k++) {
          const s = await seal(k);
          // PROTOCOL §3 body, in sealToOutbox's order.
          const body = JSON.stringify({ v: 1, id: s.id, kid: s.kid, sealed: s.sealed, mailbox: s.mailbox, pow: s.pow });
          rows.push({ ...template, id: s.id, body, attempts: 0, nextAttemptAt: 0, order: (template.order as number) + k });
        }
        w.terminate();
        await new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('stopdeal');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction('outbox', 'readwrite');
            for (const row of rows) tx.objectStore('outbox').add(row);
            tx.oncomplete = () => (open.result.close(), resolve());
            tx.onerror = () => reject(tx.error);
          };
        });
      },
      { url: `/assets/${script}`, n: N, police: { kid: police.kid, publicKey: police.publicKey }, powBits: d.powBits, template },
    );
    const queued = ((await readStore(page, 'outbox')) as Array<{ id: string; body: string }>);
    expect(queued).toHaveLength(N);
    expect(new Set(queued.map((r) => Object.keys(r).sort().join()))).toEqual(new Set([Object.keys(template).sort().join()]));
    const ids = new Set(queued.map((r) => r.id));

    // 3. Chaos on every report POST from now on, by a fixed pattern (the route above).
    chaos = true;

    // 4. Drain: wake the app's outbox as a connection coming back does, until it is empty;
    // restart the Worker once half is delivered.
    const deadline = Date.now() + (STRESS ? 1_500_000 : 480_000);
    let restarted = false;
    let maxEffort = d.powBits;
    for (let left = await outboxCount(page); left.waiting > 0 && Date.now() < deadline; ) {
      if (!restarted && left.waiting <= N / 2) {
        restarted = true;
        await worker.restart();
      }
      await page.evaluate(() => dispatchEvent(new Event('online')));
      const before = left.waiting;
      for (let t = 0; t < 10 && left.waiting === before; t++) {
        await page.waitForTimeout(250);
        left = await outboxCount(page);
      }
      const meta = await fetch(worker.apiUrl + '/api/v1/meta').then((r) => r.json() as Promise<{ powBits: number }>).catch(() => null);
      maxEffort = Math.max(maxEffort, meta?.powBits ?? 0);
    }
    const left = await outboxCount(page);
    const meta = (await (await fetch(worker.apiUrl + '/api/v1/meta')).json()) as { powBits: number; powCeiling?: number };
    console.log(`chaos: ${N} reports, ${c} POSTs, faults ${JSON.stringify(faults)}, Worker restarted: ${restarted}, highest effort seen ${maxEffort} (base ${d.powBits}${meta.powCeiling ? `, ceiling ${meta.powCeiling}` : ', no adaptive effort in this Worker'})`);

    // 5. Counted in D1: exactly N, every id once, none lost; the outbox empty, nothing refused.
    expect(left).toEqual({ waiting: 0, other: 0 });
    const stored = await listReports(worker.apiUrl);
    expect(stored).toHaveLength(N);
    expect(new Set(stored.map((r) => r.id))).toEqual(ids);
    expect(restarted).toBe(true);
    for (const f of ['cut-before', 'cut-after', '503-before', '502-after', 'timeout', 'pow-higher'] as const) expect(faults[f], f).toBeGreaterThan(0);
    // With the adaptive effort (a Worker that publishes powCeiling), the effort really rose.
    if (meta.powCeiling) expect(maxEffort).toBeGreaterThan(d.powBits);
    await context.close();
  }, STRESS ? 1_800_000 : 600_000);
});
