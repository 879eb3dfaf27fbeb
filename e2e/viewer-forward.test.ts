/**
 * Export and forwarding (issue 4), end to end: from a report page the officer downloads a
 * PDF dossier (read back here with pdf-lib: it holds the report's text, its case file and its
 * conversation) and forwards the report to an investigator unit by pasting the unit's public
 * key. The dossier file opens with the unit's keyring in the CLI (`sd dossier open`, run
 * in-process) and in a viewer given that keyring, and with no other key (the police keyring
 * fails, saying why); the forwarding is recorded in the case file. No CSP violation happens.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodePDFRawStream, PDFArray, PDFDocument, PDFRawStream } from 'pdf-lib';
import type { Browser, BrowserContext, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../cli/sd.ts';
import { testIo } from '../cli/test/io.ts';
import { fingerprint } from '../client/fingerprint.ts';
import { createKeyring, generatePoliceKey, KDF_INTERACTIVE, sealCaseEvent, sealMessage, useSumo } from '../crypto/index.ts';
import { activePoliceKey } from '../schemas/deployment.ts';
import { fromB64, toB64 } from '../schemas/encoding.ts';
import type { PoliceKeyPairEntry } from '../schemas/keyring.ts';
import { mailboxAuthorization } from '../schemas/mailbox-api.ts';
import { isoSeconds } from '../schemas/time.ts';
import { launchBrowser, visit } from './browser.ts';
import { testEnv } from './env.ts';
import { adminKeyring, deployment, officerFetch, seedReport } from './officer.ts';
import { goInViewer, unlockViewer, viewerAxe as axe, watchCsp } from './viewer-steps.ts';

useSumo();
const env = testEnv();
const run = Date.now().toString(36);
const PLACE = `FORWARD-PLACE-${run}`;
const NOTE = `FORWARD-NOTE-${run}`;
const ANSWER = `FORWARD-ANSWER-${run}`;
const UNIT_PASS = 'unite enquete e2e';
const UNIT = 'BRI Beauvais';

let dir: string;
let browser: Browser;
let ctx: BrowserContext;
let page: Page;
let unit: PoliceKeyPairEntry;
let unitKeyringFile: string;
let dossierFile: string;
let reportId = '';

async function download(p: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [d] = (await Promise.all([p.waitForEvent('download'), click()])) as [Download, void];
  const chunks: Buffer[] = [];
  for await (const c of await d.createReadStream()) chunks.push(c as Buffer);
  return { name: d.suggestedFilename(), bytes: Buffer.concat(chunks) };
}

/** WinAnsi 0x80–0x9F, which Node's decoders read as C1 controls. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/** Every string drawn in a PDF (content streams decoded, hex strings read as WinAnsi). */
async function pdfText(bytes: Uint8Array): Promise<{ text: string; pages: number }> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const out: string[] = [];
  for (const p of doc.getPages()) {
    const contents = p.node.Contents();
    const streams = contents instanceof PDFArray ? contents.asArray().map((r) => doc.context.lookup(r)) : [contents];
    for (const s of streams) {
      if (!(s instanceof PDFRawStream)) continue;
      const ops = Buffer.from(decodePDFRawStream(s).decode()).toString('latin1');
      for (const m of ops.matchAll(/<([0-9A-Fa-f]*)> Tj/g)) {
        out.push((m[1]!.match(/../g) ?? []).map((h) => parseInt(h, 16)).map((b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b))).join(''));
      }
    }
  }
  return { text: out.join('\n'), pages: doc.getPageCount() };
}

