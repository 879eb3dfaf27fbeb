/**
 * "Quitter vite" that also erases, and the discreet install (issue Q). With the option off,
 * quick exit keeps the draft: e2e/pwa-draft.test.ts tests that and is not repeated here.
 * With it on, the tap still replaces the page at once, and the erasure completes after the
 * page is gone: by the service worker, or by the page itself when service workers are
 * blocked. The app then still opens offline and nothing on the phone holds the draft, the
 * waiting report, its id or its kept code. The discreet install switches the page's
 * manifest (as Chromium itself reads it), title, theme colour and icons, all precached.
 */
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, visit } from './browser.ts';
import { testEnv } from './env.ts';
import { listReports } from './officer.ts';
import { axe, fillStopDeal, homeStatuses, layout, openApp, readStore, send } from './pwa-steps.ts';
import { dumpStorage } from './viewer-steps.ts';

const env = testEnv();
const run = Date.now().toString(36);
let browser: Browser;
let context: BrowserContext | undefined;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  await context?.close();
  context = undefined;
});

const settings = (p: Page) => p.getByRole('button', { name: /^Réglages|^Settings/ }).click();
const ERASES = '« Quitter vite » efface aussi tout';
const DISCREET = 'Installer l’app sous un nom discret';

/** The app's IndexedDB databases, read through devtools from any page (no app page is opened for it). */
async function databaseNames(cdp: CDPSession): Promise<string[]> {
  const { databaseNames } = (await cdp.send('IndexedDB.requestDatabaseNames', { securityOrigin: env.apiUrl })) as { databaseNames: string[] };
  return databaseNames;
}

/**
 * The resident's situation before the tap: a report sealed offline (waiting in the outbox)
 * with its receipt code kept on the phone, and a draft with a canary. Returns what must vanish.
 */
async function leaveTraces(page: Page, tag: string, hold: 'offline' | 'unreachable'): Promise<{ reportId: string; code: string; canary: string }> {
  const canary = `CANARY-${tag}-${run}`;
  // Offline needs the service worker's precache (sealing loads libsodium lazily); without
  // one, the API is made unreachable instead, which leaves the report waiting just the same.
  if (hold === 'offline') await page.context().setOffline(true);
  else await page.context().route('**/api/v1/**', (route) => route.abort('internetdisconnected'));
  await fillStopDeal(page, { place: `${canary}-SENT`, details: `${canary} en attente` });
  const code = await send(page);
  await page.getByLabel('Garder ce code sur ce téléphone').check();
  await expect.poll(async () => (await readStore(page, 'mailboxes')).length, { timeout: 5000 }).toBe(1);
  const outbox = (await readStore(page, 'outbox')) as Array<{ id: string; state: string }>;
  expect(outbox.map((r) => r.state)).toEqual(['waiting']);
  const reportId = outbox[0]!.id;
  await page.getByRole('button', { name: 'J’ai noté le code' }).click();
  await page.getByRole('button', { name: 'Commencer un signalement : Stop Rodéos' }).click();
  await page.getByLabel(/Rue, adresse ou repère/).fill(`${canary}-DRAFT`);
  await expect.poll(async () => (await readStore(page, 'drafts')).length, { timeout: 5000 }).toBe(1);
  // Before the tap, the storage does hold the report id: the check below can fail.
  expect(await dumpStorage(page)).toContain(reportId);
  return { reportId, code, canary };
}

/** Taps "Quitter vite" and returns how long the page took to become blank. */
async function tapQuickExit(page: Page): Promise<number> {
  const started = Date.now();
  await page.getByRole('button', { name: /^Quitter vite/ }).click();
  await page.waitForURL('about:blank', { timeout: 2000 });
  const ms = Date.now() - started;
  expect(await page.title()).toBe('');
  expect(await page.evaluate(() => document.body?.innerText ?? '')).toBe('');
  return ms;
}

