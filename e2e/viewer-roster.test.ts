/**
 * The roster (issue 4), end to end in two browsers: a new officer creates their keyring in
 * their own viewer and shows their public key (text, file, QR code); the administrator enrols
 * it from the roster screen after comparing the fingerprint, and gives the police keys; the
 * new officer fetches them ("Récupérer mes clés"), unlocks and reads reports, sees no roster;
 * revoking takes effect at once and the revoked officer's viewer says so. axe finds no
 * violation on the enrolment and roster screens; no CSP or Trusted Types violation happens.
 */
import type { Browser, BrowserContext, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officerIdOf, unlockKeyring, useSumo } from '../crypto/index.ts';
import { OfficerKeyCard } from '../schemas/officerCard.ts';
import { OfficerPublicKey } from '../schemas/keys.ts';
import * as v from 'valibot';
import { qrPath } from '../viewer/src/admin/qrPath.ts';
import { launchBrowser, visit } from './browser.ts';
import { testEnv } from './env.ts';
import { officerFetch, seedReport } from './officer.ts';
import { goInViewer, unlockViewer, viewerAxe as axe, watchCsp } from './viewer-steps.ts';

useSumo();
const env = testEnv();
const run = Date.now().toString(36);
const PLACE = `ROSTER-PLACE-${run}`;
const NEW_PASS = 'phrase du nouvel agent';

let browser: Browser;
let ctxAdmin: BrowserContext;
let ctxNew: BrowserContext;
let admin: Page;
let agent: Page;
let reportId = '';
const created = { publicKey: '', fingerprint: '', officerId: '', cardFile: '' };

