/**
 * Delivery when the network misbehaves (issue 2, PROTOCOL §3): a request that reaches the
 * Worker but whose answer is lost is retried with the same bytes and stored once; a
 * refusal is kept and shown as "non accepté", never dropped; `pow_invalid` makes the app
 * solve the proof of work again (Web Worker) and resend with only `pow` changed.
 */
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { deriveFromReceipt, parseReceiptCode } from '../crypto/index.ts';
import { launchBrowser } from './browser.ts';
import { listReports } from './officer.ts';
import { fillStopDeal, homeStatuses, openApp, readStore, send } from './pwa-steps.ts';

const run = Date.now().toString(36);
const REPORTS = '**/api/v1/reports';
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

afterEach(async () => {
  await context?.close();
});

const idOf = async (code: string) => (await deriveFromReceipt(parseReceiptCode(code))).id;
const storedCount = async (id: string) => (await listReports()).filter((r) => r.id === id).length;

describe('reporter app delivery under failures', () => {
  it('retries a request interrupted after reaching the Worker: same bytes, stored once', async () => {
    ({ context, page } = await openApp(browser));
    const bodies: string[] = [];
    const firstStatus: number[] = [];
    await context.route(REPORTS, async (route: Route) => {
      bodies.push(route.request().postData() ?? '');
      if (bodies.length === 1) {
        // The request reaches the Worker and is stored; the answer never reaches the phone.
        const answer = await route.fetch();
        firstStatus.push(answer.status());
        await route.abort('connectionreset');
      } else {
        await route.continue();
      }
    });
    await fillStopDeal(page, { place: `INTERRUPTED-${run}` });
    const id = await idOf(await send(page));
    await page.locator('p.delivery[data-status="sent"]').waitFor({ timeout: 30_000 });
    await expect(page.locator('p.delivery').innerText()).resolves.toBe('Envoyé');
    expect(firstStatus).toEqual([201]);
    expect(bodies.length).toBeGreaterThanOrEqual(2);
    expect(new Set(bodies).size).toBe(1);
    expect(await storedCount(id)).toBe(1);
    expect(await readStore(page, 'outbox')).toEqual([]);
  });

  it('keeps a refused report, marked "non accepté" with its code, and sends it when asked again', async () => {
    ({ context, page } = await openApp(browser));
    await context.route(REPORTS, (route: Route) =>
      route.fulfill({ status: 422, contentType: 'application/json', body: JSON.stringify({ error: { code: 'unknown_key', message: 'unknown key' } }) }),
    );
    await fillStopDeal(page, { place: `REFUSED-${run}` });
    const id = await idOf(await send(page));
    await page.locator('p.delivery[data-status="rejected"]').waitFor({ timeout: 30_000 });
    await expect(page.locator('p.delivery').innerText()).resolves.toContain('Non accepté par le serveur (code : unknown_key)');
    await page.getByRole('button', { name: 'J’ai noté le code' }).click();
    expect(await homeStatuses(page)).toEqual(['rejected']);
    // Still there after a reload: never dropped silently.
    await page.reload();
    expect(await homeStatuses(page)).toEqual(['rejected']);
    expect(((await readStore(page, 'outbox')) as Array<{ id: string; state: string; errorCode: string }>).map((o) => [o.id, o.state, o.errorCode])).toEqual([[id, 'rejected', 'unknown_key']]);
    expect(await storedCount(id)).toBe(0);

    await context.unroute(REPORTS);
    await page.getByRole('button', { name: 'Réessayer l’envoi' }).click();
    await page.locator('li.report[data-status="sent"]').waitFor({ timeout: 30_000 });
    expect(await storedCount(id)).toBe(1);
  });

  it('solves the proof of work again on pow_invalid and resends with only `pow` changed', async () => {
    ({ context, page } = await openApp(browser));
    const bodies: string[] = [];
    await context.route(REPORTS, async (route: Route) => {
      bodies.push(route.request().postData() ?? '');
      if (bodies.length === 1) {
        await route.fulfill({ status: 400, contentType: 'application/json', body: JSON.stringify({ error: { code: 'pow_invalid', message: 'proof of work too weak' } }) });
      } else {
        await route.continue();
      }
    });
    await fillStopDeal(page, { place: `POW-${run}` });
    const id = await idOf(await send(page));
    await page.locator('p.delivery[data-status="sent"]').waitFor({ timeout: 30_000 });
    expect(bodies).toHaveLength(2);
    const [first, second] = bodies.map((b) => JSON.parse(b) as Record<string, string>);
    expect(second!.pow).not.toBe(first!.pow);
    expect({ ...second, pow: '' }).toEqual({ ...first, pow: '' });
    expect(Object.keys(second!)).toEqual(Object.keys(first!));
    expect(await storedCount(id)).toBe(1);
  });
});
