/**
 * Steps shared by the viewer's browser tests: unlock with the test keyring, serve a report
 * list from memory (same pages, cursor and `next` as PROTOCOL §5, CORS included), and dump
 * everything an origin keeps, to prove no plaintext is left behind.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page, Route } from 'playwright-core';
import type { ReportItem } from '../schemas/api.ts';
import { visit } from './browser.ts';
import { testEnv } from './env.ts';

/** Loads the test keyring into a fresh viewer page and unlocks it. */
export async function unlockViewer(p: Page, keyring = readFileSync(testEnv().keyringFile, 'utf8'), passphrase = testEnv().passphrase): Promise<void> {
  await visit(p, testEnv().viewerUrl + '/');
  await p.setInputFiles('#keyring-file', { name: 'trousseau.json', mimeType: 'application/json', buffer: Buffer.from(keyring) });
  await p.fill('#passphrase', passphrase);
  await p.getByRole('button', { name: 'Déverrouiller' }).click();
}

/** axe violations on a viewer screen (WCAG 2.1 A and AA, best practice), one readable line each; `include` narrows to a selector. */
export async function viewerAxe(p: Page, include?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page: p }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']);
  if (include) builder = builder.include(include);
  const results = await builder.analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Records every CSP violation of the context's pages in `window.__csp`, from the first script on. */
export async function watchCsp(c: BrowserContext): Promise<void> {
  await c.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}

/** In-app navigation to `path` (a page load would lock the viewer and wipe its memory). */
export async function goInViewer(p: Page, path: string): Promise<void> {
  await p.evaluate((to) => {
    history.pushState(null, '', to);
    dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

/** A `page.route` handler answering `GET /api/v1/reports?after=&limit=` from `items`. */
export function serveReportList(items: readonly ReportItem[]): (route: Route) => Promise<void> {
  const env = testEnv();
  return (route) => {
    const cors = { 'Access-Control-Allow-Origin': env.viewerUrl, 'Access-Control-Allow-Headers': 'Authorization, Content-Type', 'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE', Vary: 'Origin' };
    if (route.request().method() === 'OPTIONS') return route.fulfill({ status: 204, headers: cors });
    const url = new URL(route.request().url());
    const after = Number(url.searchParams.get('after') || 0);
    const limit = Math.min(500, Number(url.searchParams.get('limit') || 100));
    const chunk = items.filter((i) => i.seq > after).slice(0, limit);
    const next = chunk.length && chunk[chunk.length - 1]!.seq < items[items.length - 1]!.seq ? chunk[chunk.length - 1]!.seq : null;
    return route.fulfill({ status: 200, headers: { ...cors, 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }, body: JSON.stringify({ reports: chunk, next }) });
  };
}

/** Everything the origin keeps: IndexedDB (every database, store and record), Cache Storage, Web Storage. */
export function dumpStorage(p: Page): Promise<string> {
  return p.evaluate(async () => {
    const out: unknown[] = [];
    for (const info of await indexedDB.databases()) {
      const db = await new Promise<IDBDatabase>((ok, ko) => {
        const r = indexedDB.open(info.name!);
        r.onsuccess = () => ok(r.result);
        r.onerror = () => ko(r.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const rows = await new Promise<unknown[]>((ok, ko) => {
          const r = db.transaction(store).objectStore(store).getAll();
          r.onsuccess = () => ok(r.result);
          r.onerror = () => ko(r.error);
        });
        out.push({ db: info.name, store, rows });
      }
      db.close();
    }
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const req of await cache.keys()) out.push({ cache: name, url: req.url, body: await (await cache.match(req))!.text() });
    }
    out.push({ local: { ...localStorage }, session: { ...sessionStorage } });
    return JSON.stringify(out);
  });
}
