/**
 * The outbox against the real Worker's adaptive effort (issue 7, PROTOCOL §3): a flood from
 * Node raises the effort after the app has read `/meta`, so the report it seals meets a real
 * `400 pow_invalid` with `powBits`; it is proven again and stored once. Needs an instance
 * whose effort can rise within a test: run with `E2E_EFFORT_TARGET=3` (the suite's default
 * target never raises it, docs/flood.md); skipped otherwise; `npm run test:stress` runs it so.
 */
import type { Browser, BrowserContext, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPow, deriveFromReceipt, newReceiptSecret, parseReceiptCode, sealReport, solvePow } from '../crypto/index.ts';
import { fromB64, toB64 } from '../schemas/encoding.ts';
import { activePoliceKey } from '../schemas/deployment.ts';
import { launchBrowser } from './browser.ts';
import { E2E, testEnv } from './env.ts';
import { deployment, listReports } from './officer.ts';
import { fillStopDeal, openApp, readStore, send } from './pwa-steps.ts';

const RISE = 6;
let browser: Browser;
let context: BrowserContext | undefined;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

const effortNow = async (): Promise<number> => ((await (await fetch(testEnv().apiUrl + '/api/v1/meta')).json()) as { powBits: number }).powBits;

/** One valid junk report, proven at the effort required now (an attacker following the rules). */
async function junk(): Promise<number> {
  const keys = await deriveFromReceipt(await newReceiptSecret());
  const plaintext = {
    v: 1 as const, id: keys.id, form: 'stop-deal', formVersion: 1, createdAt: new Date().toISOString().slice(0, 19) + 'Z',
    answers: {}, contact: null, replyTo: toB64(keys.replyPublicKey), attachments: [],
  };
  const { sealed, kid } = await sealReport(plaintext, activePoliceKey(deployment()));
  const pow = await solvePow(keys.id, sealed, await effortNow());
  const res = await fetch(testEnv().apiUrl + '/api/v1/reports', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ v: 1, id: keys.id, kid, sealed: toB64(sealed), mailbox: keys.mailboxHash, pow }),
  });
  await res.body?.cancel();
  return res.status;
}

describe.skipIf(E2E.effortTarget > 10)('reporter app against the real adaptive effort', () => {
  it('a report sealed at the old effort is proven again at the raised one and stored once', async () => {
    const base = deployment().powBits;
    let page;
    ({ context, page } = await openApp(browser));
    // The app has read /meta; now the flood raises the effort.
    for (let i = 0; i < 100 && (await effortNow()) < base + RISE; i++) expect(await junk()).toBe(201);
    const raised = await effortNow();
    expect(raised).toBeGreaterThanOrEqual(base + RISE);

    const answers: Array<{ body: string; status: number; powBits?: number }> = [];
    await context.route('**/api/v1/reports', async (route: Route) => {
      if (route.request().method() !== 'POST') return route.continue();
      const answer = await route.fetch();
      const json = (await answer.json().catch(() => null)) as { error?: { powBits?: number } } | null;
      answers.push({ body: route.request().postData() ?? '', status: answer.status(), ...(json?.error?.powBits ? { powBits: json.error.powBits } : {}) });
      await route.fulfill({ response: answer });
    });
    await fillStopDeal(page, { place: 'Effort réel' });
    const id = (await deriveFromReceipt(parseReceiptCode(await send(page)))).id;
    await page.locator('p.delivery[data-status="sent"]').waitFor({ timeout: 60_000 });

    // The first attempt carried the old proof and met the raised effort; the last one was stored.
    expect(answers[0]).toMatchObject({ status: 400 });
    expect(answers[0]!.powBits).toBeGreaterThanOrEqual(base + RISE);
    expect(answers.at(-1)!.status).toBe(201);
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    const posted = answers.map((a) => JSON.parse(a.body) as Record<string, string>);
    for (const p of posted) expect({ ...p, pow: '' }).toEqual({ ...posted[0], pow: '' });
    const last = posted.at(-1)!;
    expect(await checkPow(id, fromB64(last.sealed!), last.pow!, answers.at(-2)!.powBits!)).toBe(true);
    expect((await listReports()).filter((r) => r.id === id)).toHaveLength(1);
    expect(await readStore(page, 'outbox')).toEqual([]);
    expect(await readStore(page, 'settings')).toContainEqual({ name: 'powBits', value: answers.at(-2)!.powBits });
  }, 180_000);
});
