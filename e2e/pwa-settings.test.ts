/**
 * Settings (issue 2): the app speaks English on request (and remembers it), and
 * "Effacer toutes les données de l'app" removes drafts, their key, the outbox and the
 * lists, warning first about reports not yet sent, while the app itself still opens offline.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, visit } from './browser.ts';
import { testEnv } from './env.ts';
import { fillStopDeal, homeStatuses, openApp, readStore, send } from './pwa-steps.ts';

let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  ({ context, page } = await openApp(browser));
});
afterAll(async () => {
  await browser?.close();
});

const settings = (p: Page) => p.getByRole('button', { name: /^Réglages|^Settings/ }).click();

describe('reporter app settings', () => {
  it('switches to English and back, remembered across reloads', async () => {
    await settings(page);
    await page.getByLabel('English').check();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await page.getByRole('button', { name: 'Back to the start' }).click();
    await page.getByRole('heading', { level: 1, name: 'Report drug dealing without exposing yourself' }).waitFor();
    // Form labels come from the form definition's English text.
    await page.getByRole('button', { name: 'Start a report: Stop Deal' }).click();
    await page.getByRole('heading', { level: 2, name: 'Where?' }).waitFor();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('Write an answer for “Street, address or landmark”.').first().waitFor();
    await page.getByRole('button', { name: 'Back to the start' }).click();
    await settings(page);
    await page.getByLabel('Français').check();
    await page.getByRole('heading', { level: 1, name: 'Réglages' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    await page.getByRole('button', { name: 'Retour à l’accueil' }).click();
  });

  it('wipes every piece of data, after warning about reports not yet sent; the app still opens offline', async () => {
    // One report sent, one waiting (offline), one draft.
    await fillStopDeal(page, { place: 'Envoyé avant effacement' });
    await send(page);
    await page.locator('p.delivery[data-status="sent"]').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'J’ai noté le code' }).click();
    await context.setOffline(true);
    await fillStopDeal(page, { place: 'En attente avant effacement' });
    await send(page);
    await page.getByRole('button', { name: 'J’ai noté le code' }).click();
    await page.getByRole('button', { name: 'Commencer un signalement : Stop Rodéos' }).click();
    await page.getByLabel(/Rue, adresse ou repère/).fill('Brouillon avant effacement');
    await expect.poll(async () => (await readStore(page, 'drafts')).length).toBe(1);
    await page.getByRole('button', { name: 'Revenir à l’accueil' }).click();
    expect(await homeStatuses(page)).toEqual(['waiting', 'sent']);

    await settings(page);
    await page.getByRole('button', { name: 'Effacer toutes les données de l’app' }).click();
    await page.getByText('1 signalement n’est pas encore envoyé : il serait perdu.').waitFor();
    await page.getByRole('button', { name: 'Oui, tout effacer' }).click();
    await page.getByText('Toutes les données de l’app ont été effacées de ce téléphone.').waitFor();

    for (const store of ['drafts', 'keys', 'outbox', 'sent', 'settings'] as const) expect(await readStore(page, store)).toEqual([]);
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
    const caches = await page.evaluate(async () => Promise.all((await globalThis.caches.keys()).map(async (n) => [n, (await (await globalThis.caches.open(n)).keys()).length] as const)));
    expect(caches.length).toBeGreaterThan(0);
    expect(caches.every(([name, n]) => name.startsWith('workbox-precache') && n > 5)).toBe(true);

    await page.getByRole('button', { name: 'Retour à l’accueil' }).click();
    expect(await homeStatuses(page)).toEqual([]);
    await page.getByText('Aucun signalement pour l’instant.').waitFor();
    // Still installed and working with no connection.
    await visit(page, testEnv().apiUrl + '/signaler/stop-deal');
    await page.getByRole('heading', { level: 2, name: 'Où ?' }).waitFor();
    await expect(page.getByLabel(/Rue, adresse ou repère/).inputValue()).resolves.toBe('');
  });
});
