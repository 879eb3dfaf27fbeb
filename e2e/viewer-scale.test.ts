/**
 * A thousand reports (issue 4, scale): sealed in Node with the deployment's real police key
 * and served to the viewer from memory as the API's report list (`page.route`: the same
 * pages, cursor and `next` as PROTOCOL §5, without filling the shared test instance, whose
 * other tests count every stored report). The viewer opens them in its report workers under
 * the real CSP and Trusted Types, keeps every flag exactly as before, lists them all with its
 * virtual list, and finds one of them by a word of its content.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePoliceKey, randomB64, sealReport, useSumo } from '../crypto/index.ts';
import type { ReportItem } from '../schemas/api.ts';
import { activePoliceKey, type PoliceKeyEntry } from '../schemas/deployment.ts';
import { toB64 } from '../schemas/encoding.ts';
import { launchBrowser, visit } from './browser.ts';
import { testEnv } from './env.ts';
import { deployment } from './officer.ts';
import { serveReportList, unlockViewer } from './viewer-steps.ts';

useSumo();
const env = testEnv();
const run = `sc${Date.now().toString(36)}`;
const N = 1000;
const DISTRICTS = ['centre-ville', 'argentine', 'saint-jean', 'saint-lucien', 'notre-dame-du-thil', 'saint-quentin', 'voisinlieu'];

let browser: Browser;
let context: BrowserContext;
let page: Page;
const items: ReportItem[] = [];
const special = { unreadable: '', unknownKey: '', mismatch: '', unknownForm: '', needle: '' };
const workers: string[] = [];
const problems: string[] = [];
let listedMs = 0;


beforeAll(async () => {
  const police = activePoliceKey(deployment());
  const stranger = await generatePoliceKey();
  const t0 = performance.now();
  for (let seq = 1; seq <= N; seq++) {
    const id = await randomB64(16);
    let inner = id;
    let form = 'stop-deal';
    let key: Pick<PoliceKeyEntry, 'kid' | 'publicKey'> = police;
    let kid = police.kid;
    const details = seq === 537 ? `Zébulon-${run} surveille le hall` : `Signalement ${seq} ${run}`;
    if (seq === 500) (key = { kid: police.kid, publicKey: stranger.publicKey }), (special.unreadable = id);
    if (seq === 501) (key = stranger), (kid = stranger.kid), (special.unknownKey = id);
    if (seq === 502) (inner = await randomB64(16)), (special.mismatch = id);
    if (seq === 503) (form = 'formulaire-inconnu'), (special.unknownForm = id);
    if (seq === 537) special.needle = id;
    const answers = {
      district: DISTRICTS[seq % DISTRICTS.length],
      place: `${seq % 90} rue des Tests ${run}`,
      date: `2026-11-${String((seq % 28) + 1).padStart(2, '0')}`,
      'time-from': `${String(seq % 24).padStart(2, '0')}:15`,
      frequency: 'daily',
      activities: ['selling'],
      details,
      point: { lat: 49.41 + (seq % 40) / 1000, lon: 2.05 + (seq % 60) / 1000 },
    };
    const { sealed } = await sealReport({ v: 1, id: inner, form, formVersion: 1, createdAt: '2026-11-23T21:40:00Z', answers, contact: null, replyTo: null, attachments: [] }, key);
    const hour = String(seq % 24).padStart(2, '0');
    items.push({ seq, id, kid, sealed: toB64(sealed), mailbox: false, blobs: [], receivedAt: `2026-11-${String((seq % 28) + 1).padStart(2, '0')}T${hour}:00:00Z` });
  }
  console.log(`[viewer-scale] sealed ${N} reports in Node in ${Math.round(performance.now() - t0)} ms`);

  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  page.on('worker', (w) => workers.push(w.url()));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(msg.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.route((url) => url.origin === env.apiUrl && url.pathname === '/api/v1/reports', serveReportList(items));
  await visit(page, env.viewerUrl + '/');
  await page.setInputFiles('#keyring-file', { name: 'trousseau.json', mimeType: 'application/json', buffer: Buffer.from(readFileSync(env.keyringFile, 'utf8')) });
  await page.fill('#passphrase', env.passphrase);
  const started = Date.now();
  await page.getByRole('button', { name: 'Déverrouiller' }).click();
  await page.locator('.list-status strong', { hasText: `${N} signalements` }).waitFor({ timeout: 45_000 });
  listedMs = Date.now() - started;
  console.log(`[viewer-scale] "Déverrouiller" to ${N} reports listed: ${listedMs} ms (Argon2id INTERACTIVE included)`);
});

afterAll(async () => {
  await browser?.close();
});

const rows = () => page.locator('table.reports tbody tr[data-report-id]');

describe('viewer: a thousand reports', () => {
  it('opens them in report workers, started under the CSP and Trusted Types', () => {
    expect(workers.length).toBeGreaterThanOrEqual(1);
    for (const w of workers) expect(w).toMatch(new RegExp(`^${env.viewerUrl}/assets/openReports-[\\w-]+\\.js$`));
    expect(problems.filter((p) => /Content Security Policy|TrustedScriptURL|Trusted Type/i.test(p))).toEqual([]);
  });

  it('allows one Trusted Types policy, the report workers’, taken once: no other, no second one', async () => {
    const attempts = await page.evaluate(() =>
      ['stopdeal-worker', 'default', 'another'].map((name) => {
        try {
          (globalThis as unknown as { trustedTypes: { createPolicy: (n: string, r: object) => unknown } }).trustedTypes.createPolicy(name, { createScriptURL: (u: string) => u });
          return `${name}: created`;
        } catch {
          return `${name}: refused`;
        }
      }),
    );
    expect(attempts).toEqual(['stopdeal-worker: refused', 'default: refused', 'another: refused']);
  });

  it('lists them all with a virtual list: every row counted, only those near the screen drawn', async () => {
    expect(await page.locator('table.reports').getAttribute('aria-rowcount')).toBe(String(N + 1));
    const drawn = await rows().count();
    expect(drawn).toBeGreaterThan(10);
    expect(drawn).toBeLessThan(120);
    expect(await rows().first().getAttribute('data-report-id')).toBe(items[N - 1]!.id);
    expect(await rows().first().getAttribute('aria-rowindex')).toBe('2');
    // Scrolled to the end, the oldest report is drawn, at its true position.
    await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
    const oldest = page.locator(`tr[data-report-id="${items[0]!.id}"]`);
    await oldest.waitFor();
    expect(await oldest.getAttribute('aria-rowindex')).toBe(String(N + 1));
    expect(await rows().count()).toBeLessThan(120);
    await page.evaluate(() => scrollTo(0, 0));
    await page.locator(`tr[data-report-id="${items[N - 1]!.id}"]`).waitFor();
  });

  it('keeps every flag exactly as before', async () => {
    const badgeOf = async (id: string) => {
      await page.fill('#find-text', id);
      await expect.poll(() => rows().count()).toBe(1);
      return page.locator(`tr[data-report-id="${id}"] td`).nth(3).innerText();
    };
    expect(await badgeOf(special.unreadable)).toBe('Illisible');
    expect(await badgeOf(special.unknownKey)).toBe('Clé inconnue');
    expect(await badgeOf(special.mismatch)).toBe('Identifiant incohérent');
    expect(await badgeOf(special.unknownForm)).toBe('Formulaire inconnu');
    expect(await badgeOf(items[9]!.id)).toBe('Déchiffré');
    expect(await page.locator('.list-status').innerText()).toContain('dont 4 à vérifier');
  });

  it('finds one report among a thousand by a word of its content, accents aside', async () => {
    await page.fill('#find-text', `zebulon-${run}`.toUpperCase());
    await expect.poll(() => rows().count()).toBe(1);
    expect(await rows().first().getAttribute('data-report-id')).toBe(special.needle);
    // No virtual list for one row: the table is a plain table again.
    expect(await page.locator('table.reports').getAttribute('aria-rowcount')).toBeNull();
    // One report in seven names Saint-Lucien (143), but #500 of them does not open.
    await page.fill('#find-text', 'saint-lucien');
    await expect.poll(() => page.locator('.find-result').innerText()).toMatch(/^142 signalements affichés sur 1[\s\u202f]?000$/);
  });

  it('has no accessibility violation on the long list', async () => {
    await page.fill('#find-text', '');
    await expect.poll(() => page.locator('table.reports').getAttribute('aria-rowcount')).toBe(String(N + 1));
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });

  it('opens them on the page, just as well, when the report workers cannot start', async () => {
    const other = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const p = await other.newPage();
      let refused = 0;
      await p.route((url) => url.origin === env.apiUrl && url.pathname === '/api/v1/reports', serveReportList(items));
      await p.route((url) => url.origin === env.viewerUrl && url.pathname.startsWith('/assets/openReports-'), (route) => {
        refused++;
        return route.abort();
      });
      await unlockViewer(p);
      await p.locator('.list-status strong', { hasText: `${N} signalements` }).waitFor({ timeout: 45_000 });
      expect(await p.locator('.list-status').innerText()).toContain('dont 4 à vérifier');
      await p.fill('#find-text', special.mismatch);
      await p.locator(`tr[data-report-id="${special.mismatch}"]`, { hasText: 'Identifiant incohérent' }).waitFor();
      expect(refused).toBeGreaterThanOrEqual(1); // the workers were tried, and could not load
    } finally {
      await other.close();
    }
  });

  it('listed them within a minute', () => {
    expect(listedMs).toBeGreaterThan(0);
    expect(listedMs).toBeLessThan(60_000);
  });
});
