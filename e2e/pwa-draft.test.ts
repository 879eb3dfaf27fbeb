/**
 * Drafts (issue 2): what the resident types survives a reload and an app restart, is stored
 * encrypted under a non-extractable key, and is never lost: not by a report too large to
 * seal (refused before sealing, with a message), not by "Quitter vite".
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, visit } from './browser.ts';
import { testEnv } from './env.ts';
import { next, openApp, readStore } from './pwa-steps.ts';

const env = testEnv();
const run = Date.now().toString(36);
const PLACE = `CANARY-DRAFT-${run}`;
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

async function startStepOne(p: Page, place: string) {
  await p.getByRole('button', { name: 'Commencer un signalement : Stop Deal' }).click();
  await p.getByLabel('Saint-Jean').check();
  await p.getByLabel(/Rue, adresse ou repère/).fill(place);
}

/** Waits until the draft box in IndexedDB holds `n` rows (autosave is debounced). */
const draftsSaved = (p: Page, n: number) =>
  expect.poll(async () => (await readStore(p, 'drafts')).length, { timeout: 5000 }).toBe(n);

describe('reporter app drafts', () => {
  it('survive a reload and an app restart, encrypted at rest', async () => {
    ({ context, page } = await openApp(browser));
    await startStepOne(page, PLACE);
    await next(page);
    await page.getByLabel(/^Date/).fill('2026-11-21');
    await draftsSaved(page, 1);
    await page.waitForTimeout(700);

    // At rest: only an id, a nonce and ciphertext; the key cannot be exported.
    const rows = (await readStore(page, 'drafts')) as Array<Record<string, unknown>>;
    expect(Object.keys(rows[0]!).sort()).toEqual(['box', 'id', 'iv']);
    const rawText = await page.evaluate(async () => {
      const open = indexedDB.open('stopdeal');
      const db = await new Promise<IDBDatabase>((r) => (open.onsuccess = () => r(open.result)));
      const all = await new Promise<Array<{ box: Uint8Array }>>((r) => {
        const req = db.transaction('drafts').objectStore('drafts').getAll();
        req.onsuccess = () => r(req.result);
      });
      const key = await new Promise<{ key: CryptoKey }>((r) => {
        const req = db.transaction('keys').objectStore('keys').get('draft');
        req.onsuccess = () => r(req.result);
      });
      db.close();
      const exported = await crypto.subtle.exportKey('raw', key.key).then(() => 'exported', () => 'refused');
      return { text: new TextDecoder('latin1').decode(all[0]!.box), extractable: key.key.extractable, exported, algorithm: key.key.algorithm.name };
    });
    expect(rawText.text).not.toContain(PLACE);
    expect(rawText.text).not.toContain('Saint');
    expect(rawText).toMatchObject({ extractable: false, exported: 'refused', algorithm: 'AES-GCM' });

    // Reload: the same step comes back, with the answers.
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Quand ?' }).waitFor();
    await expect(page.getByLabel(/^Date/).inputValue()).resolves.toBe('2026-11-21');
    await page.getByRole('button', { name: 'Précédent' }).click();
    await expect(page.getByLabel(/Rue, adresse ou repère/).inputValue()).resolves.toBe(PLACE);
    await expect(page.getByLabel('Saint-Jean').isChecked()).resolves.toBe(true);

    // App restart: a new page of the same browser profile, offline, from the start URL;
    // the home screen offers to resume.
    await page.close();
    await context.setOffline(true);
    page = await context.newPage();
    await visit(page, env.apiUrl + '/');
    await page.getByRole('button', { name: 'Reprendre le signalement commencé : Stop Deal' }).click();
    await page.getByRole('heading', { level: 2, name: 'Où ?' }).waitFor();
    await expect(page.getByLabel(/Rue, adresse ou repère/).inputValue()).resolves.toBe(PLACE);
  });

  it('refuses a report too large to seal before sealing, says why, and keeps the draft', async () => {
    ({ context, page } = await openApp(browser));
    const posts: string[] = [];
    context.on('request', (r) => r.url().includes('/api/v1/reports') && posts.push(r.method()));
    // Control characters take 6 bytes each in JSON (\u0001): 4000 + 7 × 1000 of them pass
    // every field's length check but make a plaintext over 64 KiB.
    const heavy = (n: number) => '\u0001'.repeat(n);
    await startStepOne(page, `TOO-LARGE-${run}`);
    await next(page);
    await page.getByLabel(/^Date/).fill('2026-11-21');
    await page.getByLabel('Une seule fois').check();
    await next(page);
    await page.getByLabel('Vente').check();
    await next(page);
    for (let i = 0; i < 7; i++) {
      await page.getByRole('button', { name: 'Ajouter des personnes' }).click();
      await page.locator(`#f-people-${i}-description`).fill(heavy(1000));
    }
    await next(page);
    await next(page);
    await page.getByLabel(/Ce que vous voulez ajouter/).fill(heavy(4000));
    await page.getByRole('button', { name: 'Relire avant d’envoyer' }).click();
    const message = page.getByText(/Ce signalement est trop long pour être envoyé \(\d+ Ko, moins de 64 Ko permis\)/);
    await message.waitFor();
    await page.getByRole('button', { name: 'Envoyer', exact: true }).click();
    await message.waitFor();
    await expect(page.getByRole('alert').filter({ hasText: 'trop long' }).count()).resolves.toBe(1);
    await page.waitForTimeout(500);
    expect(await readStore(page, 'outbox')).toEqual([]);
    await draftsSaved(page, 1);
    expect(posts).toEqual([]);
    // Shortening the text is enough: nothing typed was lost on the way.
    await page.getByRole('button', { name: 'Modifier « Autres détails »' }).click();
    await expect(page.getByLabel(/Ce que vous voulez ajouter/).inputValue()).resolves.toHaveLength(4000);
  });

  it('"Quitter vite" replaces the app with a blank page, leaves no way back, keeps the draft', async () => {
    ({ context, page } = await openApp(browser));
    await startStepOne(page, `EXIT-${run}`);
    await next(page);
    await draftsSaved(page, 1);
    await page.getByRole('button', { name: /^Quitter vite/ }).click();
    await page.waitForURL('about:blank');
    expect(await page.title()).toBe('');
    expect(await page.evaluate(() => document.body?.innerText ?? '')).toBe('');
    // Every move inside the app replaced its history entry: "back" does not lead into it.
    await page.goBack().catch(() => null);
    expect(page.url()).not.toContain(env.apiUrl);
    const again = await context.newPage();
    await visit(again, env.apiUrl + '/');
    await again.getByRole('button', { name: 'Reprendre le signalement commencé : Stop Deal' }).waitFor();
  });
});