async function sd(argv: string[], passphrase: string) {
  const io = testIo({ SD_PASSPHRASE: passphrase });
  const code = await main(argv, io);
  return { code, out: io.out, err: io.err };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'stopdeal-forward-'));
  unit = await generatePoliceKey();
  unitKeyringFile = join(dir, 'unite.json');
  writeFileSync(unitKeyringFile, JSON.stringify(await createKeyring({ v: 1, police: [unit] }, UNIT_PASS, KDF_INTERACTIVE)));

  // A report with a resident's answer and a note in its case file.
  const r = await seedReport({ district: 'centre-ville', place: PLACE, date: '2026-11-20', frequency: 'daily', activities: ['selling'], details: 'Cage d’escalier, « bâtiment C »' });
  expect(r.status).toBe(201);
  reportId = r.id;
  const police = activePoliceKey(deployment());
  const sealed = await sealMessage({ v: 1, at: isoSeconds(new Date()), body: ANSWER, attachments: [] }, fromB64(police.publicKey), r.keys.replySecretKey);
  const posted = await fetch(`${env.apiUrl}/api/v1/mailbox/${r.id}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: mailboxAuthorization(toB64(r.keys.mailboxSecret)) },
    body: JSON.stringify({ kid: police.kid, sealed: toB64(sealed) }),
  });
  expect(posted.status).toBe(201);
  const note = await sealCaseEvent({ v: 1, reportId, at: isoSeconds(new Date()), authorName: 'Cne Durand', type: 'note', text: NOTE }, (await adminKeyring()).officer!, police);
  expect((await officerFetch('POST', `/api/v1/reports/${reportId}/events`, note)).status).toBe(201);

  browser = await launchBrowser();
  ctx = await browser.newContext();
  await watchCsp(ctx);
  page = await ctx.newPage();
  await unlockViewer(page);
  await page.getByRole('heading', { level: 1, name: 'Signalements' }).waitFor();
  await goInViewer(page, `/reports/${reportId}`);
  await page.locator('#case-file .history-note', { hasText: NOTE }).waitFor({ timeout: 20_000 });
});

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('PDF dossier', () => {
  it('downloads a PDF holding the report, its case file and its conversation', async () => {
    const actions = page.getByRole('region', { name: 'Exporter ou transmettre ce signalement' });
    const pdf = await download(page, () => actions.getByRole('button', { name: 'Dossier PDF' }).click());
    expect(pdf.name).toMatch(/^dossier-stopdeal-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { text, pages } = await pdfText(pdf.bytes);
    for (const s of [PLACE, 'Cage d’escalier, « bâtiment C »', 'Rue, adresse ou repère', NOTE, ANSWER, 'Cne Durand', 'Dossier de suivi', 'Conversation avec l’habitant']) expect(text).toContain(s);
    console.log(`PDF dossier of 1 report in the browser: ${pdf.bytes.length} bytes, ${pages} pages`);
    await page.getByText(/Dossier PDF de 1 signalement téléchargé/).waitFor();
  });
});

describe('forwarding', () => {
  it('re-seals the report for the unit, downloads the dossier and records the forwarding', async () => {
    await page.getByRole('region', { name: 'Exporter ou transmettre ce signalement' }).getByRole('button', { name: 'Transmettre à une unité d’enquête…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Transmettre à une unité d’enquête' });
    await dialog.waitFor();
    await dialog.getByLabel('Nom de l’unité').fill(UNIT);
    await dialog.getByLabel('Clé publique de l’unité').fill(unit.publicKey);
    await dialog.getByText(`Empreinte de la clé : ${fingerprint(unit.kid)}`).waitFor();
    expect(await axe(page)).toEqual([]);
    const file = await download(page, () => dialog.getByRole('button', { name: 'Sceller et télécharger le dossier' }).click());
    expect(file.name).toMatch(/^dossier-stopdeal-\d{4}-\d{2}-\d{2}\.json$/);
    dossierFile = join(dir, file.name);
    writeFileSync(dossierFile, file.bytes);
    const sealed = JSON.parse(file.bytes.toString('utf8'));
    expect(sealed).toMatchObject({ v: 1, kind: 'stopdeal-dossier', kid: unit.kid });
    expect(file.bytes.toString('utf8')).not.toContain(PLACE);
    await dialog.getByText(`Dossier de 1 signalement pour « ${UNIT} » téléchargé.`).waitFor();
    await dialog.getByRole('button', { name: 'Fermer' }).click();

    const forward = page.locator('#case-file .history-item', { hasText: `a transmis ce signalement à l’unité « ${UNIT} »` });
    await forward.waitFor();
    expect(await forward.innerText()).toContain('Signature vérifiée');
    expect(await page.locator('.case-summary').innerText()).toContain('Transmis');
    expect(await page.locator('.case-summary').innerText()).toContain('Transmis à une unité d’enquête');
    // The unit is kept for next time: name and public key only.
    await goInViewer(page, '/settings');
    await page.getByText(`${UNIT} — empreinte ${fingerprint(unit.kid)}`).waitFor();
  });

  it('opens with the unit keyring in the CLI', async () => {
    const r = await sd(['dossier', 'open', '--keyring', unitKeyringFile, dossierFile], UNIT_PASS);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    for (const s of [`Dossier for unit:  ${UNIT}`, 'signature verified', PLACE, `note: ${NOTE}`, `resident: ${ANSWER}`, `Rue, adresse ou repère: ${PLACE}`]) expect(r.out).toContain(s);
    const json = await sd(['dossier', 'open', '--keyring', unitKeyringFile, '--json', dossierFile], UNIT_PASS);
    const body = JSON.parse(json.out) as { officerId: string; dossier: { reports: Array<{ id: string; report: { answers: { place: string } } }> } };
    expect(body.officerId).toBe((await adminKeyring()).officer!.officerId);
    expect(body.dossier.reports.map((x) => x.id)).toEqual([reportId]);
  });

  it('opens with no other key: the police keyring fails, saying which key it needs', async () => {
    const r = await sd(['dossier', 'open', '--keyring', env.keyringFile, dossierFile], env.passphrase);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain(`this dossier is sealed for the unit key ${unit.kid}`);
    expect(r.err).not.toContain(PLACE);
  });

  it('opens in a viewer given the unit’s keyring, and in memory only', async () => {
    const unitCtx = await browser.newContext();
    await watchCsp(unitCtx);
    const u = await unitCtx.newPage();
    await visit(u, env.viewerUrl + '/');
    await u.getByRole('link', { name: 'Ouvrir un dossier transmis (unité d’enquête)' }).click();
    await u.getByRole('heading', { level: 1, name: 'Ouvrir un dossier transmis' }).waitFor();
    await u.setInputFiles('#dossier-file', dossierFile);
    // The police keyring is not the unit's: refused, in words.
    await u.setInputFiles('#keyring-file', { name: 'police.json', mimeType: 'application/json', buffer: Buffer.from(readFileSync(env.keyringFile, 'utf8')) });
    await u.getByLabel('Phrase de passe du trousseau de l’unité').fill(env.passphrase);
    await u.getByRole('button', { name: 'Ouvrir le dossier' }).click();
    await u.getByText('Ce dossier est destiné à une autre unité : ce trousseau ne contient pas sa clé.').waitFor();
    expect(await axe(u)).toEqual([]);
    await u.setInputFiles('#keyring-file', unitKeyringFile);
    await u.getByLabel('Phrase de passe du trousseau de l’unité').fill(UNIT_PASS);
    await u.getByRole('button', { name: 'Ouvrir le dossier' }).click();
    await u.getByText(/Transmis par .* — signature vérifiée\./).waitFor({ timeout: 20_000 });
    const text = await u.locator('main').innerText();
    for (const s of [PLACE, NOTE, ANSWER, `Destinataire : ${UNIT}.`, 'Rue, adresse ou repère']) expect(text).toContain(s);
    expect(await axe(u)).toEqual([]);
    await u.getByRole('button', { name: 'Fermer le dossier' }).click();
    await u.getByRole('heading', { level: 1, name: 'Déverrouiller' }).waitFor();
    expect(await u.locator('main').innerText()).not.toContain(PLACE);
    expect(await u.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
    await unitCtx.close();
  });

  it('raised no CSP or Trusted Types violation', async () => {
    expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
  });
});
