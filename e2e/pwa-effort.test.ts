/**
 * The outbox follows the Worker's effort (issue 7, PROTOCOL §3): the Worker (here played by
 * `page.route` for the first answers) says `pow_invalid` with a raised `powBits`; the phone
 * shows that it is proving, solves again at that effort for the same id and sealed bytes,
 * and the report reaches the real local Worker exactly once.
 */
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPow, deriveFromReceipt, parseReceiptCode } from '../crypto/index.ts';
import { fromB64 } from '../schemas/encoding.ts';
import { launchBrowser } from './browser.ts';
import { deployment, listReports } from './officer.ts';
import { axe, fillStopDeal, openApp, readStore, send } from './pwa-steps.ts';

const run = Date.now().toString(36);
const REPORTS = '**/api/v1/reports';
let browser: Browser;
let context: BrowserContext | undefined;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

const powInvalid = (powBits: number) => ({ status: 400, contentType: 'application/json', body: JSON.stringify({ error: { code: 'pow_invalid', message: 'x', powBits } }) });

describe('reporter app under a raised effort', () => {
  it('solves again at the effort named, shows it, and delivers the same report once', async () => {
    const base = deployment().powBits;
    // Two rises; the second is hard enough (about 4 million hashes, seconds here at about a
    // million a second) for the proving screen to stay long enough to be looked at.
    const rises = [base + 4, base + 14];
    const top = rises.at(-1)!;
    let page: Page;
    ({ context, page } = await openApp(browser));
    const bodies: string[] = [];
    const reachedWorker: number[] = [];
    /** The fake Worker keeps asking for `top` bits until axe has looked at the proving screen. */
    let holding = true;
    await context.route(REPORTS, async (route: Route) => {
      if (route.request().method() !== 'POST') return route.continue();
      bodies.push(route.request().postData() ?? '');
      if (bodies.length <= rises.length) return route.fulfill(powInvalid(rises[bodies.length - 1]!));
      if (holding) return route.fulfill(powInvalid(top));
      const answer = await route.fetch();
      reachedWorker.push(answer.status());
      await route.fulfill({ response: answer });
    });

    await fillStopDeal(page, { place: `EFFORT-${run}` });
    const id = (await deriveFromReceipt(parseReceiptCode(await send(page)))).id;

    // While the phone proves: what it does, a labelled progress bar, and that it may stay open.
    const bar = page.getByRole('progressbar', { name: /Envoi en cours : votre téléphone prouve qu’il n’est pas un robot/ });
    let looked = false;
    for (let round = 0; round < 20 && !looked; round++) {
      await bar.waitFor({ timeout: 30_000 });
      const posted = bodies.length;
      const findings = await axe(page);
      const time = await page.locator('.proving-time').innerText().catch(() => '');
      const keepOpen = await page.getByText('Vous pouvez laisser l’application ouverte', { exact: false }).isVisible();
      // Only a look that began and ended within one and the same search counts, once the
      // worker has measured its rate and the expected time is shown.
      if (posted === bodies.length && (await bar.isVisible()) && / sur environ \d+ (s|min)$/.test(time)) {
        expect(findings).toEqual([]);
        expect(keepOpen).toBe(true);
        looked = true;
      } else await bar.waitFor({ state: 'hidden', timeout: 30_000 }).catch(() => undefined);
    }
    expect(looked).toBe(true);
    holding = false;

    await page.locator('p.delivery[data-status="sent"]').waitFor({ timeout: 90_000 });
    await expect(bar.count()).resolves.toBe(0);

    // Exactly once at the Worker, with the id and sealed bytes first sealed, and a proof of `top` bits.
    expect(reachedWorker).toEqual([201]);
    const posted = bodies.map((b) => JSON.parse(b) as Record<string, string>);
    const first = posted[0]!;
    const last = posted.at(-1)!;
    expect(posted.length).toBeGreaterThanOrEqual(rises.length + 1);
    for (const p of posted) {
      expect({ ...p, pow: '' }).toEqual({ ...first, pow: '' });
      expect(Object.keys(p)).toEqual(Object.keys(first));
    }
    expect(last.id).toBe(id);
    expect(await checkPow(last.id!, fromB64(last.sealed!), last.pow!, top)).toBe(true);
    const stored = (await listReports()).filter((r) => r.id === id);
    expect(stored.map((r) => r.sealed)).toEqual([first.sealed]);
    await page.waitForTimeout(1000);
    expect((await listReports()).filter((r) => r.id === id)).toHaveLength(1);

    // Nothing left in the outbox; the effort learnt is what new reports will be sealed at.
    expect(await readStore(page, 'outbox')).toEqual([]);
    expect(await readStore(page, 'settings')).toContainEqual({ name: 'powBits', value: top });
  }, 240_000);
});
