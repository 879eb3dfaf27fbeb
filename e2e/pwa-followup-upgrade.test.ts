/**
 * Dexie version 1 → 2 (issue 3), lobe-chat style: a database written exactly as the issue-2
 * app left it (native version 10, its five stores, real rows: a report sealed and proved in
 * Node waiting in the outbox, a delivered report, a draft boxed under a non-extractable
 * WebCrypto key) is opened by today's app. The upgrade keeps every byte of the waiting
 * report, which is then delivered once and gets a verified proof; the old sent row and the
 * draft are still there; the database is at version 2 with its new store.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveFromReceipt, newReceiptSecret, sealReport, solvePow } from '../crypto/index.ts';
import { activePoliceKey } from '../schemas/deployment.ts';
import { toB64 } from '../schemas/encoding.ts';
import { launchBrowser, visit } from './browser.ts';
import { testEnv } from './env.ts';
import { deployment, listReports, openStored } from './officer.ts';
import { homeStatuses, PHONE, readStore } from './pwa-steps.ts';

const env = testEnv();
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A report sealed and proved as the issue-2 app did, and its outbox body byte for byte. */
async function v1Report() {
  const d = deployment();
  const keys = await deriveFromReceipt(await newReceiptSecret());
  const plaintext = {
    v: 1 as const, id: keys.id, form: 'stop-deal', formVersion: 1, createdAt: '2026-11-22T20:15:00Z',
    answers: { district: 'argentine', place: 'Écrit par la version 1', date: '2026-11-20', frequency: 'daily', activities: ['selling'] },
    contact: null, replyTo: toB64(keys.replyPublicKey), attachments: [],
  };
  const { sealed, kid } = await sealReport(plaintext, activePoliceKey(d));
  const pow = await solvePow(keys.id, sealed, d.powBits);
  return { id: keys.id, body: JSON.stringify({ v: 1, id: keys.id, kid, sealed: toB64(sealed), mailbox: keys.mailboxHash, pow }) };
}

describe('Dexie version 1 → 2', () => {
  it('keeps waiting reports, sent rows and drafts of a version-1 database', async () => {
    const waiting = await v1Report();
    const oldSent = { id: 'TtlGuf5DHtdzvNZvvDbmyg', day: '2026-11-21', receivedAt: '2026-11-21T18:00:00Z' };
    const context = await browser.newContext({ ...PHONE, serviceWorkers: 'block' });
    const page = await context.newPage();
    // A blank page of the app's origin, to write the old database before the app ever runs.
    await page.route(`${env.apiUrl}/seed-version-1`, (r) => r.fulfill({ contentType: 'text/html', body: '<!doctype html><title>v1</title>' }));
    await visit(page, `${env.apiUrl}/seed-version-1`);
    const draftId = '6b0f8c1e-1c7a-4a53-9d6e-2f4f7f1e9b10';
    await page.evaluate(
      async ({ outboxRow, sentRow, draftId }) => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          // Dexie's `version(1)` is IndexedDB version 10: five stores, primary keys only.
          const req = indexedDB.open('stopdeal', 10);
          req.onupgradeneeded = () => {
            for (const [name, keyPath] of [['keys', 'name'], ['drafts', 'id'], ['outbox', 'id'], ['sent', 'id'], ['settings', 'name']] as const) req.result.createObjectStore(name, { keyPath });
          };
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
        const iv = crypto.getRandomValues(new Uint8Array(12));
        const content = { formId: 'stop-deal', formVersion: 1, step: 0, answers: { place: 'Brouillon de la version 1' }, contact: '' };
        const box = new Uint8Array(
          await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: new TextEncoder().encode('stopdeal/draft/v1\n' + draftId) }, key, new TextEncoder().encode(JSON.stringify(content))),
        );
        const tx = db.transaction(['keys', 'drafts', 'outbox', 'sent', 'settings'], 'readwrite');
        tx.objectStore('keys').put({ name: 'draft', key });
        tx.objectStore('drafts').put({ id: draftId, iv, box });
        tx.objectStore('outbox').put(outboxRow);
        tx.objectStore('sent').put(sentRow);
        tx.objectStore('settings').put({ name: 'persistAsked', value: true });
        await new Promise((resolve, reject) => {
          tx.oncomplete = resolve;
          tx.onerror = () => reject(tx.error);
        });
        db.close();
      },
      { outboxRow: { id: waiting.id, body: waiting.body, state: 'waiting', day: '2026-11-22', attempts: 2, nextAttemptAt: 0 }, sentRow: oldSent, draftId },
    );

    // Today's app opens it, with the Worker out of reach for a moment.
    await page.route('**/api/v1/reports', (r) => r.abort());
    await visit(page, env.apiUrl + '/');
    expect(await homeStatuses(page)).toEqual(['waiting', 'sent']);
    const version = await page.evaluate(async () => (await indexedDB.databases()).find((d) => d.name === 'stopdeal')?.version);
    // Version 3 (issue R, photos) adds two stores on top of version 2; nothing is rewritten.
    expect(version).toBe(30);
    const [row] = (await readStore(page, 'outbox')) as Array<Record<string, unknown>>;
    expect(row).toMatchObject({ id: waiting.id, kind: 'report', target: '/api/v1/reports', order: 0, state: 'waiting', day: '2026-11-22', body: waiting.body });
    expect(await readStore(page, 'mailboxes')).toEqual([]);
    expect(await readStore(page, 'draftPhotos')).toEqual([]);
    expect(await readStore(page, 'outboxBlobs')).toEqual([]);
    // The draft written by version 1 still opens with the same key.
    await page.getByRole('button', { name: 'Reprendre le signalement commencé : Stop Deal' }).click();
    await expect(page.getByLabel(/Rue, adresse ou repère/).inputValue()).resolves.toBe('Brouillon de la version 1');
    await page.getByRole('button', { name: 'Revenir à l’accueil' }).click();

    // Reachable again: delivered once, byte for byte, with a verified proof.
    await page.unroute('**/api/v1/reports');
    await page.reload();
    await page.locator('li.report[data-proof="verified"]').waitFor({ timeout: 30_000 });
    expect(await homeStatuses(page)).toEqual(['sent', 'sent']);
    const stored = (await listReports()).filter((r) => r.id === waiting.id);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.sealed).toBe(JSON.parse(waiting.body).sealed);
    expect((await openStored(stored[0]!)).report.answers.place).toBe('Écrit par la version 1');
    const sent = (await readStore(page, 'sent')) as Array<Record<string, unknown>>;
    expect(sent.find((s) => s.id === oldSent.id)).toEqual(oldSent);
    expect(sent.find((s) => s.id === waiting.id)).toMatchObject({ day: '2026-11-22', proof: 'verified' });
    expect(await readStore(page, 'outbox')).toEqual([]);
    await context.close();
  });
});
