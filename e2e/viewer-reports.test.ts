/**
 * The officer viewer, unlocked (issue 2): reports sealed in Node as an outside client would
 * are fetched with signed requests, decrypted in the page and read in plain French; hostile
 * text stays text; unreadable or inconsistent reports are flagged, never hidden; new reports
 * arrive without reload; locking leaves no plaintext in the page or the browser's storage;
 * the page talks to no origin but its own and the API's.
 */
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveFromReceipt, generatePoliceKey, newReceiptSecret, sealReport, solvePow, useSumo } from '../crypto/index.ts';
import { activePoliceKey, type PoliceKeyEntry } from '../schemas/deployment.ts';
import { toB64 } from '../schemas/encoding.ts';
import { launchBrowser } from './browser.ts';
import { testEnv } from './env.ts';
import { deployment, listReports, seedReport } from './officer.ts';
import { dumpStorage as dumpOrigin, unlockViewer, viewerAxe } from './viewer-steps.ts';

useSumo();
const env = testEnv();
const run = Date.now().toString(36);
const CANARY = `CANARY-VIEWER-PLACE-${run}`;
const CANARY_CONTACT = `canary-viewer-${run}@example.org`;
const CANARY_DETAILS = `CANARY-VIEWER-DETAILS-${run}`;
const CANARY_LATE = `CANARY-VIEWER-LATE-${run}`;
const UNREADABLE = `UNREADABLE-${run}`;
const CANARIES = [CANARY, CANARY_CONTACT, CANARY_DETAILS, CANARY_LATE];
const HOSTILE_IMG = `<img src=/pwned-${run}.png onerror="window.__pwned=1">`;
const HOSTILE_SCRIPT = `<script>window.__pwned=2</script><b onmouseover=alert(3)>gras</b>`;

let browser: Browser;
let context: BrowserContext;
let page: Page;
const requests: string[] = [];
const ids: Record<'plain' | 'hostile' | 'mismatch' | 'wrongKey' | 'late', string> = { plain: '', hostile: '', mismatch: '', wrongKey: '', late: '' };

/** Seals and posts a report exactly as given, for reports no honest app would send. */
async function postSealed(outerId: string, plaintext: Parameters<typeof sealReport>[0], police: Pick<PoliceKeyEntry, 'kid' | 'publicKey'>): Promise<number> {
  const { sealed, kid } = await sealReport(plaintext, police);
  const pow = await solvePow(outerId, sealed, deployment().powBits);
  const res = await fetch(env.apiUrl + '/api/v1/reports', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ v: 1, id: outerId, kid, sealed: toB64(sealed), pow }),
  });
  return res.status;
}

/** Loads the test keyring into a fresh viewer page and unlocks it. */
async function unlockIn(p: Page): Promise<void> {
  await unlockViewer(p);
  await p.getByRole('heading', { level: 1, name: 'Signalements' }).waitFor();
}

const newId = async () => (await deriveFromReceipt(await newReceiptSecret())).id;
const row = (id: string) => page.locator(`tr[data-report-id="${id}"]`);

async function openReportPage(id: string): Promise<void> {
  await row(id).getByRole('link').click();
  await page.locator('article.report').waitFor();
}

async function backToList(): Promise<void> {
  await page.getByRole('link', { name: 'Tous les signalements' }).click();
  await page.getByRole('heading', { level: 1, name: 'Signalements' }).waitFor();
}

const axeViolations = () => viewerAxe(page);


const dumpStorage = () => dumpOrigin(page);

