/**
 * Steps shared by the reporter-app browser tests (e2e/pwa-*.test.ts): open the app as a
 * resident would (a small phone, French), fill the Stop Deal form through its labels, and
 * read the outbox and lists the way the screen shows them.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
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
  await page.goto(testEnv().apiUrl + '/');
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

/** Rows of one IndexedDB store of the app, read as the browser holds them. */
export function readStore(page: Page, store: 'drafts' | 'outbox' | 'sent' | 'keys' | 'settings'): Promise<unknown[]> {
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
            resolve(req.result);
          };
          req.onerror = () => reject(req.error);
        };
      }),
    store,
  );
}
