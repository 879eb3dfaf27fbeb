/**
 * libsodium is loaded lazily (issue 2): the app renders and the whole form can be filled
 * while libsodium has not arrived; "Envoyer" then waits for it, and seals once it comes.
 */
import type { Browser, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser.ts';
import { listReports } from './officer.ts';
import { fillStopDeal, openApp } from './pwa-steps.ts';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('reporter app before libsodium arrives', () => {
  it('is usable at once, and seals when libsodium comes', async () => {
    const held: Route[] = [];
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    // No service worker: every chunk comes from the network, where libsodium is held back.
    const { context, page } = await openApp(browser, {
      serviceWorkers: 'block',
      beforeOpen: (c) =>
        c.route('**/assets/libsodium-wrappers-*.js', async (route) => {
          held.push(route);
          await released;
          await route.continue();
        }),
    });

    await fillStopDeal(page, { place: 'Parking du centre commercial', details: 'avant libsodium' });
    // The whole form was filled while libsodium was asked for and not delivered.
    expect(held.length).toBeGreaterThan(0);

    const before = (await listReports()).length;
    await page.getByRole('button', { name: 'Envoyer', exact: true }).click();
    await page.getByText('Scellement du signalement sur ce téléphone…').waitFor();
    await page.waitForTimeout(1000);
    expect(new URL(page.url()).pathname).toBe('/signaler/stop-deal');

    release();
    await page.getByRole('heading', { level: 1, name: 'Votre signalement est scellé' }).waitFor({ timeout: 30_000 });
    await page.locator('p.delivery[data-status="sent"]').waitFor({ timeout: 30_000 });
    expect((await listReports()).length).toBe(before + 1);
    await context.close();
  });

  it('the page never loads libsodium itself: only the crypto worker does, on demand', async () => {
    const { context, page } = await openApp(browser, { serviceWorkers: 'block' });
    const scripts = await page.evaluate(() => [...document.querySelectorAll('script[src]')].map((s) => (s as HTMLScriptElement).src));
    expect(scripts).toHaveLength(1);
    const shell = await (await fetch(scripts[0]!)).text();
    expect(shell).not.toMatch(/sodium_init|_crypto_box_seal|libsodium-wrappers-/);
    // The shell names the worker; the worker names libsodium, behind a dynamic import.
    const workerName = /assets\/crypto-[\w-]+\.js/.exec(shell)?.[0];
    expect(workerName).toBeTruthy();
    const workerCode = await (await fetch(new URL('/' + workerName, scripts[0]!))).text();
    expect(workerCode).toMatch(/import\([^)]*libsodium-wrappers-/);
    expect(workerCode).not.toMatch(/sodium_init/);
    await context.close();
  });
});
