/**
 * Steps shared by the reporter-app browser tests (e2e/pwa-*.test.ts): open the app as a
 * resident would (a small phone, French), fill the Stop Deal form through its labels, and
 * read the outbox and lists the way the screen shows them.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { visit } from './browser.ts';
import { testEnv } from './env.ts';

export const PHONE = { viewport: { width: 360, height: 640 }, locale: 'fr-FR', deviceScaleFactor: 1, hasTouch: true };

/** A fresh resident: new browser context, the app opened once online, its service worker in control. */
export async function openApp(
  browser: Browser,
  opts: { serviceWorkers?: 'allow' | 'block'; beforeOpen?: (context: BrowserContext) => Promise<unknown> } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ ...PHONE, serviceWorkers: opts.serviceWorkers ?? 'allow' });
  await opts.beforeOpen?.(context);
  const page = await context.newPage();
  await visit(page, testEnv().apiUrl + '/');
  await page.getByRole('heading', { level: 1 }).waitFor();
  if (opts.serviceWorkers !== 'block') await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
  return { context, page };
}

export const next = (page: Page) => page.getByRole('button', { name: 'Suivant', exact: true }).click();

/** Fills the six steps of Stop Deal in French, with `details` as free text, up to the review. */
export async function fillStopDeal(page: Page, o: { place: string; details?: string; contact?: string }): Promise<void> {
  await page.getByRole('button', { name: /Stop Deal/ }).first().click();
  await page.getByRole('heading', { level: 2, name: 'Où ?' }).waitFor();
  await page.getByLabel('Argentine').check();
  await page.getByLabel(/Rue, adresse ou repère/).fill(o.place);
  await next(page);
  await page.getByLabel(/^Date/).fill('2026-11-20');
  await page.getByLabel(/Heure \(ou début\)/).fill('21:30');
  await page.getByLabel('À heures fixes').check();
  await page.getByLabel(/Quelles heures/).fill('de 17 h à 22 h');
  await next(page);
  await page.getByLabel('Vente').check();
  await page.getByLabel('Guetteurs').check();
  await page.getByLabel('Crack').check();
  await next(page);
  await page.getByRole('button', { name: 'Ajouter des personnes' }).click();
  await page.getByLabel('Combien ?').fill('2');
  await page.getByLabel('Guetteur', { exact: true }).check();
  await next(page);
  await page.getByRole('button', { name: 'Ajouter un véhicule' }).click();
  await page.getByLabel('Moto ou scooter').check();
  await page.getByLabel(/Couleur/).fill('noir');
  await next(page);
  if (o.details) await page.getByLabel(/Ce que vous voulez ajouter/).fill(o.details);
  if (o.contact) await page.getByLabel(/Comment la police peut vous joindre/).fill(o.contact);
  await page.getByRole('button', { name: 'Relire avant d’envoyer' }).click();
  await page.getByRole('heading', { level: 2, name: 'Relisez avant d’envoyer' }).waitFor();
}

/** Taps "Envoyer" and returns the receipt code shown once. */
export async function send(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Envoyer', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Votre signalement est scellé' }).waitFor({ timeout: 30_000 });
  const code = await page.locator('[data-code]').getAttribute('data-code');
  expect(code).toMatch(/^[0-7][0-9A-HJKMNP-TV-Z]{3}(-[0-9A-HJKMNP-TV-Z]{4}){5}-[0-9A-HJKMNP-TV-Z]{2}$/);
  return code!;
}

/** Statuses of "Mes signalements" on the home screen, newest first. */
export async function homeStatuses(page: Page): Promise<string[]> {
  await page.getByRole('heading', { level: 2, name: 'Mes signalements' }).waitFor();
  await page.waitForFunction(() => !document.querySelector('section[aria-labelledby="reports-heading"]')?.textContent?.includes('Chargement'));
  return page.locator('li.report').evaluateAll((els) => els.map((e) => e.getAttribute('data-status') ?? ''));
}

/** Rows of one IndexedDB store of the app (none if the store does not exist); bytes as arrays, so a search for a string in them is meaningful. */
export function readStore(page: Page, store: string): Promise<unknown[]> {
  return page.evaluate(
    (name) =>
      new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open('stopdeal');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(name)) {
            db.close();
            return resolve([]);
          }
          const req = db.transaction(name).objectStore(name).getAll();
          req.onsuccess = () => {
            db.close();
            resolve(JSON.parse(JSON.stringify(req.result, (_k, v) => (v instanceof Uint8Array ? Array.from(v) : v))));
          };
          req.onerror = () => reject(req.error);
        };
      }),
    store,
  );
}

/**
 * Fires the app's registered Background Sync (`outbox`) through Chromium's devtools protocol,
 * as Chromium does when a connection appears; `blank` is any page of the context.
 */
export async function fireOutboxSync(context: BrowserContext, blank: Page): Promise<void> {
  const apiUrl = testEnv().apiUrl;
  const cdp = await context.newCDPSession(blank);
  const registrationId = new Promise<string>((resolve) =>
    cdp.on('ServiceWorker.workerRegistrationUpdated', (e: { registrations: Array<{ registrationId: string; scopeURL: string; isDeleted: boolean }> }) => {
      const reg = e.registrations.find((r) => r.scopeURL.startsWith(apiUrl) && !r.isDeleted);
      if (reg) resolve(reg.registrationId);
    }),
  );
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.dispatchSyncEvent', { origin: apiUrl, registrationId: await registrationId, tag: 'outbox', lastChance: false });
}

/** axe's findings (WCAG 2.2 AA and best practice), as readable lines. */
export async function axe(p: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page: p }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

/** Layout facts of a phone screen: no sideways scroll, 18 px text, 48 px targets. */
export function layout(p: Page) {
  return p.evaluate(() => {
    const small: string[] = [];
    const targets = document.querySelectorAll<HTMLElement>('button, a[href], input:not([type=radio]):not([type=checkbox]), select, textarea, summary, .option');
    for (const el of targets) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (el.classList.contains('skip-link') || el.closest('.error-summary')) continue;
      if (r.height < 48 || r.width < 48) small.push(`${el.tagName.toLowerCase()}.${el.className} "${(el.textContent ?? '').trim().slice(0, 30)}" ${Math.round(r.width)}×${Math.round(r.height)}`);
    }
    return {
      horizontalScroll: document.documentElement.scrollWidth > document.documentElement.clientWidth,
      bodyFontPx: parseFloat(getComputedStyle(document.body).fontSize),
      lang: document.documentElement.lang,
      small,
    };
  });
}
