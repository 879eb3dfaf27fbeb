/**
 * The reporter app's core promise (issue 2): opened once online, it then opens, fills,
 * reviews and seals a Stop Deal report with no connection at all; the report waits in the
 * outbox across reloads, and is delivered exactly once when the connection comes back.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveFromReceipt, parseReceiptCode } from '../crypto/index.ts';
import { fingerprint } from '../client/fingerprint.ts';
import { toB64 } from '../schemas/encoding.ts';
import { launchBrowser, visit } from './browser.ts';
import { testEnv } from './env.ts';
import { deployment, listReports, openStored } from './officer.ts';
import { fillStopDeal, homeStatuses, openApp, readStore, send } from './pwa-steps.ts';
import { findCanaries } from './scan.ts';

const env = testEnv();
const run = Date.now().toString(36);
const PLACE = `CANARY-PWA-PLACE-${run}`;
const DETAILS = `CANARY-PWA-DETAILS-${run} «guillemets» é`;

let browser: Browser;
let context: BrowserContext;
let page: Page;
let code = '';
let reportId = '';
/** Bodies of every report POST the browser attempted, and of those the Worker answered. */
const attempted: string[] = [];
const answered: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  ({ context, page } = await openApp(browser));
  const isPost = (r: { method(): string; url(): string }) => r.method() === 'POST' && r.url().endsWith('/api/v1/reports');
  context.on('request', (r) => isPost(r) && attempted.push(r.postData() ?? ''));
  context.on('requestfinished', (r) => isPost(r) && answered.push(r.postData() ?? ''));
});

afterAll(async () => {
  await browser?.close();
});

