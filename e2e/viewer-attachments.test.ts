/**
 * Attachments in the viewer (PROTOCOL §6): a report sealed in Node by an outside client lists
 * a real PNG and five traps. The real photo displays and saves byte for byte; an "image/png"
 * that is HTML with scripts and an SVG are never rendered and run nothing; a blob never
 * uploaded (404) and a blob with the wrong key say so in words; a wrong stated size is marked.
 * The page stays axe-clean; leaving it revokes every object URL; after lock nothing of the
 * report or the photo is left in storage.
 */
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomB64, useSumo } from '../crypto/index.ts';
import type { AttachmentRef } from '../schemas/report.ts';
import { launchBrowser } from './browser.ts';
import { testEnv } from './env.ts';
import { tinyPng } from './images.ts';
import { seedReport, uploadBlob } from './officer.ts';
import { axe } from './pwa-steps.ts';
import { dumpStorage, goInViewer, unlockViewer } from './viewer-steps.ts';

useSumo();
const env = testEnv();
const run = Date.now().toString(36);
const CANARY_PLACE = `ATTACH-PLACE-${run}`;
const CANARY_PHOTO = `ATTACH-PHOTO-TEXT-${run}`;

const PHOTO = tinyPng(1, CANARY_PHOTO);
const OTHER_PHOTO = tinyPng(2, CANARY_PHOTO);
const HOSTILE_HTML = new TextEncoder().encode(
  `<html><body><script>window.__pwned = 'script'</script><img src="x" onerror="window.__pwned = 'onerror'"><p>${CANARY_PHOTO}</p></body></html>`,
);
const HOSTILE_SVG = new TextEncoder().encode(`<svg xmlns="http://www.w3.org/2000/svg" onload="window.__pwned = 'svg'"><script>window.__pwned = 'svg-script'</script></svg>`);

let browser: Browser;
let context: BrowserContext;
let page: Page;
let reportId = '';
const pageErrors: string[] = [];
const dialogs: string[] = [];

/** The list item of attachment `n` (from 1). */
const item = (n: number) => page.locator('li.attachment').nth(n - 1);