/** Reopens the app and checks it is empty: no draft, no report, no code, nothing stored that names them. */
async function expectNothingLeft(again: Page, traces: { reportId: string; code: string; canary: string }): Promise<void> {
  await visit(again, env.apiUrl + '/');
  await again.getByRole('heading', { level: 1 }).waitFor();
  expect(await homeStatuses(again)).toEqual([]);
  await again.getByText('Aucun signalement pour l’instant.').waitFor();
  expect(await again.getByRole('button', { name: /^Reprendre le signalement commencé/ }).count()).toBe(0);
  for (const store of ['drafts', 'draftPhotos', 'keys', 'outbox', 'outboxBlobs', 'sent', 'mailboxes'] as const) expect(await readStore(again, store), store).toEqual([]);
  const dump = await dumpStorage(again);
  for (const needle of [traces.reportId, traces.code, traces.code.replaceAll('-', ''), traces.canary]) expect(dump).not.toContain(needle);
  // Web Storage keeps only the choice itself (services/phoneChoices.ts).
  expect(await again.evaluate(() => ({ ...localStorage }))).toEqual({ 'stopdeal.quickExitErases': '1' });
  expect(await again.evaluate(() => sessionStorage.length)).toBe(0);
}

describe('quick exit that erases', () => {
  it('is off by default, explained, and axe-clean on a small phone with both options on', async () => {
    let page: Page;
    ({ context, page } = await openApp(browser));
    await settings(page);
    const erases = page.getByRole('checkbox', { name: ERASES });
    const discreet = page.getByRole('checkbox', { name: DISCREET });
    expect(await erases.isChecked()).toBe(false);
    expect(await discreet.isChecked()).toBe(false);
    await expect(erases.getAttribute('aria-describedby').then((id) => page.locator(`#${id}`).innerText())).resolves.toMatch(/signalements pas encore envoyés/);
    await expect(discreet.getAttribute('aria-describedby').then((id) => page.locator(`#${id}`).innerText())).resolves.toMatch(/déjà installée garde son nom/);
    expect(await axe(page)).toEqual([]);
    await erases.check();
    await discreet.check();
    await page.getByText('« Quitter vite » effacera tout.').waitFor();
    expect(await axe(page)).toEqual([]);
    const l = await layout(page);
    expect(l.horizontalScroll).toBe(false);
    expect(l.bodyFontPx).toBeGreaterThanOrEqual(18);
    expect(l.small).toEqual([]);
    // Remembered across a reload.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Réglages' }).waitFor();
    expect(await page.getByRole('checkbox', { name: ERASES }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: DISCREET }).isChecked()).toBe(true);
  });

  it('with a service worker: the page is blank at once, the worker erases everything, the app still opens offline', async () => {
    let page: Page;
    ({ context, page } = await openApp(browser));
    await settings(page);
    await page.getByRole('checkbox', { name: ERASES }).check();
    await page.getByRole('button', { name: 'Retour à l’accueil' }).click();
    const traces = await leaveTraces(page, 'SW', 'offline');
    expect(await databaseNames(await context.newCDPSession(page))).toContain('stopdeal');

    const blankMs = await tapQuickExit(page);
    expect(blankMs).toBeLessThan(1000);
    // Wait for the service worker, watching through devtools from the blank page (opening
    // the app would create an empty database again).
    const cdp = await context.newCDPSession(page);
    const started = Date.now();
    await expect.poll(() => databaseNames(cdp), { timeout: 10_000, interval: 50 }).toEqual([]);
    console.log(`quick exit (service worker): blank after ${blankMs} ms, databases gone ${Date.now() - started} ms after that`);

    // Reopened offline: it opens from the precache, empty.
    const again = await context.newPage();
    await expectNothingLeft(again, traces);
    const caches = await again.evaluate(async () => Promise.all((await globalThis.caches.keys()).map(async (n) => [n, (await (await globalThis.caches.open(n)).keys()).length] as const)));
    expect(caches.length).toBeGreaterThan(0);
    expect(caches.every(([name, n]) => name.startsWith('workbox-precache') && n > 5)).toBe(true);
    await visit(again, env.apiUrl + '/signaler/stop-deal');
    await again.getByRole('heading', { level: 2, name: 'Où ?' }).waitFor();

    // The report never left: back online, nothing is delivered.
    await context.setOffline(false);
    await again.waitForTimeout(1500);
    expect((await listReports()).some((r) => r.id === traces.reportId)).toBe(false);
  });

  it('with service workers blocked: the page starts the erasure itself before it is replaced', async () => {
    let page: Page;
    ({ context, page } = await openApp(browser, { serviceWorkers: 'block' }));
    expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
    await settings(page);
    await page.getByRole('checkbox', { name: ERASES }).check();
    await page.getByRole('button', { name: 'Retour à l’accueil' }).click();
    const traces = await leaveTraces(page, 'PAGE', 'unreachable');

    const blankMs = await tapQuickExit(page);
    expect(blankMs).toBeLessThan(1000);
    const cdp = await context.newCDPSession(page);
    await expect.poll(() => databaseNames(cdp), { timeout: 10_000, interval: 50 }).toEqual([]);

    // No service worker, so the app opens only online; the report it had must not go out.
    await context.unrouteAll();
    const again = await context.newPage();
    await expectNothingLeft(again, traces);
    await again.waitForTimeout(1500);
    expect((await listReports()).some((r) => r.id === traces.reportId)).toBe(false);
  });
});

