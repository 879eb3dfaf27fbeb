/**
 * The optional point (issue 2): taken from the phone only when the resident taps "use my
 * position", rounded to 3 decimals (about 110 m) before it is kept or sealed; a refusal
 * says what to do instead.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveFromReceipt, parseReceiptCode } from '../crypto/index.ts';
import { launchBrowser } from './browser.ts';
import { listReports, openStored } from './officer.ts';
import { next, openApp, readStore, send } from './pwa-steps.ts';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('reporter app position', () => {
  it('adds a rounded position only when asked, and seals the rounded one', async () => {
    const { context, page } = await openApp(browser);
    await context.grantPermissions(['geolocation']);
    await context.setGeolocation({ latitude: 49.431234, longitude: 2.084567, accuracy: 25 });
    await page.getByRole('button', { name: 'Commencer un signalement : Stop Deal' }).click();
    await page.getByLabel('Centre-ville').check();
    await page.getByLabel(/Rue, adresse ou repère/).fill('Devant la gare');
    await page.getByText('c’est la position de votre téléphone, là où vous êtes maintenant').waitFor();
    await page.getByRole('button', { name: 'Utiliser ma position' }).click();
    await page.getByText('Position ajoutée, arrondie (à environ 111 m près). 49,431, 2,085').waitFor();
    // The draft holds the rounded point only (checked inside the encrypted box via the review).
    await next(page);
    await page.getByLabel(/^Date/).fill('2026-11-22');
    await page.getByLabel('Plusieurs fois').check();
    await next(page);
    await page.getByLabel('Consommation').check();
    for (let i = 0; i < 3; i++) await next(page);
    await page.getByRole('button', { name: 'Relire avant d’envoyer' }).click();
    await page.getByText('49,431, 2,085 (à environ 111 m près)').waitFor();
    const id = (await deriveFromReceipt(parseReceiptCode(await send(page)))).id;
    await page.locator('p.delivery[data-status="sent"]').waitFor({ timeout: 30_000 });
    const stored = (await listReports()).find((r) => r.id === id)!;
    expect((await openStored(stored)).report.answers.point).toEqual({ lat: 49.431, lon: 2.085, accuracy: 111 });
    await context.close();
  });

  it('says what to do when the phone refuses, and asks nothing until tapped', async () => {
    // Count every call to the geolocation API made by the page.
    const { context, page } = await openApp(browser, {
      beforeOpen: (c) =>
        c.addInitScript(() => {
          const geo = navigator.geolocation;
          const original = geo.getCurrentPosition.bind(geo);
          (globalThis as { geoCalls?: number }).geoCalls = 0;
          geo.getCurrentPosition = (...args: Parameters<Geolocation['getCurrentPosition']>) => {
            (globalThis as { geoCalls?: number }).geoCalls! += 1;
            original(...args);
          };
          geo.watchPosition = () => {
            throw new Error('watchPosition must never be used');
          };
        }),
    });
    const calls = () => page.evaluate(() => (globalThis as { geoCalls?: number }).geoCalls);
    await page.getByRole('button', { name: 'Commencer un signalement : Stop Deal' }).click();
    await page.getByLabel('Centre-ville').check();
    await page.getByLabel(/Rue, adresse ou repère/).fill('Sans position');
    expect(await calls()).toBe(0);
    await page.getByRole('button', { name: 'Utiliser ma position' }).click();
    await page.getByText(/Le téléphone n’a pas donné sa position|Position introuvable|La position met trop de temps/).waitFor({ timeout: 30_000 });
    expect(await calls()).toBe(1);
    await next(page);
    await page.getByRole('heading', { level: 2, name: 'Quand ?' }).waitFor();
    await expect.poll(async () => (await readStore(page, 'drafts')).length).toBe(1);
    await context.close();
  });
});