beforeAll(async () => {
  const real = await uploadBlob(PHOTO);
  const html = await uploadBlob(HOSTILE_HTML);
  const svg = await uploadBlob(HOSTILE_SVG);
  const missing = await uploadBlob(PHOTO.slice(0, PHOTO.length - 1), { upload: false });
  const wrongKey = await uploadBlob(OTHER_PHOTO.slice().reverse());
  const mismatch = await uploadBlob(OTHER_PHOTO);
  for (const u of [real, html, svg, wrongKey, mismatch]) expect([200, 201]).toContain(u.status);
  const attachments: AttachmentRef[] = [
    { blob: real.sealed.id, key: real.sealed.key, mime: 'image/png', size: PHOTO.length, name: `photo-${run}.png` },
    { blob: html.sealed.id, key: html.sealed.key, mime: 'image/png', size: HOSTILE_HTML.length, name: 'vacances.png' },
    { blob: svg.sealed.id, key: svg.sealed.key, mime: 'image/svg+xml', size: HOSTILE_SVG.length, name: '../../logo.svg' },
    { blob: missing.sealed.id, key: missing.sealed.key, mime: 'image/png', size: PHOTO.length - 1, name: 'perdue.png' },
    { blob: wrongKey.sealed.id, key: await randomB64(32), mime: 'image/png', size: OTHER_PHOTO.length, name: 'cle.png' },
    { blob: mismatch.sealed.id, key: mismatch.sealed.key, mime: 'image/png', size: OTHER_PHOTO.length + 1000, name: 'taille.png' },
  ];
  const r = await seedReport(
    { district: 'centre-ville', place: CANARY_PLACE, date: '2026-11-20', frequency: 'daily', activities: ['selling'], details: 'avec photos' },
    { attachments },
  );
  expect(r.status).toBe(201);
  reportId = r.id;

  browser = await launchBrowser();
  context = await browser.newContext({ locale: 'fr-FR', acceptDownloads: true });
  // Every object URL the page makes, to prove they are revoked (PROTOCOL §6 plaintext in memory only).
  await context.addInitScript(() => {
    const w = window as unknown as { __urls: string[]; __revoked: string[] };
    w.__urls = [];
    w.__revoked = [];
    const create = URL.createObjectURL.bind(URL);
    const revoke = URL.revokeObjectURL.bind(URL);
    URL.createObjectURL = (o: Blob | MediaSource) => {
      const u = create(o);
      w.__urls.push(u);
      return u;
    };
    URL.revokeObjectURL = (u: string) => {
      w.__revoked.push(u);
      revoke(u);
    };
  });
  page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await unlockViewer(page);
  await page.getByRole('heading', { level: 1, name: 'Signalements' }).waitFor();
  await page.locator(`tr[data-report-id="${reportId}"]`).waitFor({ timeout: 20_000 });
  await page.evaluate(() => {
    const w = window as unknown as { __urls: string[]; __revoked: string[] };
    w.__urls = [];
    w.__revoked = [];
  });
  await goInViewer(page, `/reports/${reportId}`);
  await page.getByRole('heading', { level: 2, name: 'Pièces jointes' }).waitFor();
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe('attachments in the viewer', () => {
  it('displays the real photo, decrypted in memory, with its actual size', async () => {
    await item(1).getByRole('button', { name: 'Afficher la photo' }).click();
    const img = item(1).getByRole('img', { name: 'Photo jointe au signalement (pièce jointe 1)' });
    await img.waitFor();
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBe(8);
    expect(await img.getAttribute('src')).toMatch(/^blob:/);
    expect(await item(1).innerText()).toContain(`Taille réelle : ${PHOTO.length} o`);
    await expect.poll(() => item(1).getByRole('button', { name: 'Masquer la photo' }).count()).toBe(1);
  });

  it('saves the real photo byte for byte, under its safe name', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), item(1).getByRole('button', { name: 'Enregistrer la pièce jointe' }).click()]);
    expect(download.suggestedFilename()).toBe(`photo-${run}.png`);
    const saved = readFileSync((await download.path())!);
    expect(Buffer.compare(saved, Buffer.from(PHOTO))).toBe(0);
    await item(1).getByText(`Pièce jointe enregistrée sous le nom « photo-${run}.png ».`).waitFor();
  });

  it('never renders an "image/png" that is HTML, nor an SVG, and runs none of their scripts', async () => {
    await item(2).getByRole('button', { name: 'Afficher la photo' }).click();
    await item(2).getByText('Ce fichier n’est pas affiché : son contenu n’est pas une photo du type annoncé.', { exact: false }).waitFor();
    expect(await item(2).locator('img, iframe, object, embed').count()).toBe(0);
    // The SVG has no display action at all, only saving, and says why.
    expect(await item(3).getByRole('button', { name: 'Afficher la photo' }).count()).toBe(0);
    await item(3).getByText('Ce type de fichier n’est jamais affiché ici, par sécurité.', { exact: false }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), item(3).getByRole('button', { name: 'Enregistrer la pièce jointe' }).click()]);
    // Path stripped, harmless extension.
    expect(download.suggestedFilename()).toBe('logo.svg.bin');
    expect(Buffer.compare(readFileSync((await download.path())!), Buffer.from(HOSTILE_SVG))).toBe(0);
    // The hostile HTML saved as opaque bytes under a name no desktop opens as a page or a picture.
    const [html] = await Promise.all([page.waitForEvent('download'), item(2).getByRole('button', { name: 'Enregistrer la pièce jointe' }).click()]);
    expect(html.suggestedFilename()).toBe('vacances.png.bin');
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    expect(await page.locator('li.attachment img').count()).toBe(1);
    expect(await page.locator('iframe, object, embed, svg image').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it('says in words when a blob is missing on the server or does not decrypt', async () => {
    await item(4).getByRole('button', { name: 'Afficher la photo' }).click();
    await item(4).getByRole('alert').filter({ hasText: 'Pièce jointe introuvable sur le serveur' }).waitFor();
    await item(5).getByRole('button', { name: 'Enregistrer la pièce jointe' }).click();
    await item(5).getByRole('alert').filter({ hasText: 'Pièce jointe illisible' }).waitFor();
    expect(await item(4).locator('img').count()).toBe(0);
    expect(await item(5).locator('img').count()).toBe(0);
  });

  it('marks a decrypted size that differs from the stated one, and still shows the photo', async () => {
    await item(6).getByRole('button', { name: 'Afficher la photo' }).click();
    await item(6).getByRole('img').waitFor();
    expect(await item(6).locator('.attachment-size-mismatch').innerText()).toContain('différente de la taille annoncée');
    expect(await item(6).innerText()).toContain(`taille réelle ${OTHER_PHOTO.length} o`);
  });

  it('has no accessibility violation, and works with the keyboard', async () => {
    expect(await axe(page)).toEqual([]);
    await item(1).getByRole('button', { name: 'Masquer la photo' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => item(1).locator('img').count()).toBe(0);
    await page.keyboard.press('Enter');
    await item(1).getByRole('img').waitFor();
    expect(pageErrors).toEqual([]);
  });

  it('revokes every object URL when the report page is left, and after lock keeps nothing', async () => {
    const urls = await page.evaluate(() => (window as unknown as { __urls: string[] }).__urls);
    // Two photos shown (one twice), three saves.
    expect(urls.length).toBeGreaterThanOrEqual(6);
    // Whether an image URL still loads (the CSP keeps fetch() off blob: URLs; img-src allows them).
    const loads = (u: string) =>
      page.evaluate(
        (src) =>
          new Promise<boolean>((done) => {
            const img = new Image();
            img.onload = () => done(true);
            img.onerror = () => done(false);
            img.src = src;
          }),
        u,
      );
    const shownBefore = (await item(1).getByRole('img').getAttribute('src'))!;
    // Positive control: the photo on screen loads now.
    expect(await loads(shownBefore)).toBe(true);
    await page.getByRole('link', { name: 'Tous les signalements' }).click();
    await page.getByRole('heading', { level: 1, name: 'Signalements' }).waitFor();
    const { made, revoked } = await page.evaluate(() => {
      const w = window as unknown as { __urls: string[]; __revoked: string[] };
      return { made: w.__urls, revoked: w.__revoked };
    });
    expect(made.filter((u) => !revoked.includes(u))).toEqual([]);
    expect(await loads(shownBefore)).toBe(false);

    // Back on the report, show the photo again, then lock with it on screen.
    await goInViewer(page, `/reports/${reportId}`);
    await item(1).getByRole('button', { name: 'Afficher la photo' }).click();
    const shown = (await item(1).getByRole('img').getAttribute('src'))!;
    expect(await loads(shown)).toBe(true);
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Verrouiller' }).click()]);
    await page.getByRole('heading', { level: 1, name: 'Déverrouiller' }).waitFor();
    expect(await loads(shown)).toBe(false);
    const stored = await dumpStorage(page);
    // Positive control: the dump reads real storage (the wrapped keyring is kept there).
    expect(stored).toContain(JSON.parse(readFileSync(env.keyringFile, 'utf8')).kdf.salt);
    for (const canary of [CANARY_PLACE, CANARY_PHOTO, `photo-${run}`]) expect(stored).not.toContain(canary);
    expect(pageErrors).toEqual([]);
  });
});