describe('reporter app, offline first', () => {
  it('installs its service worker and precaches the whole app on the first visit', async () => {
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) for (const req of await (await caches.open(name)).keys()) urls.push(new URL(req.url).pathname);
      return urls;
    });
    expect(cached).toEqual(expect.arrayContaining(['/index.html', '/manifest.webmanifest', '/icons/icon-192.png', '/icons/icon-512.png', '/icons/icon-maskable-512.png']));
    expect(cached.filter((u) => /\/assets\/libsodium-wrappers-.*\.js$/.test(u)).length).toBeGreaterThan(0);
    expect(cached.filter((u) => /\/assets\/crypto-.*\.js$/.test(u))).toHaveLength(1);
    expect(cached.some((u) => u.startsWith('/api/'))).toBe(false);
    const manifest = await (await fetch(env.apiUrl + '/manifest.webmanifest')).json();
    expect(manifest).toMatchObject({ lang: 'fr', display: 'standalone', start_url: '/', short_name: 'Stop Deal' });
    expect(manifest.icons.map((i: { sizes: string; purpose: string }) => `${i.sizes} ${i.purpose}`)).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
  });

  it('opens again with no connection: after a reload and in a new tab', async () => {
    await context.setOffline(true);
    // The page says so when the connection drops (after a reload, Chromium's emulated
    // offline mode reports navigator.onLine = true, so the notice is checked here).
    await page.getByText('Pas de connexion pour l’instant').waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Signaler un trafic de drogue sans vous exposer' }).waitFor();
    const other = await context.newPage();
    await visit(other, env.apiUrl + '/signaler/stop-deal');
    await other.getByRole('heading', { level: 2, name: 'Où ?' }).waitFor();
    await other.close();
  });

  it('fills, reviews and seals the Stop Deal form in French while offline: it waits', async () => {
    const before = (await listReports()).length;
    await fillStopDeal(page, { place: PLACE, details: DETAILS });
    // The review shows exactly what will be sent, and to whom.
    const review = await page.locator('main').innerText();
    for (const text of ['Argentine', PLACE, '20 novembre 2026', 'À heures fixes', 'de 17 h à 22 h', 'Vente, Guetteurs', 'Crack', 'Guetteur', 'Moto ou scooter', 'noir', DETAILS, 'Aucun moyen de vous joindre']) {
      expect(review).toContain(text);
    }
    expect(review).toContain('À la police de ' + deployment().town.name);
    // The police key's fingerprint as every app shows it (D13), not its raw kid.
    expect((await page.locator('code.kid').innerText()).replace(/\s/g, '')).toBe(fingerprint(deployment().policeKeys[0]!.kid).replace(/\s/g, ''));

    code = await send(page);
    reportId = (await deriveFromReceipt(parseReceiptCode(code))).id;
    await expect(page.locator('p.delivery').innerText()).resolves.toBe('En attente de connexion — il partira tout seul');
    const measured = await page.evaluate(() => performance.getEntriesByName('stopdeal:tap-to-outbox').map((e) => Math.round(e.duration)));
    console.log(`tap → sealed in outbox: ${measured.join(', ')} ms (powBits ${deployment().powBits})`);

    // Sealed into the outbox, plaintext draft gone, nothing reached the Worker.
    const outbox = (await readStore(page, 'outbox')) as Array<{ id: string; body: string; state: string }>;
    expect(outbox.map((o) => [o.id, o.state])).toEqual([[reportId, 'waiting']]);
    expect(Object.keys(JSON.parse(outbox[0]!.body))).toEqual(['v', 'id', 'kid', 'sealed', 'mailbox', 'pow']);
    expect(outbox[0]!.body).not.toContain(PLACE);
    expect(await readStore(page, 'drafts')).toEqual([]);
    expect((await listReports()).length).toBe(before);
    await page.getByRole('button', { name: 'J’ai noté le code' }).click();
  });

  it('is still waiting after a reload while offline, nothing lost', async () => {
    await page.reload();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await homeStatuses(page)).toEqual(['waiting']);
    await expect(page.locator('li.report').innerText()).resolves.toContain('En attente de connexion — il partira tout seul');
    // The list shows no content of the report.
    expect(await page.locator('main').innerText()).not.toContain(PLACE);
    const outbox = (await readStore(page, 'outbox')) as Array<{ id: string }>;
    expect(outbox.map((o) => o.id)).toEqual([reportId]);
    expect(answered).toEqual([]);
  });

  it('is delivered exactly once when the connection comes back, and says so', async () => {
    await context.setOffline(false);
    await page.locator('li.report[data-status="sent"]').waitFor({ timeout: 30_000 });
    await expect(page.locator('li.report').innerText()).resolves.toContain('Envoyé');
    expect(await readStore(page, 'outbox')).toEqual([]);
    expect(((await readStore(page, 'sent')) as Array<{ id: string }>).map((s) => s.id)).toEqual([reportId]);

    const stored = (await listReports()).filter((r) => r.id === reportId);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.mailbox).toBe(true);
    // Every attempt carried the same bytes.
    expect(attempted.length).toBeGreaterThan(0);
    expect(new Set(attempted).size).toBe(1);
    expect(JSON.parse(attempted[0]!).id).toBe(reportId);

    // The officer opens it: the receipt code stands for this report (PROTOCOL §4).
    const opened = await openStored(stored[0]!);
    const keys = await deriveFromReceipt(parseReceiptCode(code));
    expect(opened.idMismatch).toBe(false);
    expect(opened.report).toMatchObject({
      id: reportId,
      form: 'stop-deal',
      formVersion: 1,
      contact: null,
      replyTo: toB64(keys.replyPublicKey),
      answers: {
        district: 'argentine',
        place: PLACE,
        date: '2026-11-20',
        'time-from': '21:30',
        frequency: 'set-hours',
        hours: 'de 17 h à 22 h',
        activities: ['selling', 'lookouts'],
        products: ['crack'],
        people: [{ count: 2, role: 'lookout' }],
        vehicles: [{ kind: 'motorbike', colour: 'noir' }],
        details: DETAILS,
      },
    });
    expect(findCanaries(env.stateDir, [PLACE, 'CANARY-PWA-DETAILS-' + run])).toEqual([]);
  });

  it('does not send it again on later starts', async () => {
    await page.reload();
    expect(await homeStatuses(page)).toEqual(['sent']);
    await page.waitForTimeout(1000);
    expect((await listReports()).filter((r) => r.id === reportId)).toHaveLength(1);
  });
});