describe('discreet install', () => {
  /** The manifest Chromium itself reads for installation (devtools `Page.getAppManifest`). */
  async function installManifest(page: Page): Promise<{ url: string; name: string; shortName: string; icons: string[] }> {
    const cdp = await page.context().newCDPSession(page);
    const { url, data } = (await cdp.send('Page.getAppManifest')) as { url: string; data: string };
    await cdp.detach();
    const m = JSON.parse(data) as { name: string; short_name: string; icons: Array<{ src: string }> };
    return { url, name: m.name, shortName: m.short_name, icons: m.icons.map((i) => new URL(i.src, url).href) };
  }

  it('switches manifest, title, theme colour and icons, served and precached; turning it off restores Stop Deal', async () => {
    let page: Page;
    ({ context, page } = await openApp(browser));
    const before = await installManifest(page);
    expect(before.shortName).toBe('Stop Deal');
    expect(await page.title()).toBe('Stop Deal');

    await settings(page);
    await page.getByRole('checkbox', { name: DISCREET }).check();
    await expect.poll(() => page.title()).toBe('Mémo');
    const discreet = await installManifest(page);
    expect(discreet.url).toBe(`${env.apiUrl}/memo.webmanifest`);
    expect({ name: discreet.name, shortName: discreet.shortName }).toEqual({ name: 'Mémo', shortName: 'Mémo' });
    expect(discreet.icons).toHaveLength(3);
    for (const icon of discreet.icons) {
      const res = await context.request.get(icon);
      expect([icon, res.status(), res.headers()['content-type']]).toEqual([icon, 200, 'image/png']);
    }
    expect(await page.evaluate(() => document.querySelector('meta[name="theme-color"]')?.getAttribute('content'))).toBe('#56616b');
    expect(await page.evaluate(() => document.querySelector('link[rel="icon"]')?.getAttribute('href'))).toBe('/icons/memo-192.png');

    // Precached: the second manifest and its icons come from the cache with no connection,
    // and the app reopens offline already discreet (before anything is rendered).
    // Workbox keys files without a hash in their name with a revision parameter.
    const precached = await page.evaluate(async (urls) => Promise.all(urls.map(async (u) => !!(await caches.match(u, { ignoreSearch: true })))), [discreet.url, ...discreet.icons]);
    expect(precached).toEqual([true, true, true, true]);
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Réglages' }).waitFor();
    expect(await page.title()).toBe('Mémo');
    expect((await installManifest(page)).name).toBe('Mémo');
    const offlineIcon = await page.evaluate(async (u) => {
      const r = await fetch(u);
      return [r.status, r.headers.get('content-type')];
    }, discreet.icons[0]!);
    expect(offlineIcon).toEqual([200, 'image/png']);

    await page.getByRole('checkbox', { name: DISCREET }).uncheck();
    await expect.poll(() => page.title()).toBe('Stop Deal');
    const back = await installManifest(page);
    expect({ url: back.url, shortName: back.shortName }).toEqual({ url: `${env.apiUrl}/manifest.webmanifest`, shortName: 'Stop Deal' });
    expect(await page.evaluate(() => document.querySelector('meta[name="theme-color"]')?.getAttribute('content'))).toBe('#12355b');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Réglages' }).waitFor();
    expect(await page.title()).toBe('Stop Deal');
  });
});