beforeAll(async () => {
  const d = deployment();
  const police = activePoliceKey(d);
  const plain = await seedReport(
    {
      district: 'centre-ville',
      place: CANARY,
      date: '2026-11-20',
      'time-from': '21:30',
      frequency: 'daily',
      activities: ['selling', 'lookouts'],
      products: ['cannabis'],
      people: [{ count: 2, role: 'lookout', description: 'veste rouge' }],
      vehicles: [{ kind: 'motorbike', colour: 'noire', plate: 'AB-12' }],
      details: CANARY_DETAILS,
    },
    { contact: CANARY_CONTACT },
  );
  expect(plain.status).toBe(201);
  ids.plain = plain.id;

  const hostile = await seedReport({ district: 'centre-ville', place: HOSTILE_IMG, date: '2026-11-21', frequency: 'hourly', activities: ['selling'], details: HOSTILE_SCRIPT });
  expect(hostile.status).toBe(201);
  ids.hostile = hostile.id;

  // Inner id differs from the outer one (PROTOCOL §2: flag it).
  ids.mismatch = await newId();
  const base = { v: 1 as const, form: 'stop-deal', formVersion: 1, createdAt: '2026-11-23T10:00:00Z', contact: null, replyTo: null, attachments: [] };
  expect(await postSealed(ids.mismatch, { ...base, id: await newId(), answers: { district: 'centre-ville', place: 'rejoué', date: '2026-11-22', frequency: 'once', activities: ['other'] } }, police)).toBe(201);

  // Names the deployment's kid but is sealed to another key: it cannot open.
  ids.wrongKey = await newId();
  const stranger = await generatePoliceKey();
  expect(await postSealed(ids.wrongKey, { ...base, id: ids.wrongKey, answers: { place: UNREADABLE } }, { kid: police.kid, publicKey: stranger.publicKey })).toBe(201);

  browser = await launchBrowser();
  context = await browser.newContext();
  context.on('request', (r) => requests.push(r.url()));
  page = await context.newPage();
  await unlockIn(page);
  await row(ids.wrongKey).waitFor();
});

afterAll(async () => {
  await browser?.close();
});