async function downloadText(p: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [d] = (await Promise.all([p.waitForEvent('download'), click()])) as [Download, void];
  const stream = await d.createReadStream();
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return { name: d.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
}

async function tryUnlockNew(): Promise<void> {
  await agent.fill('#passphrase', NEW_PASS);
  await agent.getByRole('button', { name: 'Déverrouiller' }).click();
  await agent.locator('#unlock-problem').waitFor();
  expect(await agent.locator('#unlock-problem').innerText()).toBe('Ce trousseau ne contient aucune clé de la police : il ne peut ouvrir aucun signalement.');
  await agent.getByRole('heading', { name: 'Nouvel agent : récupérer vos clés' }).waitFor();
}

beforeAll(async () => {
  const r = await seedReport({ district: 'centre-ville', place: PLACE, date: '2026-11-20', frequency: 'daily', activities: ['selling'] });
  expect(r.status).toBe(201);
  reportId = r.id;
  browser = await launchBrowser();
  ctxAdmin = await browser.newContext();
  ctxNew = await browser.newContext();
  await watchCsp(ctxAdmin);
  await watchCsp(ctxNew);
  admin = await ctxAdmin.newPage();
  agent = await ctxNew.newPage();
});

afterAll(async () => {
  await browser?.close();
});

describe('a new officer', () => {
  it('creates a keyring in their own viewer and shows the public key as text, file and QR code', async () => {
    await visit(agent, env.viewerUrl + '/');
    await agent.getByRole('link', { name: 'Je suis un nouvel agent : créer mon trousseau' }).click();
    await agent.getByRole('heading', { level: 1, name: 'Nouvel agent : créer mon trousseau' }).waitFor();
    expect(await axe(agent)).toEqual([]);

    await agent.getByLabel('Votre nom, affiché aux autres agents (facultatif)').fill('Agent Leroy');
    await agent.getByLabel('Phrase de passe', { exact: true }).fill('trop court');
    await agent.getByLabel('La même phrase de passe, une seconde fois').fill('trop court');
    await agent.getByRole('button', { name: 'Créer mon trousseau' }).click();
    expect(await agent.locator('#new-problem').innerText()).toBe('Phrase de passe trop courte : au moins 12 caractères.');
    await agent.getByLabel('Phrase de passe', { exact: true }).fill(NEW_PASS);
    await agent.getByLabel('La même phrase de passe, une seconde fois').fill(NEW_PASS + '!');
    await agent.getByRole('button', { name: 'Créer mon trousseau' }).click();
    await agent.getByText('Les deux phrases de passe diffèrent.').waitFor();
    await agent.getByLabel('La même phrase de passe, une seconde fois').fill(NEW_PASS);
    await agent.getByRole('button', { name: 'Créer mon trousseau' }).click();
    await agent.getByText('Votre trousseau est créé et gardé sur ce poste').waitFor({ timeout: 30_000 });

    created.publicKey = (await agent.locator('#new-public-key').innerText()).trim();
    created.fingerprint = (await agent.locator('#new-fingerprint').innerText()).trim();
    // The key as the screen shows it, read into its role before use.
    created.officerId = await officerIdOf(v.parse(OfficerPublicKey, created.publicKey));
    expect(created.fingerprint).toMatch(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/);
    // The QR code is SVG elements drawing exactly the key's modules.
    const qr = agent.getByRole('img', { name: /Code QR de votre clé publique/ });
    expect(await qr.locator('path').getAttribute('d')).toBe(qrPath(created.publicKey).d);

    const card = await downloadText(agent, () => agent.getByRole('button', { name: 'Télécharger ma clé publique (fichier)' }).click());
    const parsed = v.parse(OfficerKeyCard, JSON.parse(card.text));
    expect(parsed).toMatchObject({ officerId: created.officerId, publicKey: created.publicKey, name: 'Agent Leroy' });
    created.cardFile = card.text;

    const backup = await downloadText(agent, () => agent.getByRole('button', { name: 'Télécharger une copie du trousseau (sauvegarde)' }).click());
    const inner = await unlockKeyring(JSON.parse(backup.text), NEW_PASS);
    expect(inner.police).toEqual([]);
    expect(inner.officer?.publicKey).toBe(created.publicKey);
    expect(JSON.parse(backup.text).kdf).toMatchObject({ opslimit: 3, memlimit: 256 * 1024 * 1024 });
    expect(await axe(agent)).toEqual([]);
  });

  it('cannot fetch keys before being enrolled, and is told why', async () => {
    await agent.getByRole('link', { name: 'Retour au déverrouillage' }).click();
    await agent.getByRole('heading', { level: 1, name: 'Déverrouiller' }).waitFor();
    await agent.locator('.stored-keyring').waitFor();
    await tryUnlockNew();
    await agent.getByRole('button', { name: 'Récupérer mes clés' }).click();
    await agent.getByText('Le serveur ne vous connaît pas encore (ou plus)').waitFor({ timeout: 20_000 });
  });
});

describe('the administrator', () => {
  it('enrols the new officer from their public key file, after comparing the fingerprint', async () => {
    await unlockViewer(admin);
    await admin.getByRole('heading', { level: 1, name: 'Signalements' }).waitFor();
    await admin.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Agents' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Agents' }).waitFor();
    await admin.locator('table.roster-table').waitFor();
    expect(await axe(admin)).toEqual([]);

    // Pasting the bare key shows the same fingerprint as the new officer's screen.
    await admin.getByLabel('Clé publique du nouvel agent').fill('pas une clé');
    await admin.getByRole('button', { name: 'Vérifier la clé' }).click();
    await admin.getByText('Ce n’est pas une clé publique d’agent').waitFor();
    await admin.getByLabel('Clé publique du nouvel agent').fill(` ${created.publicKey}\n`);
    await admin.getByRole('button', { name: 'Vérifier la clé' }).click();
    expect(await admin.getByTestId('enrol-fingerprint').innerText()).toBe(created.fingerprint);

    // Picking the file gives the same key, and the name the officer wrote (said to be unverified).
    await admin.setInputFiles('#enrol-key-file', { name: 'cle-publique-agent.json', mimeType: 'application/json', buffer: Buffer.from(created.cardFile) });
    await admin.getByText('Nom indiqué dans le fichier : Agent Leroy (déclaré par l’agent, non vérifié).').waitFor();
    expect(await admin.getByTestId('enrol-fingerprint').innerText()).toBe(created.fingerprint);
    await admin.getByRole('button', { name: 'Inscrire cet agent' }).click();
    await admin.getByText('Comparez l’empreinte avec le nouvel agent et cochez la case avant d’inscrire.').waitFor();
    await admin.getByLabel('J’ai comparé cette empreinte').check();
    await admin.getByLabel('Agent : consulte les signalements').check();
    expect(await axe(admin)).toEqual([]);
    await admin.getByRole('button', { name: 'Inscrire cet agent' }).click();
    await admin.getByText(`Agent ${created.fingerprint} inscrit.`).waitFor();
    const row = admin.locator(`tr[data-officer-id="${created.officerId}"]`);
    await row.waitFor();
    expect(await row.innerText()).toContain('Actif');
    expect(await row.innerText()).toContain(created.fingerprint);
    const roster = (await (await officerFetch('GET', '/api/v1/officers')).json()) as { officers: Array<{ officerId: string; role: string }> };
    expect(roster.officers.find((o) => o.officerId === created.officerId)?.role).toBe('officer');
  });

  it('the enrolled officer is told the keys have not been given yet', async () => {
    await agent.getByRole('button', { name: 'Récupérer mes clés' }).click();
    await agent.getByText('Vous êtes inscrit, mais l’administrateur ne vous a pas encore donné les clés.').waitFor({ timeout: 20_000 });
  });

  it('gives the police keys', async () => {
    await admin.getByRole('button', { name: /^Donner les clés à / }).first().click();
    await admin.getByText(/1 clé de la police donnée à .*Il peut maintenant « Récupérer mes clés »/).waitFor();
  });
});

