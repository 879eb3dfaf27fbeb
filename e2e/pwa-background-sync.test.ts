/**
 * Background Sync (issue 2): a report sealed offline is delivered by the service worker's
 * `sync` event with no page of the app open, once; the app then lists it as sent.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveFromReceipt, parseReceiptCode } from '../crypto/index.ts';
import { launchBrowser, visit } from './browser.ts';
import { testEnv } from './env.ts';
import { listReports } from './officer.ts';
import { fillStopDeal, fireOutboxSync, homeStatuses, openApp, send } from './pwa-steps.ts';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('reporter app service worker', () => {
  it('delivers the outbox on a `sync` event with no page of the app open', async () => {
    const env = testEnv();
    const { context, page } = await openApp(browser);
    await context.setOffline(true);
    await fillStopDeal(page, { place: 'Livré par le service worker' });
    const id = (await deriveFromReceipt(parseReceiptCode(await send(page)))).id;

    // Leave only a blank page, so no page of the app can deliver; then reconnect.
    const blank = await context.newPage();
    await page.close();
    await context.setOffline(false);
    await blank.waitForTimeout(500);

    // Fire the registered sync, as Chromium does when a connection appears.
    await fireOutboxSync(context, blank);

    await expect.poll(async () => (await listReports()).filter((r) => r.id === id).length, { timeout: 20_000 }).toBe(1);
    const again = await context.newPage();
    await visit(again, env.apiUrl + '/');
    expect(await homeStatuses(again)).toEqual(['sent']);
    await again.waitForTimeout(1000);
    expect((await listReports()).filter((r) => r.id === id)).toHaveLength(1);
    await context.close();
  });
});
