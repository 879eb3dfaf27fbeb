/**
 * Accessibility of the follow-up screens (issue 3): axe finds nothing on the receipt screen
 * with its keep choice, the code entry (empty and with "Code inconnu"), and a conversation
 * holding a question, an answer, an unreadable message and an answer waiting offline; on a
 * 360 × 640 phone, text is 18 px, tap targets 48 px, nothing scrolls sideways; the code
 * field works from the keyboard alone; new police messages are announced politely.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeReceiptCode, generatePoliceKey } from '../crypto/index.ts';
import { fromB64 } from '../schemas/encoding.ts';
import { launchBrowser } from './browser.ts';
import { seedReport } from './officer.ts';
import { axe, fillStopDeal, layout, openApp, send } from './pwa-steps.ts';
import { answer, askQuestion, conversationOpen, unknownCode } from './pwa-followup-steps.ts';

let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  ({ context, page } = await openApp(browser));
});
afterAll(async () => {
  await browser?.close();
});

async function checkScreen(p: Page, lang = 'fr') {
  expect(await axe(p)).toEqual([]);
  expect(await layout(p)).toEqual({ horizontalScroll: false, bodyFontPx: 18, lang, small: [] });
}

describe('follow-up accessibility (360 × 640)', () => {
  it('the receipt screen, with the code kept', async () => {
    await fillStopDeal(page, { place: 'Square des Tilleuls' });
    await send(page);
    await page.locator('.receipt [data-proof="verified"]').waitFor({ timeout: 30_000 });
    await checkScreen(page);
    // The choice is described by its explanation, and says what it did.
    const box = page.getByLabel('Garder ce code sur ce téléphone');
    await expect(box.getAttribute('aria-describedby')).resolves.toBe('keep-what keep-risk keep-protects');
    await box.check();
    await page.getByRole('status').filter({ hasText: 'Le code est gardé sur ce téléphone.' }).waitFor();
    await checkScreen(page);
    await page.getByRole('button', { name: 'J’ai noté le code' }).click();
    // The home screen with its proof line and export button, and the follow-up entry.
    await page.locator('li.report[data-proof="verified"]').waitFor();
    await checkScreen(page);
  });

  it('the code entry, from the keyboard alone, and "Code inconnu"', async () => {
    await page.getByRole('button', { name: /^Suivre mon signalement/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Suivre mon signalement' }).waitFor();
    await checkScreen(page);
    await page.getByLabel('Code de suivi', { exact: true }).focus();
    await page.keyboard.type(await unknownCode());
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'Code inconnu' }).waitFor({ timeout: 15_000 });
    const field = page.getByLabel('Code de suivi', { exact: true });
    await expect(field.getAttribute('aria-describedby')).resolves.toBe('receipt-code-help receipt-code-error');
    await checkScreen(page);
  });

  it('a conversation: question, answer, unreadable message, answer waiting offline', async () => {
    const r = await seedReport({ district: 'argentine', place: 'Hall A', date: '2026-11-20', frequency: 'daily', activities: ['selling'] });
    await askQuestion(r.id, 'Pouvez-vous décrire les personnes ?');
    await askQuestion(r.id, 'Illisible', { wrongKey: fromB64((await generatePoliceKey()).secretKey) });
    const field = page.getByLabel('Code de suivi', { exact: true });
    await field.fill(encodeReceiptCode(r.secret));
    await field.press('Enter');
    await conversationOpen(page, 'live');
    await answer(page, 'Deux hommes.');
    await page.locator('li[data-from="reporter"][data-state="stored"]').waitFor({ timeout: 15_000 });
    await context.setOffline(true);
    await answer(page, 'Envoyée plus tard.');
    await page.locator('li[data-state="waiting"]').waitFor();
    await checkScreen(page);
    await context.setOffline(false);
    // A new question is announced once, politely.
    await askQuestion(r.id, 'Depuis quand ?');
    const status = page.locator('[data-arrivals]');
    await expect.poll(() => status.innerText(), { timeout: 10_000 }).toBe('Un nouveau message de la police est arrivé.');
    await expect(status.getAttribute('role')).resolves.toBe('status');
    await expect(page.locator('ol.thread').getAttribute('aria-live')).resolves.toBeNull();
    await checkScreen(page);
  });

  it('in English too', async () => {
    await page.getByRole('button', { name: 'Retour à l’accueil' }).click();
    await page.getByRole('button', { name: /^Réglages/ }).click();
    await page.getByLabel('English').check();
    await page.getByRole('button', { name: 'Back to the start' }).click();
    await page.getByRole('button', { name: /^Follow my report/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Follow my report' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Codes kept on this phone' }).waitFor();
    await checkScreen(page, 'en');
  });
});
