/**
 * Locked down (issue 4): the viewer locks itself after the idle time set in its settings
 * (here 3 seconds), with a countdown first; activity postpones it; once locked, neither the
 * page nor the origin's IndexedDB, Cache Storage, localStorage or sessionStorage, nor the
 * browser profile on disk, holds any plaintext canary of the reports and notes it showed.
 * Also: the settings screen has no accessibility violation, and no CSP violation happens.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useSumo } from '../crypto/index.ts';
import { visit } from './browser.ts';
import { testEnv } from './env.ts';
import { seedReport } from './officer.ts';
import { findCanaries } from './scan.ts';
import { dumpStorage as dumpOrigin, goInViewer } from './viewer-steps.ts';

useSumo();
const env = testEnv();
const run = Date.now().toString(36);
const CANARY_PLACE = `LOCKDOWN-PLACE-${run}`;
const CANARY_DETAILS = `LOCKDOWN-DETAILS-${run}`;
const CANARY_CONTACT = `lockdown-${run}@example.org`;
const CANARY_NOTE = `LOCKDOWN-NOTE-${run}`;
const CANARIES = [CANARY_PLACE, CANARY_DETAILS, CANARY_CONTACT, CANARY_NOTE];

let profile: string;
let context: BrowserContext;
let page: Page;
let reportId = '';

async function unlock(): Promise<void> {
  await visit(page, env.viewerUrl + '/');
  await page.getByRole('heading', { level: 1, name: 'Déverrouiller' }).waitFor();
  if ((await page.locator('.stored-keyring').count()) === 0) {
    await page.setInputFiles('#keyring-file', { name: 'trousseau.json', mimeType: 'application/json', buffer: Buffer.from(readFileSync(env.keyringFile, 'utf8')) });
  }
  await page.fill('#passphrase', env.passphrase);
  await page.getByRole('button', { name: 'Déverrouiller' }).click();
  await page.getByRole('heading', { level: 1, name: 'Signalements' }).waitFor();
}

async function setIdle(minutes: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Réglages' }).click();
  await page.getByRole('heading', { level: 1, name: 'Réglages' }).waitFor();
  await page.getByLabel('Verrouiller après (minutes sans activité)').fill(minutes);
  await page.getByRole('button', { name: 'Enregistrer le délai' }).click();
  await page.getByText(/Délai enregistré/).waitFor();
}


const dumpStorage = () => dumpOrigin(page);

beforeAll(async () => {
  const r = await seedReport({ district: 'centre-ville', place: CANARY_PLACE, date: '2026-11-20', frequency: 'daily', activities: ['selling'], details: CANARY_DETAILS }, { contact: CANARY_CONTACT });
  expect(r.status).toBe(201);
  reportId = r.id;
  // A profile on disk of its own, scanned after the lock.
  profile = mkdtempSync(join(tmpdir(), 'stopdeal-lockdown-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  page = context.pages()[0] ?? (await context.newPage());
});

afterAll(async () => {
  await context?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

describe('automatic lock', () => {
  it('has an accessible settings screen and countdown, and keeps the idle time', async () => {
    const axe = async () => (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    await unlock();
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Réglages' }).click();
    await page.getByRole('heading', { level: 1, name: 'Réglages' }).waitFor();
    expect(await page.getByLabel('Verrouiller après (minutes sans activité)').inputValue()).toBe('10');
    expect(await axe()).toEqual([]);
    // 30 seconds: the countdown shows at once, and is checked too.
    await setIdle('0,5');
    await page.getByRole('alert').filter({ hasText: 'Verrouillage imminent' }).waitFor({ timeout: 5_000 });
    expect(await axe()).toEqual([]);
    // A value out of bounds is refused, in words.
    await page.getByLabel('Verrouiller après (minutes sans activité)').fill('abc');
    await page.getByRole('button', { name: 'Enregistrer le délai' }).click();
    await page.getByText('Indiquez un nombre de minutes entre 0,05 et 480.').waitFor();
    await page.getByLabel('Verrouiller après (minutes sans activité)').fill('0.05');
    await page.getByRole('button', { name: 'Enregistrer le délai' }).click();
    await page.getByText('Délai enregistré : 0,05 min.').waitFor();
  });

  it('locks by itself after the idle time, with a countdown, and leaves no plaintext anywhere', async () => {
    await goInViewer(page, `/reports/${reportId}`);
    await page.locator('#case-file').waitFor();
    await page.getByLabel('Nouvelle note').fill(CANARY_NOTE);
    await page.getByRole('button', { name: 'Ajouter la note' }).click();
    await page.locator('.history-note', { hasText: CANARY_NOTE }).waitFor();
    const shown = await page.locator('main').innerText();
    for (const c of CANARIES) expect(shown).toContain(c);

    // No activity from here: the countdown, then the lock (keys dropped, document reloaded).
    await page.getByRole('alert').filter({ hasText: 'Verrouillage imminent' }).waitFor({ timeout: 10_000 });
    expect(await page.locator('.idle-countdown').innerText()).toMatch(/se verrouille dans \d secondes?\./);
    await page.getByRole('heading', { level: 1, name: 'Déverrouiller' }).waitFor({ timeout: 15_000 });

    const page2 = await page.evaluate(() => document.documentElement.outerHTML);
    const stored = await dumpStorage();
    for (const c of CANARIES) {
      expect(page2).not.toContain(c);
      expect(stored).not.toContain(c);
    }
    // What the origin does keep: the wrapped keyring and the settings, nothing about reports.
    expect(stored).toContain('stopdeal-viewer-idle-minutes');
    expect(stored).toContain('"box"');
  });

  it('is postponed by activity', async () => {
    await unlock();
    await setIdle('0,1');
    await page.getByRole('alert').filter({ hasText: 'Verrouillage imminent' }).waitFor({ timeout: 10_000 });
    const start = Date.now();
    await page.waitForTimeout(4_000);
    await page.keyboard.press('Shift');
    // Without that key press it would have locked by 6 to 7 seconds.
    await page.waitForTimeout(Math.max(0, 8_000 - (Date.now() - start)));
    expect(await page.getByRole('heading', { level: 1, name: 'Réglages' }).count()).toBe(1);
    await page.getByRole('heading', { level: 1, name: 'Déverrouiller' }).waitFor({ timeout: 15_000 });
    expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
  });

  it('leaves no plaintext canary in the browser profile on disk', async () => {
    await context.close();
    const hits = findCanaries(profile, CANARIES);
    expect(hits).toEqual([]);
    // Positive control: the scan does read the origin's IndexedDB on disk, where the wrapped keyring is kept.
    const salt = (JSON.parse(readFileSync(env.keyringFile, 'utf8')) as { kdf: { salt: string } }).kdf.salt;
    expect(findCanaries(profile, [salt]).length).toBeGreaterThan(0);
  });
});
