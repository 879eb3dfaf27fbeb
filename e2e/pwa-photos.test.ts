/**
 * Photos in the reporter app (issue R, PROTOCOL §6), in Chromium on a small phone: a JPEG
 * carrying EXIF (GPS position, phone make) is attached on the last step, survives a reload
 * encrypted with the draft, is sealed offline with the report and delivered blob first,
 * exactly once, when the connection comes back. In Node the officer then downloads the blob
 * and opens it: a decodable JPEG with no GPS and no make, whose bytes appear nowhere in the
 * Worker's storage. Also: a non-image and an undecodable file are refused with a message and
 * the draft kept; an upload whose answer is lost after the blob went through still ends in
 * one report; axe on the step with a photo and on the review.
 */
import exifr from 'exifr';
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveFromReceipt, openBlob, parseReceiptCode } from '../crypto/index.ts';
import { BLOB_PAD_BUCKETS, BLOB_SIZES } from '../schemas/limits.ts';
import { launchBrowser, visit } from './browser.ts';
import { testEnv } from './env.ts';
import { listReports, officerFetch, openStored } from './officer.ts';
import { axe, fillStopDeal, layout, openApp, readStore, send } from './pwa-steps.ts';
import { addPhotoInput, photoWithExif, toLastStep } from './photo-steps.ts';
import { filesUnder, findCanaries } from './scan.ts';

const env = testEnv();
const run = Date.now().toString(36);
const MAKE = `CANARYMAKE-${run}`;
const PLACE = `CANARY-PHOTO-PLACE-${run}`;

let browser: Browser;
let context: BrowserContext;
let page: Page;
let original: Buffer;
let reportId = '';
const blobPuts: string[] = [];
const reportPosts: string[] = [];

/** Whether any file of the Worker's state holds one of these byte strings. */
function bytesInState(needles: Buffer[]): string[] {
  const hits: string[] = [];
  for (const file of [...filesUnder(env.stateDir), env.workerLog]) {
    const content = readFileSync(file);
    for (const n of needles) if (content.includes(n)) hits.push(file);
  }
  return hits;
}

beforeAll(async () => {
  browser = await launchBrowser();
  ({ context, page } = await openApp(browser));
  context.on('requestfinished', (r) => {
    if (r.method() === 'PUT' && r.url().includes('/api/v1/blobs/')) blobPuts.push(r.url());
    if (r.method() === 'POST' && r.url().endsWith('/api/v1/reports')) reportPosts.push(r.postData() ?? '');
  });
  original = await photoWithExif(page, MAKE);
});

afterAll(async () => {
  await browser?.close();
});

