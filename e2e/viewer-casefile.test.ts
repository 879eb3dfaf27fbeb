/**
 * The case file (issue 4), in real Chromium against the real Worker: two officers, each in
 * their own browser context, see each other's sealed events with the right author; status,
 * assignment, tags and notes; "classé sans suite" tells the Worker an expiry it stores, and
 * reopening sets the default back; what expires soon is shown; events that do not open or
 * were replayed from another report are shown flagged and change nothing; an administrator
 * deletes a report for good; axe finds no violation on the case file panel; no CSP
 * violation happens on the way.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeyring, generateOfficerKey, KDF_INTERACTIVE, randomB64, sealCaseEvent, useSumo } from '../crypto/index.ts';
import type { CaseEventBodyInput } from '../schemas/caseFile.ts';
import { activePoliceKey } from '../schemas/deployment.ts';
import type { OfficerKeyEntry } from '../schemas/keyring.ts';
import { isoSeconds } from '../schemas/time.ts';
import { launchBrowser, visit } from './browser.ts';
import { testEnv } from './env.ts';
import { goInViewer, watchCsp } from './viewer-steps.ts';
import { adminKeyring, deployment, officerFetch, seedReport } from './officer.ts';
import { readFileSync } from 'node:fs';

useSumo();
const env = testEnv();
const run = Date.now().toString(36);
const PLACE = `CASEFILE-PLACE-${run}`;
const NOTE = `CASEFILE-NOTE-${run}`;
const OFFICER_PASS = 'deuxieme agent e2e';

let browser: Browser;
let ctxA: BrowserContext;
let ctxB: BrowserContext;
let a: Page;
let b: Page;
let officerB: OfficerKeyEntry;
let keyringB = '';
const ids = { main: '', closing: '', soon: '', flagged: '', doomed: '' };

const cspViolations = (p: Page) => p.evaluate(() => (window as unknown as { __csp: string[] }).__csp);

async function unlockIn(p: Page, keyring: string, passphrase: string): Promise<void> {
  await visit(p, env.viewerUrl + '/');
  await p.setInputFiles('#keyring-file', { name: 'trousseau.json', mimeType: 'application/json', buffer: Buffer.from(keyring) });
  await p.fill('#passphrase', passphrase);
  await p.getByRole('button', { name: 'Déverrouiller' }).click();
  await p.getByRole('heading', { level: 1, name: 'Signalements' }).waitFor();
}

async function openReport(p: Page, id: string): Promise<void> {
  await goInViewer(p, `/reports/${id}`);
  await p.locator('#case-file').waitFor();
}

async function setName(p: Page, name: string): Promise<void> {
  await p.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Réglages' }).click();
  await p.getByRole('heading', { level: 1, name: 'Réglages' }).waitFor();
  await p.getByLabel('Nom affiché aux autres agents').fill(name);
  await p.getByRole('button', { name: 'Enregistrer le nom' }).click();
  await p.getByText(`Nom enregistré : ${name}.`).waitFor();
}

const caseHistory = (p: Page) => p.locator('#case-file .history');
const historyItem = (p: Page, text: string) => caseHistory(p).locator('.history-item', { hasText: text });

async function postEvent(reportId: string, event: { type: CaseEventBodyInput['type'] } & Record<string, unknown>, outer = reportId): Promise<number> {
  const admin = (await adminKeyring()).officer!;
  const body = await sealCaseEvent({ v: 1, reportId, at: isoSeconds(new Date()), ...event } as CaseEventBodyInput, admin, activePoliceKey(deployment()));
  const res = await officerFetch('POST', `/api/v1/reports/${outer}/events`, body);
  return res.status;
}

async function storedExpiry(id: string): Promise<string | null> {
  const res = await officerFetch('GET', `/api/v1/reports/${id}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { expiresAt: string | null }).expiresAt;
}

const addMonths = (d: Date, n: number) => {
  const x = new Date(d);
  x.setUTCMonth(x.getUTCMonth() + n);
  return x;
};

beforeAll(async () => {
  const answers = (place: string) => ({ district: 'centre-ville', place, date: '2026-11-20', frequency: 'daily', activities: ['selling'] });
  for (const key of Object.keys(ids) as (keyof typeof ids)[]) {
    const r = await seedReport(answers(`${PLACE} ${key}`));
    expect(r.status).toBe(201);
    ids[key] = r.id;
  }

  // A second officer, enrolled and given the police keys by the admin (as the roster screen would).
  officerB = await generateOfficerKey();
  const enrol = await officerFetch('POST', '/api/v1/officers', { publicKey: officerB.publicKey, role: 'officer' });
  expect(enrol.status).toBe(201);
  const fileB = await createKeyring({ v: 1, police: (await adminKeyring()).police.map((k) => ({ ...k })), officer: officerB }, OFFICER_PASS, KDF_INTERACTIVE);
  keyringB = JSON.stringify(fileB);

  browser = await launchBrowser();
  ctxA = await browser.newContext();
  ctxB = await browser.newContext();
  await watchCsp(ctxA);
  await watchCsp(ctxB);
  a = await ctxA.newPage();
  b = await ctxB.newPage();
  await unlockIn(a, readFileSync(env.keyringFile, 'utf8'), env.passphrase);
  await unlockIn(b, keyringB, OFFICER_PASS);
  await setName(a, 'Cne Durand');
  await setName(b, 'Brigadier Martin');
});

afterAll(async () => {
  await browser?.close();
});

describe('case file, two officers', () => {
  it('shows each officer’s changes to the other, with the right author and a verified signature', async () => {
    await openReport(a, ids.main);
    await openReport(b, ids.main);
    expect(await a.locator('.case-summary').innerText()).toContain('Nouveau');

    // A sets the status; B sees it, signed by A.
    await a.locator('#case-status').selectOption('verifie');
    await a.getByRole('button', { name: 'Changer le statut' }).click();
    await a.getByText('Statut enregistré.').waitFor();
    const byA = historyItem(b, 'a passé le statut à « Vérifié »');
    await byA.waitFor({ timeout: 20_000 });
    expect(await byA.innerText()).toContain('Cne Durand (');
    expect(await byA.innerText()).toContain('Signature vérifiée');
    expect(await b.locator('.case-summary').innerText()).toContain('Vérifié');

    // B writes a note and tags the case; A sees both, signed by B.
    await b.getByLabel('Nouvelle note').fill(`${NOTE}\nsur deux lignes`);
    await b.getByRole('button', { name: 'Ajouter la note' }).click();
    await b.getByText('Note ajoutée.').waitFor();
    await b.getByLabel('Nouvelle étiquette').fill('guetteurs');
    await b.getByRole('button', { name: 'Ajouter l’étiquette' }).click();
    await b.getByText('Étiquettes enregistrées.').waitFor();
    const note = historyItem(a, NOTE);
    await note.waitFor({ timeout: 20_000 });
    expect(await note.innerText()).toContain('Brigadier Martin (');
    expect(await note.innerText()).toContain('a ajouté une note');
    expect(await note.locator('.history-note').innerText()).toBe(`${NOTE}\nsur deux lignes`);
    await historyItem(a, 'a ajouté l’étiquette « guetteurs »').waitFor({ timeout: 20_000 });
    expect(await a.locator('#case-file .tags').innerText()).toContain('guetteurs');

    // B, who saw A act, can hand the case to A by name; A removes the tag.
    await b.locator('#case-assignee').selectOption({ label: await b.locator('#case-assignee option', { hasText: 'Cne Durand' }).innerText() });
    await b.getByRole('button', { name: 'Attribuer' }).click();
    await b.getByText('Attribution enregistrée.').waitFor();
    await a.getByText('Chargé du dossier : Cne Durand').first().waitFor({ timeout: 20_000 });
    await a.getByRole('button', { name: 'Retirer l’étiquette « guetteurs »' }).click();
    await historyItem(b, 'a retiré l’étiquette « guetteurs »').waitFor({ timeout: 20_000 });
    expect(await b.locator('#case-file').innerText()).toContain('Aucune étiquette.');

    // The same history, in the same order, on both sides.
    const seqs = (p: Page) => caseHistory(p).locator('.history-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-seq')));
    await expect.poll(async () => JSON.stringify(await seqs(b))).toBe(JSON.stringify(await seqs(a)));
    expect(await caseHistory(a).locator('.history-item').count()).toBe(5);
  });

  it('has no accessibility violation on the case file panel', async () => {
    const results = await new AxeBuilder({ page: a }).include('#case-file').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    const page = await new AxeBuilder({ page: a }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    expect(page.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});

describe('delivery', () => {
  it('brings another officer’s event through the live channel, without waiting for a poll', async () => {
    await openReport(a, ids.main);
    await openReport(b, ids.main);
    // From here B's polls of the events list answer only after 15 s: what B shows sooner came live.
    const slow = (route: import('playwright-core').Route) => void setTimeout(() => void route.continue().catch(() => undefined), 15_000);
    await ctxB.route(/\/api\/v1\/events\?/, slow);
    try {
      const tag = `live-${run}`;
      await a.getByLabel('Nouvelle étiquette').fill(tag);
      await a.getByRole('button', { name: 'Ajouter l’étiquette' }).click();
      await a.getByText('Étiquettes enregistrées.').waitFor();
      await historyItem(b, `« ${tag} »`).waitFor({ timeout: 5_000 });
    } finally {
      await ctxB.unroute(/\/api\/v1\/events\?/, slow);
    }
  });

  it('still brings it by polling when the live channel is down', async () => {
    const ctxC = await browser.newContext();
    await ctxC.routeWebSocket(/\/api\/v1\/live/, (ws) => ws.close());
    const c = await ctxC.newPage();
    try {
      await unlockIn(c, keyringB, OFFICER_PASS);
      await openReport(c, ids.main);
      await caseHistory(c).waitFor();
      const note = `polled-${run}`;
      await a.getByLabel('Nouvelle note').fill(note);
      await a.getByRole('button', { name: 'Ajouter la note' }).click();
      await a.getByText('Note ajoutée.').waitFor();
      await historyItem(c, note).waitFor({ timeout: 25_000 });
    } finally {
      await ctxC.close();
    }
  });
});

describe('retention', () => {
  it('closing a case tells the Worker its expiry; reopening sets the default back', async () => {
    await openReport(a, ids.closing);
    const before = new Date();
    await a.locator('#case-status').selectOption('classe');
    await a.getByRole('button', { name: 'Changer le statut' }).click();
    await a.getByText('Statut enregistré.').waitFor();
    const closed = await storedExpiry(ids.closing);
    expect(closed).not.toBeNull();
    const expected = addMonths(before, deployment().retention.closedMonths).getTime();
    expect(Math.abs(Date.parse(closed!) - expected)).toBeLessThan(120_000);
    await historyItem(a, 'a fixé l’effacement au').waitFor();
    expect(await a.locator('.case-expiry').innerText()).toMatch(/Effacement prévu le .* \(dans (5\d|6\d) jours\)\./);

    await a.locator('#case-status').selectOption('a-verifier');
    await a.getByRole('button', { name: 'Changer le statut' }).click();
    await a.getByText('Statut enregistré.').waitFor();
    const reopened = await storedExpiry(ids.closing);
    const item = (await (await officerFetch('GET', `/api/v1/reports/${ids.closing}`)).json()) as { receivedAt: string };
    expect(reopened).toBe(isoSeconds(addMonths(new Date(item.receivedAt), deployment().retention.months)));
  });

  it('shows what expires soon: a badge on the report and the "expire bientôt" list', async () => {
    const soon = isoSeconds(new Date(Date.now() + 10 * 86_400_000));
    expect(await postEvent(ids.soon, { type: 'expiry', expiresAt: soon })).toBe(201);
    expect((await officerFetch('PUT', `/api/v1/reports/${ids.soon}/expiry`, { expiresAt: soon })).status).toBe(204);
    expect(await storedExpiry(ids.soon)).toBe(soon);
    const nav = a.getByRole('navigation', { name: 'Navigation principale' });
    await expect.poll(() => nav.getByRole('link', { name: /Expire bientôt \(\d+\)/ }).count(), { timeout: 20_000 }).toBe(1);
    await nav.getByRole('link', { name: /Expire bientôt/ }).click();
    await a.getByRole('heading', { level: 1, name: 'Expire bientôt' }).waitFor();
    const row = a.locator(`tr[data-report-id="${ids.soon}"]`);
    await row.waitFor();
    expect(await row.innerText()).toContain('Expire dans 10 jours');
    expect(await a.locator(`tr[data-report-id="${ids.main}"]`).count()).toBe(0);
    const results = await new AxeBuilder({ page: a }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    expect(results.violations.map((v) => v.id)).toEqual([]);
    await row.getByRole('link').click();
    await a.locator('#case-file').waitFor();
    expect(await a.locator('.case-glance').innerText()).toContain('Expire dans 10 jours');
  });
});

describe('hostile events', () => {
  it('shows an event that does not open, and one replayed from another report, flagged; neither counts', async () => {
    // Sealed bytes of a valid size that open with no key.
    const garbage = await randomB64(1072);
    expect((await officerFetch('POST', `/api/v1/reports/${ids.flagged}/events`, { kid: activePoliceKey(deployment()).kid, sealed: garbage })).status).toBe(201);
    // A real, signed event for ids.main, filed under ids.flagged.
    expect(await postEvent(ids.main, { type: 'status', status: 'classe' }, ids.flagged)).toBe(201);
    await openReport(b, ids.flagged);
    const flagged = b.locator('#case-file .history-flagged');
    await expect.poll(() => flagged.count(), { timeout: 20_000 }).toBe(2);
    const text = await caseHistory(b).innerText();
    expect(text).toContain('Non vérifié : cet événement ne s’ouvre pas');
    expect(text).toContain('signé pour un autre signalement (copie rejouée)');
    expect(await b.locator('.case-summary').innerText()).toContain('Nouveau');
    await openReport(b, ids.main);
    expect(await b.locator('.case-summary').innerText()).toContain('Vérifié');
  });
});

describe('deletion', () => {
  it('lets an administrator delete a report for good, after a confirmation; an officer is not offered it', async () => {
    await openReport(b, ids.doomed);
    expect(await b.getByRole('button', { name: 'Supprimer définitivement…' }).count()).toBe(0);
    await openReport(a, ids.doomed);
    await a.getByRole('button', { name: 'Supprimer définitivement…' }).click();
    const dialog = a.getByRole('dialog', { name: 'Supprimer ce signalement ?' });
    await dialog.waitFor();
    // Cancelling keeps it.
    await dialog.getByRole('button', { name: 'Annuler' }).click();
    expect((await officerFetch('GET', `/api/v1/reports/${ids.doomed}`)).status).toBe(200);
    await a.getByRole('button', { name: 'Supprimer définitivement…' }).click();
    await dialog.getByRole('button', { name: 'Supprimer définitivement' }).click();
    await a.getByText('Le signalement a été supprimé.').waitFor();
    expect((await officerFetch('GET', `/api/v1/reports/${ids.doomed}`)).status).toBe(404);
    expect(await a.locator(`[data-report-id="${ids.doomed}"]`).count()).toBe(0);
  });

  it('raised no CSP or Trusted Types violation in either browser', async () => {
    expect(await cspViolations(a)).toEqual([]);
    expect(await cspViolations(b)).toEqual([]);
  });
});
