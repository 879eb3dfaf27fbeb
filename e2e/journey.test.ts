/**
 * The product's promise end to end, across both apps in two browser contexts (issues 2 and 3):
 * a resident reports offline on a small phone, the report leaves by itself when the connection
 * returns, an officer unlocks the viewer on another origin and reads it in French, asks a
 * question, the resident follows the report with the receipt code and answers, live both ways;
 * the photo the resident attached reaches the officer without its EXIF; and nothing of it is
 * readable in the Worker's storage or output.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { deriveFromReceipt, parseReceiptCode } from '../crypto/index.ts';
import { launchBrowser, visit } from './browser.ts';
import { testEnv } from './env.ts';
import { listReports } from './officer.ts';
import { addPhotoInput, photoWithExif, toLastStep } from './photo-steps.ts';
import { fillStopDeal, homeStatuses, openApp, send } from './pwa-steps.ts';
import { answer, conversationOpen, followWithCode, shownThread } from './pwa-followup-steps.ts';
import { findCanaries } from './scan.ts';
import { unlockViewer } from './viewer-steps.ts';

const run = Date.now().toString(36);
const PLACE = `Cage B du 12 rue des Lilas ${run}`;
const DETAILS = `JOURNEY-DETAILS-${run}`;
const QUESTION = `JOURNEY-QUESTION-${run} Pouvez-vous décrire les personnes ?`;
const ANSWER = `JOURNEY-ANSWER-${run} Deux hommes, veste rouge, vers 21 h.`;
const MAKE = `JOURNEY-MAKE-${run}`;

let browser: Browser;
let resident: { context: BrowserContext; page: Page };
let officer: Page;
let code = '';
let reportId = '';
let photo: Buffer;

beforeAll(async () => {
  browser = await launchBrowser();
  resident = await openApp(browser);
  photo = await photoWithExif(resident.page, MAKE);
  const officerContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
  officer = await officerContext.newPage();
});
afterAll(async () => {
  await browser?.close();
});

describe('resident and officer, end to end', () => {
  it('the resident reports with no connection; it waits, then leaves by itself exactly once', async () => {
    const { context, page } = resident;
    const before = (await listReports()).length;
    await context.setOffline(true);
    await page.reload();
    await fillStopDeal(page, { place: PLACE, details: DETAILS });
    await toLastStep(page);
    await addPhotoInput(page).setInputFiles({ name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: photo });
    await page.getByRole('img', { name: 'Photo 1 sur 1' }).waitFor();
    await page.getByRole('button', { name: 'Relire avant d’envoyer' }).click();
    code = await send(page);
    reportId = (await deriveFromReceipt(parseReceiptCode(code))).id;
    await expect(page.locator('p.delivery').innerText()).resolves.toBe('En attente de connexion — il partira tout seul');
    await page.getByRole('button', { name: 'J’ai noté le code' }).click();
    expect(await homeStatuses(page)).toEqual(['waiting']);
    expect((await listReports()).length).toBe(before);

    await context.setOffline(false);
    await page.locator('li.report[data-status="sent"]').waitFor({ timeout: 30_000 });
    const stored = (await listReports()).filter((r) => r.id === reportId);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.mailbox).toBe(true);
  });

  it('the officer unlocks the viewer on its own origin and reads the report in French', async () => {
    const env = testEnv();
    await unlockViewer(officer);
    await officer.getByRole('heading', { level: 1, name: 'Signalements' }).waitFor();
    const row = officer.locator(`tr[data-report-id="${reportId}"]`);
    await row.waitFor({ timeout: 25_000 });
    await row.getByRole('link').click();
    await officer.locator('#conversation').waitFor();
    const text = await officer.locator('main').innerText();
    expect(text).toContain(PLACE);
    expect(text).toContain(DETAILS);
    expect(text).toContain('Argentine');
    expect(text).toContain('Guetteurs');
    // The photo, re-encoded on the phone (1600 px wide), opened on the workstation only.
    await officer.getByRole('button', { name: 'Afficher la photo' }).click();
    const img = officer.getByRole('img', { name: 'Photo jointe au signalement (pièce jointe 1)' });
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth), { timeout: 15_000 }).toBe(1600);
    expect(await img.getAttribute('src')).toMatch(/^blob:/);
  });

  it('the officer asks; the resident, following with the code, sees it live and answers; the officer sees the answer live', async () => {
    await officer.locator('#conversation[data-live="live"]').waitFor({ timeout: 15_000 });
    const { page } = resident;
    await visit(page, testEnv().apiUrl + '/');
    await followWithCode(page, code.toLowerCase().replace(/-/g, ' '));
    await conversationOpen(page, 'live');

    await officer.getByLabel('Votre question à l’habitant').fill(QUESTION);
    await officer.getByRole('button', { name: 'Envoyer la question' }).click();
    await page.locator('ol.thread > li', { hasText: QUESTION }).waitFor({ timeout: 5_000 });
    expect((await shownThread(page)).filter((m) => m.body.includes(QUESTION))).toHaveLength(1);

    await answer(page, ANSWER);
    await officer.locator('#conversation ol.thread li.msg', { hasText: ANSWER }).waitFor({ timeout: 10_000 });
    expect(await officer.locator('#conversation ol.thread li.msg', { hasText: ANSWER }).count()).toBe(1);
  });

  it('leaves no plaintext of the report or the conversation in storage or in the Worker output', () => {
    const env = testEnv();
    expect(findCanaries(env.stateDir, [reportId]).length).toBeGreaterThan(0);
    expect(findCanaries(env.stateDir, [PLACE, DETAILS, QUESTION, ANSWER, MAKE, `JOURNEY-QUESTION-${run}`, `JOURNEY-ANSWER-${run}`], [env.workerLog])).toEqual([]);
  });
});