describe('the new officer, granted', () => {
  it('fetches the keys, unlocks and reads reports, with no roster', async () => {
    await agent.getByRole('button', { name: 'Récupérer mes clés' }).click();
    await agent.getByText('1 clé de la police ajoutée (1 en tout). Votre trousseau est mis à jour sur ce poste').waitFor({ timeout: 20_000 });
    const updated = await downloadText(agent, () => agent.getByRole('button', { name: 'Télécharger le trousseau mis à jour (sauvegarde)' }).click());
    expect((await unlockKeyring(JSON.parse(updated.text), NEW_PASS)).police).toHaveLength(1);
    await agent.getByRole('button', { name: 'Déverrouiller' }).click();
    await agent.getByRole('heading', { level: 1, name: 'Signalements' }).waitFor({ timeout: 20_000 });
    await goInViewer(agent, `/reports/${reportId}`);
    await agent.getByText(PLACE).first().waitFor();
    await goInViewer(agent, '/settings');
    await agent.getByText('Rôle : agent').waitFor();
    const nav = agent.getByRole('navigation', { name: 'Navigation principale' });
    expect(await nav.getByRole('link', { name: 'Agents' }).count()).toBe(0);
    await goInViewer(agent, '/officers');
    await agent.getByText('Cet écran est réservé aux administrateurs.').waitFor();
  });

  it('keeps the updated keyring on the workstation: it unlocks again without any step', async () => {
    await agent.getByRole('button', { name: 'Verrouiller' }).click();
    await agent.getByRole('heading', { level: 1, name: 'Déverrouiller' }).waitFor();
    await agent.locator('.stored-keyring').waitFor();
    await agent.fill('#passphrase', NEW_PASS);
    await agent.getByRole('button', { name: 'Déverrouiller' }).click();
    await agent.getByRole('heading', { level: 1, name: 'Signalements' }).waitFor({ timeout: 20_000 });
  });
});

describe('revocation', () => {
  it('takes effect at once, with a reminder to rotate the police key; the revoked viewer says so', async () => {
    const row = admin.locator(`tr[data-officer-id="${created.officerId}"]`);
    await row.getByRole('button', { name: /^Révoquer/ }).click();
    const dialog = admin.getByRole('dialog', { name: 'Révoquer cet agent ?' });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('docs/key-ceremony.md');
    expect(await dialog.innerText()).toContain('Changez donc la clé de la police');
    expect(await axe(admin)).toEqual([]);
    await dialog.getByRole('button', { name: 'Révoquer maintenant' }).click();
    await admin.getByText(/est révoqué\. Pensez à changer la clé de la police\./).waitFor();
    expect(await row.innerText()).toContain('Révoqué le');

    // Its very next request is refused, and the viewer says why.
    await goInViewer(agent, `/reports/${reportId}`);
    await agent.locator('#case-file').waitFor();
    await agent.getByLabel('Nouvelle note').fill('après révocation');
    await agent.getByRole('button', { name: 'Ajouter la note' }).click();
    await agent.getByText('Le serveur refuse la signature de ce poste : agent inconnu ou révoqué').first().waitFor({ timeout: 10_000 });
    expect(await agent.locator('#case-file [role="alert"]').innerText()).toContain('La note n’a pas été enregistrée.');
    await goInViewer(agent, '/');
    await agent.getByText('Le serveur refuse la signature de ce poste : agent inconnu ou révoqué').first().waitFor({ timeout: 20_000 });
  });

  it('raised no CSP or Trusted Types violation in either browser', async () => {
    for (const p of [admin, agent]) expect(await p.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
  });
});