describe('photos in the reporter app', () => {
  it('the test photo really carries a GPS position and a make (so the checks below can fail)', async () => {
    const meta = await exifr.parse(original, { gps: true });
    expect(meta.Make).toBe(MAKE);
    expect(meta.latitude).toBeCloseTo(48.8567, 3);
    expect(meta.longitude).toBeCloseTo(2.3508, 3);
  });

  it('refuses a file that is not a picture, and one that does not decode, keeping the draft', async () => {
    await fillStopDeal(page, { place: PLACE, details: 'photo à venir' });
    await toLastStep(page);
    await addPhotoInput(page).setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('pas une photo') });
    await page.getByRole('alert').getByText('Ce fichier n’est pas une photo. Choisissez une image.').waitFor();
    await addPhotoInput(page).setInputFiles({ name: 'broken.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('\xff\xd8\xff\xe0 not really a jpeg', 'latin1') });
    await page.getByRole('alert').getByText('Cette photo n’a pas pu être lue. Essayez-en une autre.').waitFor();
    expect(await page.locator('img.photo-thumb').count()).toBe(0);
    await expect(page.getByLabel(/Ce que vous voulez ajouter/).inputValue()).resolves.toBe('photo à venir');
    expect(await readStore(page, 'draftPhotos')).toEqual([]);
  });

  it('attaches a photo: re-encoded, thumbnail shown, kept encrypted with the draft; axe-clean on a phone', async () => {
    await addPhotoInput(page).setInputFiles({ name: 'IMG_20261120_213012.jpg', mimeType: 'image/jpeg', buffer: original });
    await page.getByRole('img', { name: 'Photo 1 sur 1' }).waitFor();
    await page.getByText('Photo ajoutée (1 sur 3).').waitFor();
    await page.getByRole('button', { name: 'Retirer la photo 1' }).waitFor();
    await page.getByText('Ne prenez pas de risque pour une photo.', { exact: false }).waitFor();
    expect(await page.locator('img.photo-thumb').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1600);

    const rows = (await readStore(page, 'draftPhotos')) as Array<{ id: string; iv: number[]; box: number[] }>;
    expect(rows).toHaveLength(1);
    const box = Buffer.from(rows[0]!.box);
    expect(box.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))).toBe(false);
    expect(box.includes(Buffer.from('JFIF'))).toBe(false);

    expect(await axe(page)).toEqual([]);
    const l = await layout(page);
    expect(l.horizontalScroll).toBe(false);
    expect(l.small).toEqual([]);
  });

  it('a removed photo leaves the draft and the phone; focus returns to the picker', async () => {
    await addPhotoInput(page).setInputFiles({ name: 'second.jpg', mimeType: 'image/jpeg', buffer: original });
    await page.getByRole('img', { name: 'Photo 2 sur 2' }).waitFor();
    expect(await readStore(page, 'draftPhotos')).toHaveLength(2);
    await page.getByRole('button', { name: 'Retirer la photo 2' }).click();
    await page.getByText('Photo retirée.').waitFor();
    await page.getByRole('img', { name: 'Photo 1 sur 1' }).waitFor();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('photo-input');
    await expect.poll(async () => (await readStore(page, 'draftPhotos')).length).toBe(1);
  });

  it('survives a reload (draft and photo, still encrypted)', async () => {
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Autres détails' }).waitFor();
    await page.getByRole('img', { name: 'Photo 1 sur 1' }).waitFor();
    await expect(page.getByLabel(/Ce que vous voulez ajouter/).inputValue()).resolves.toBe('photo à venir');
  });

  it('offline: the review shows exactly the photo to send; sealing keeps only ciphertext, and it waits', async () => {
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Relire avant d’envoyer' }).click();
    await page.getByRole('heading', { level: 2, name: 'Relisez avant d’envoyer' }).waitFor();
    await page.getByText('Cette photo sera envoyée, chiffrée :').waitFor();
    await page.getByRole('img', { name: 'Photo 1 sur 1' }).waitFor();
    expect(await page.locator('img.photo-thumb').count()).toBe(1);
    expect(await axe(page)).toEqual([]);
    expect((await layout(page)).horizontalScroll).toBe(false);

    const code = await send(page);
    reportId = (await deriveFromReceipt(parseReceiptCode(code))).id;
    await expect(page.locator('p.delivery').innerText()).resolves.toBe('En attente de connexion — il partira tout seul');
    const outbox = (await readStore(page, 'outbox')) as Array<{ id: string; body: string; blobs: Array<{ id: string; pow: string }> }>;
    expect(outbox.map((o) => o.id)).toEqual([reportId]);
    const body = JSON.parse(outbox[0]!.body) as { blobs: string[] };
    expect(Object.keys(body)).toEqual(['v', 'id', 'kid', 'sealed', 'mailbox', 'blobs', 'pow']);
    expect(body.blobs).toHaveLength(1);
    expect(outbox[0]!.blobs.map((b) => b.id)).toEqual(body.blobs);
    const sealedBlobs = (await readStore(page, 'outboxBlobs')) as Array<{ id: string; bytes: number[] }>;
    expect(sealedBlobs.map((b) => b.id)).toEqual([`${reportId}:${body.blobs[0]}`]);
    expect(BLOB_SIZES).toContain(sealedBlobs[0]!.bytes.length); // padded to a bucket, sealed
    expect(await readStore(page, 'drafts')).toEqual([]);
    expect(await readStore(page, 'draftPhotos')).toEqual([]);
    expect(blobPuts).toEqual([]);
    expect(reportPosts).toEqual([]);
  });

  it('back online: the blob then the report are delivered, exactly once', async () => {
    await context.setOffline(false);
    await page.locator('p.delivery[data-status="sent"]').waitFor({ timeout: 60_000 });
    expect(await readStore(page, 'outbox')).toEqual([]);
    expect(await readStore(page, 'outboxBlobs')).toEqual([]);
    const stored = (await listReports()).filter((r) => r.id === reportId);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.blobs).toHaveLength(1);
    expect(reportPosts.filter((b) => JSON.parse(b).id === reportId).length).toBeLessThanOrEqual(1);
  });

  it('the officer opens a clean JPEG: no GPS, no make; its bytes are nowhere in the Worker\'s state', async () => {
    const item = (await listReports()).find((r) => r.id === reportId)!;
    const { report } = await openStored(item);
    expect(report.answers.place).toBe(PLACE);
    expect(report.attachments).toHaveLength(1);
    const att = report.attachments![0]!;
    expect(att).toMatchObject({ blob: item.blobs[0], mime: 'image/jpeg' });
    expect(att.name).toBeUndefined();
    const res = await officerFetch('GET', `/api/v1/blobs/${att.blob}`);
    expect(res.status).toBe(200);
    const sealed = new Uint8Array(await res.arrayBuffer());
    const jpeg = Buffer.from(await openBlob(sealed, att.key));
    expect(jpeg.length).toBe(att.size);
    // The stored size is the smallest bucket that holds the photo (PROTOCOL §6), not the photo's.
    expect(sealed.length).toBe(BLOB_SIZES[BLOB_PAD_BUCKETS.findIndex((b) => b > jpeg.length)]);
    expect(jpeg.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))).toBe(true);
    const meta = await exifr.parse(jpeg, { gps: true, tiff: true, ifd0: {}, exif: true }).catch(() => undefined);
    expect(meta?.latitude).toBeUndefined();
    expect(meta?.Make).toBeUndefined();
    expect(jpeg.includes(Buffer.from(MAKE))).toBe(false);
    expect(jpeg.includes(Buffer.from('Exif\0\0', 'latin1'))).toBe(false);

    // Decodable, 1600 px on its longest side.
    const size = await page.evaluate(async (b) => {
      const bmp = await createImageBitmap(new Blob([new Uint8Array(b)], { type: 'image/jpeg' }));
      return [bmp.width, bmp.height];
    }, Array.from(jpeg));
    expect(size).toEqual([1600, 1200]);

    // Slices of the photo's plaintext (entropy-coded data) and the canaries are absent from storage.
    expect(jpeg.length).toBeGreaterThan(65536);
    const mid = Math.floor(jpeg.length / 2);
    const slices = [jpeg.subarray(mid, mid + 32), jpeg.subarray(jpeg.length - 64, jpeg.length - 32), original.subarray(mid, mid + 32)];
    expect(bytesInState(slices)).toEqual([]);
    expect(findCanaries(env.stateDir, [MAKE, PLACE], [env.workerLog])).toEqual([]);
  });

  it('an upload whose answer is lost after the blob went through still ends with one report', async () => {
    const ctx = await browser.newContext({ viewport: { width: 360, height: 640 }, locale: 'fr-FR', serviceWorkers: 'block' });
    const p = await ctx.newPage();
    await visit(p, env.apiUrl + '/');
    let cut = 0;
    const puts: number[] = [];
    await ctx.route('**/api/v1/blobs/*', async (route) => {
      const response = await route.fetch();
      puts.push(response.status());
      // The first answer is lost on the way back: the Worker holds the blob, the phone does not know.
      if (cut++ === 0) return route.abort('connectionreset');
      return route.fulfill({ response });
    });
    await fillStopDeal(p, { place: `${PLACE}-2`, details: 'coupure' });
    await toLastStep(p);
    await addPhotoInput(p).setInputFiles({ name: 'p.jpg', mimeType: 'image/jpeg', buffer: original });
    await p.getByRole('img', { name: 'Photo 1 sur 1' }).waitFor();
    await p.getByRole('button', { name: 'Relire avant d’envoyer' }).click();
    const code = await send(p);
    const id = (await deriveFromReceipt(parseReceiptCode(code))).id;
    await p.locator('p.delivery[data-status="sent"]').waitFor({ timeout: 60_000 });
    expect(puts).toEqual([201, 200]);
    const stored = (await listReports()).filter((r) => r.id === id);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.blobs).toHaveLength(1);
    await ctx.close();
  });

  it('"Effacer toutes les données de l’app" removes the photos of a draft and of a waiting report', async () => {
    await context.setOffline(true);
    await visit(page, env.apiUrl + '/');
    await fillStopDeal(page, { place: `${PLACE}-3` });
    await toLastStep(page);
    await addPhotoInput(page).setInputFiles({ name: 'w.jpg', mimeType: 'image/jpeg', buffer: original });
    await page.getByRole('img', { name: 'Photo 1 sur 1' }).waitFor();
    await page.getByRole('button', { name: 'Relire avant d’envoyer' }).click();
    await send(page);
    await page.getByRole('button', { name: 'J’ai noté le code' }).click();
    await fillStopDeal(page, { place: `${PLACE}-4` });
    await toLastStep(page);
    await addPhotoInput(page).setInputFiles({ name: 'd.jpg', mimeType: 'image/jpeg', buffer: original });
    await page.getByRole('img', { name: 'Photo 1 sur 1' }).waitFor();
    await expect.poll(async () => (await readStore(page, 'draftPhotos')).length).toBe(1);
    expect(await readStore(page, 'outboxBlobs')).toHaveLength(1);

    await visit(page, env.apiUrl + '/');
    await page.getByRole('button', { name: /^Réglages/ }).click();
    await page.getByRole('button', { name: 'Effacer toutes les données de l’app' }).click();
    await page.getByRole('button', { name: 'Oui, tout effacer' }).click();
    await page.getByText('Toutes les données de l’app ont été effacées de ce téléphone.').waitFor();
    for (const store of ['drafts', 'draftPhotos', 'outbox', 'outboxBlobs', 'keys'] as const) expect(await readStore(page, store)).toEqual([]);
    await context.setOffline(false);
  });
});
