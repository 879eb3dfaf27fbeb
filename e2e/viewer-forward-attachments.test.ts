/**
 * Forwarded dossiers carry their photos (docs/attachments.md "Forwarding"): a report sealed by
 * an outside client lists a real PNG, an "image/png" that is HTML, and a blob never uploaded.
 * The officer's PDF embeds the photo (and only it); the dossier forwarded to a unit holds the
 * two blobs the Worker has, byte for byte, and the forward dialog names the missing one. With
 * the unit's keyring, `sd dossier open --attachments` writes the original bytes and names the
 * missing one; a viewer given that keyring shows the photo from the file with no request to
 * the API at all, refuses to show the HTML, and says the third is not in the dossier.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import type { Browser, BrowserContext, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../cli/sd.ts';
import { testIo } from '../cli/test/io.ts';
import { createKeyring, generatePoliceKey, KDF_INTERACTIVE, useSumo, type SealedBlob } from '../crypto/index.ts';
import { toB64 } from '../schemas/encoding.ts';
import type { PoliceKeyPairEntry } from '../schemas/keyring.ts';
import type { AttachmentRef } from '../schemas/report.ts';
import { launchBrowser, visit } from './browser.ts';
import { testEnv } from './env.ts';
import { tinyPng } from './images.ts';
import { seedReport, uploadBlob } from './officer.ts';
import { axe } from './pwa-steps.ts';
import { dumpStorage, goInViewer, unlockViewer } from './viewer-steps.ts';

useSumo();
const env = testEnv();
const run = Date.now().toString(36);
const PLACE = `FWD-ATTACH-PLACE-${run}`;
const PHOTO = tinyPng(3, `FWD-ATTACH-PHOTO-${run}`);
const HOSTILE = new TextEncoder().encode(`<html><body><script>window.__pwned = 1</script><p>FWD-ATTACH-HTML-${run}</p></body></html>`);
const UNIT_PASS = 'unite photos e2e';
const UNIT = 'BRI Photos';

let dir: string;
let browser: Browser;
let ctx: BrowserContext;
let page: Page;
let unit: PoliceKeyPairEntry;
let unitKeyringFile: string;
let dossierFile: string;
let reportId = '';
let photo: SealedBlob;
let html: SealedBlob;
let missing: SealedBlob;

async function download(p: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [d] = (await Promise.all([p.waitForEvent('download'), click()])) as [Download, void];
  const chunks: Buffer[] = [];
  for await (const c of await d.createReadStream()) chunks.push(c as Buffer);
  return { name: d.suggestedFilename(), bytes: Buffer.concat(chunks) };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'stopdeal-forward-attach-'));
  unit = await generatePoliceKey();
  unitKeyringFile = join(dir, 'unite.json');
  writeFileSync(unitKeyringFile, JSON.stringify(await createKeyring({ v: 1, police: [unit] }, UNIT_PASS, KDF_INTERACTIVE)));
  const up = [await uploadBlob(PHOTO), await uploadBlob(HOSTILE)];
  for (const u of up) expect([200, 201]).toContain(u.status);
  [photo, html] = up.map((u) => u.sealed) as [SealedBlob, SealedBlob];
  missing = (await uploadBlob(tinyPng(4), { upload: false })).sealed;
  const attachments: AttachmentRef[] = [
    { blob: photo.id, key: photo.key, mime: 'image/png', size: PHOTO.length, name: `facade-${run}.png` },
    { blob: html.id, key: html.key, mime: 'image/png', size: HOSTILE.length, name: 'vacances.png' },
    { blob: missing.id, key: missing.key, mime: 'image/png', size: 100, name: 'perdue.png' },
  ];
  const r = await seedReport({ district: 'centre-ville', place: PLACE, date: '2026-11-20', frequency: 'daily', activities: ['selling'] }, { attachments });
  expect(r.status).toBe(201);
  reportId = r.id;

  browser = await launchBrowser();
  ctx = await browser.newContext({ acceptDownloads: true });
  page = await ctx.newPage();
  await unlockViewer(page);
  await page.getByRole('heading', { level: 1, name: 'Signalements' }).waitFor();
  await page.locator(`tr[data-report-id="${reportId}"]`).waitFor({ timeout: 20_000 });
  await goInViewer(page, `/reports/${reportId}`);
  await page.getByRole('heading', { level: 2, name: 'Pièces jointes' }).waitFor();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('PDF dossier with photos', () => {
  it('embeds the verified photo, and not the HTML claiming image/png', async () => {
    const actions = page.getByRole('region', { name: 'Exporter ou transmettre ce signalement' });
    const pdf = await download(page, () => actions.getByRole('button', { name: 'Dossier PDF' }).click());
    const doc = await PDFDocument.load(pdf.bytes);
    const found: Array<{ width: number; height: number }> = [];
    for (const [, obj] of doc.context.enumerateIndirectObjects()) {
      if (obj instanceof PDFRawStream && obj.dict.get(PDFName.of('Subtype'))?.toString() === '/Image')
        found.push({ width: Number(obj.dict.get(PDFName.of('Width'))?.toString()), height: Number(obj.dict.get(PDFName.of('Height'))?.toString()) });
    }
    expect(found).toEqual([{ width: 8, height: 6 }]);
    expect(pdf.bytes.includes(Buffer.from('__pwned'))).toBe(false);
    console.log(`PDF dossier with 1 embedded photo: ${pdf.bytes.length} bytes`);
  });
});

describe('forwarding with attachments', () => {
  it('carries the blobs the Worker has, byte for byte, and names the missing one', async () => {
    await page.getByRole('region', { name: 'Exporter ou transmettre ce signalement' }).getByRole('button', { name: 'Transmettre à une unité d’enquête…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Transmettre à une unité d’enquête' });
    await dialog.getByLabel('Nom de l’unité').fill(UNIT);
    await dialog.getByLabel('Clé publique de l’unité').fill(unit.publicKey);
    const file = await download(page, () => dialog.getByRole('button', { name: 'Sceller et télécharger le dossier' }).click());
    dossierFile = join(dir, file.name);
    writeFileSync(dossierFile, file.bytes);
    const json = JSON.parse(file.bytes.toString('utf8')) as { kid: string; blobs: Record<string, string> };
    expect(json.kid).toBe(unit.kid);
    expect(Object.keys(json.blobs).sort()).toEqual([photo.id, html.id].sort());
    expect(json.blobs[photo.id]).toBe(toB64(photo.blob));
    expect(json.blobs[html.id]).toBe(toB64(html.blob));
    for (const canary of [PLACE, `FWD-ATTACH-PHOTO-${run}`, `FWD-ATTACH-HTML-${run}`]) expect(file.bytes.toString('utf8')).not.toContain(canary);
    await dialog.getByText('2 pièces jointes incluses dans le dossier.').waitFor();
    await dialog.getByText('1 pièce jointe n’a pas pu être incluse (le dossier a quand même été préparé) :').waitFor();
    await dialog.getByText(/Signalement 1 \(reçu .*\), pièce jointe 3 « perdue\.png » : introuvable sur le serveur/).waitFor();
    expect(await axe(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Fermer' }).click();
  });

  it('sd dossier open --attachments writes the original bytes and names the missing one', async () => {
    const out = join(dir, 'pieces');
    const io = testIo({ SD_PASSPHRASE: UNIT_PASS });
    const code = await main(['dossier', 'open', '--keyring', unitKeyringFile, '--attachments', out, dossierFile], io);
    expect(code).toBe(0);
    expect(io.out).toContain(PLACE);
    expect(io.out).toContain(`Attachments: 2 saved to ${out}, 1 not saved (see above).`);
    expect(readFileSync(join(out, reportId, `facade-${run}.png`))).toEqual(Buffer.from(PHOTO));
    expect(readFileSync(join(out, reportId, 'vacances.png.bin'))).toEqual(Buffer.from(HOSTILE));
    expect(io.err).toContain('attachment 3: not in this dossier: the server no longer had it when it was forwarded');
  });

  it('a viewer given the unit keyring shows the photo from the dossier, with no request to the API', async () => {
    const unitCtx = await browser.newContext();
    const api: string[] = [];
    unitCtx.on('request', (r) => {
      if (r.url().startsWith(env.apiUrl)) api.push(r.url());
    });
    const u = await unitCtx.newPage();
    const errors: string[] = [];
    u.on('pageerror', (e) => errors.push(e.message));
    await visit(u, env.viewerUrl + '/');
    await u.getByRole('link', { name: 'Ouvrir un dossier transmis (unité d’enquête)' }).click();
    await u.setInputFiles('#dossier-file', dossierFile);
    await u.setInputFiles('#keyring-file', unitKeyringFile);
    await u.getByLabel('Phrase de passe du trousseau de l’unité').fill(UNIT_PASS);
    await u.getByRole('button', { name: 'Ouvrir le dossier' }).click();
    await u.getByText(/Transmis par .* — signature vérifiée\./).waitFor({ timeout: 20_000 });
    const items = u.locator('li.attachment');
    expect(await items.count()).toBe(3);

    await items.nth(0).getByRole('button', { name: 'Afficher la photo' }).click();
    const img = items.nth(0).locator('img.attachment-photo');
    await img.waitFor();
    expect(await img.evaluate((el: HTMLImageElement) => el.decode().then(() => [el.naturalWidth, el.naturalHeight]))).toEqual([8, 6]);
    expect(await img.getAttribute('src')).toMatch(/^blob:/);
    await items.nth(0).getByText(`Taille réelle : ${PHOTO.length} o`).waitFor();

    // The HTML claiming image/png is never rendered.
    await items.nth(1).getByRole('button', { name: 'Afficher la photo' }).click();
    await items.nth(1).getByText('Ce fichier n’est pas affiché : son contenu n’est pas une photo du type annoncé.', { exact: false }).waitFor();
    expect(await items.nth(1).locator('img').count()).toBe(0);
    expect(await u.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

    // The missing one says why, with no button to try.
    await items.nth(2).getByText('Cette pièce jointe n’est pas dans le dossier : le serveur ne l’avait plus au moment de la transmission', { exact: false }).waitFor();
    expect(await items.nth(2).getByRole('button').count()).toBe(0);

    // Saved under its safe name, the original bytes.
    const saved = await download(u, () => items.nth(0).getByRole('button', { name: 'Enregistrer la pièce jointe' }).click());
    expect(saved.name).toBe(`facade-${run}.png`);
    expect(saved.bytes).toEqual(Buffer.from(PHOTO));

    expect(await axe(u)).toEqual([]);
    expect(api).toEqual([]);
    expect(errors).toEqual([]);
    // Nothing decrypted is kept in the browser's storage.
    const storage = await dumpStorage(u);
    for (const canary of [PLACE, `FWD-ATTACH-PHOTO-${run}`]) expect(storage).not.toContain(canary);
    await unitCtx.close();
  });
});