describe('viewer, unlocked', () => {
  it('lists every stored report, newest first', async () => {
    const stored = await listReports();
    await expect.poll(() => page.locator('table.reports tbody tr').count()).toBe(stored.length);
    const shown = await page.locator('table.reports tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-report-id')));
    expect(shown).toEqual([...stored].sort((a, b) => b.seq - a.seq).map((r) => r.id));
    expect(await page.locator('.list-status').innerText()).toContain(`${stored.length} signalement`);
    const cells = await row(ids.plain).locator('td').allInnerTexts();
    expect(cells).toEqual(['Stop Deal', 'Centre-ville', CANARY, 'Déchiffré']);
  });

  it('shows a report in plain French: labels, choices, groups, contact, kid and hour', async () => {
    await openReportPage(ids.plain);
    const text = await page.locator('main').innerText();
    for (const expected of [
      'Signalement reçu le',
      'Quartier',
      'Centre-ville',
      'Rue, adresse ou repère',
      CANARY,
      'À quelle fréquence ?',
      'Tous les jours',
      'Ce que vous avez vu',
      'Vente',
      'Guetteurs',
      'Personnes vues',
      'Groupe de personnes 1',
      'Guetteur',
      'Véhicule 1',
      'Moto ou scooter',
      'Plaque (même en partie)',
      'AB-12',
      'vendredi 20 novembre 2026',
      '21 h 30',
      CANARY_DETAILS,
      'Le signalant accepte d’être recontacté',
      CANARY_CONTACT,
      'Clé de la police utilisée',
      activePoliceKey(deployment()).kid,
      'Reçu par le serveur (à l’heure près)',
      ids.plain,
    ]) {
      expect(text).toContain(expected);
    }
    expect(await page.locator('.contact-given').innerText()).toContain(CANARY_CONTACT);
    expect(await axeViolations()).toEqual([]);
    await backToList();
  });

  it('renders hostile answers as text, runs none of them, and flags what the form refuses', async () => {
    await openReportPage(ids.hostile);
    const main = page.locator('main');
    const text = await main.innerText();
    expect(text).toContain(HOSTILE_IMG);
    expect(text).toContain(HOSTILE_SCRIPT);
    expect(await main.locator('img, script, b').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(requests.some((u) => u.includes(`pwned-${run}`))).toBe(false);
    // `frequency: "hourly"` is not one of the form's options.
    expect(text).toContain('Réponses non conformes');
    expect(text).toContain('hourly');
    expect(text).toContain('(valeur absente du formulaire)');
    await backToList();
    expect(await row(ids.hostile).locator('td').nth(2).innerText()).toBe(HOSTILE_IMG);
    expect(await row(ids.hostile).innerText()).toContain('Réponses non conformes');
  });

  it('renders hostile answers as text even with the CSP and Trusted Types switched off', async () => {
    // The policy is a second wall: the first is that report text only ever becomes text nodes.
    const open = await browser.newContext({ bypassCSP: true });
    try {
      const p = await open.newPage();
      await unlockIn(p);
      await p.locator(`tr[data-report-id="${ids.hostile}"]`).getByRole('link').click();
      await p.locator('article.report').waitFor();
      const main = p.locator('main');
      expect(await main.innerText()).toContain(HOSTILE_IMG);
      expect(await main.locator('img, script, b').count()).toBe(0);
      await p.waitForTimeout(300);
      expect(await p.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    } finally {
      await open.close();
    }
  });

  it('flags a report whose sealed id differs from its outer id, and shows both', async () => {
    expect(await row(ids.mismatch).innerText()).toContain('Identifiant incohérent');
    await openReportPage(ids.mismatch);
    const text = await page.locator('main').innerText();
    expect(text).toContain('l’identifiant scellé dans ce signalement diffère de celui du serveur');
    expect(text).toContain('Identifiant scellé dans le signalement');
    expect(text).toContain('rejoué');
    await backToList();
  });

  it('flags a report that does not open, with its arrival facts, never hiding it', async () => {
    expect(await row(ids.wrongKey).innerText()).toContain('Illisible');
    await openReportPage(ids.wrongKey);
    const text = await page.locator('main').innerText();
    expect(text).toContain('ne s’ouvre pas avec la clé qu’il désigne');
    expect(text).toContain(ids.wrongKey);
    expect(text).not.toContain(UNREADABLE);
    expect(await axeViolations()).toEqual([]);
    await backToList();
  });

  it('has no accessibility violation on the list', async () => {
    expect(await axeViolations()).toEqual([]);
  });

  it('shows a new report without reloading the page', async () => {
    await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
    const late = await seedReport({ district: 'centre-ville', place: CANARY_LATE, date: '2026-11-23', frequency: 'once', activities: ['stash'] });
    expect(late.status).toBe(201);
    ids.late = late.id;
    // The poll runs every 10 s (services/reports.ts).
    await row(ids.late).waitFor({ timeout: 25_000 });
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    expect(await page.locator('table.reports tbody tr').first().getAttribute('data-report-id')).toBe(ids.late);
    expect(await page.locator('.arrivals').innerText()).toMatch(/1 nouveau signalement/);
  });

  it('locks: reloads the document, and no plaintext survives in the page or in storage', async () => {
    await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
    const stored = await dumpStorage();
    // Positive control: the dump reads real storage (the wrapped keyring file is kept there).
    expect(stored).toContain(JSON.parse(readFileSync(env.keyringFile, 'utf8')).kdf.salt);
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Verrouiller' }).click()]);
    await page.getByRole('heading', { level: 1, name: 'Déverrouiller' }).waitFor();
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBeUndefined();
    expect(new URL(page.url()).pathname).toBe('/');
    const html = await page.content();
    const after = await dumpStorage();
    for (const canary of CANARIES) {
      expect(stored).not.toContain(canary);
      expect(after).not.toContain(canary);
      expect(html).not.toContain(canary);
    }
  });

  it('talked to no origin but its own and the API’s', () => {
    const origins = new Set(requests.map((u) => new URL(u).origin));
    expect(origins.size).toBeGreaterThan(0);
    expect([...origins].filter((o) => o !== env.viewerUrl && o !== env.apiUrl)).toEqual([]);
    // And it did reach the API: reports were fetched with signed requests.
    expect(requests.some((u) => u.startsWith(env.apiUrl + '/api/v1/reports?after='))).toBe(true);
  });
});
