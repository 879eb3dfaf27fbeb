/**
 * The resident's side of the follow-up (issue 3), in real Chromium against the real Worker,
 * the officer played in Node from PROTOCOL §4–5: the receipt code is shown once, with a
 * proof of submission verified against the pinned key and exportable; the conversation is
 * live (an officer's question appears within seconds without reload, and the latency is
 * measured); the resident answers and the officer decrypts it; a message sealed with a wrong
 * key shows as unreadable; the conversation comes back from the code typed sloppily in a
 * fresh browser; a wrong code says only "Code inconnu"; no plaintext reaches the Worker's
 * state or log; and the page's CSP `connect-src 'self'` covers its same-origin WebSocket.
 */
import { readFileSync } from 'node:fs';
import { sodium as loadSodium } from '../crypto/sodium.ts';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveFromReceipt, generatePoliceKey, parseReceiptCode, sealedDigest } from '../crypto/index.ts';
import { fromB64, toB64 } from '../schemas/encoding.ts';
import { SubmissionProofFile } from '../schemas/submissionProof.ts';
import { launchBrowser, visit } from './browser.ts';
import { testEnv } from './env.ts';
import { deployment, listReports } from './officer.ts';
import { fillStopDeal, openApp, readStore, send } from './pwa-steps.ts';
import {
  answer, askQuestion, conversationOpen, followWithCode, officerMessages, officerReadsAnswers, postSealedQuestion, replyKeyOf, sealQuestion, shownThread,
  sloppy, unknownCode, wholeDatabase,
} from './pwa-followup-steps.ts';
import { findCanaries } from './scan.ts';

const env = testEnv();
const run = Date.now().toString(36);
const QUESTION = `CANARY-FU-QUESTION-${run} Pouvez-vous décrire les personnes ?`;
const ANSWER = `CANARY-FU-ANSWER-${run} Deux hommes, un scooter noir «X» é`;

let browser: Browser;
let page: Page;
let code = '';
let reportId = '';

beforeAll(async () => {
  browser = await launchBrowser();
  ({ page } = await openApp(browser));
});
afterAll(async () => {
  await browser?.close();
});

/** The median of a list of numbers. */
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

describe('receipt code and proof of submission', () => {
  it('shows the code once, large and grouped, not kept by default, with a verified proof of submission', async () => {
    await fillStopDeal(page, { place: `Hall D ${run}` });
    code = await send(page);
    reportId = (await deriveFromReceipt(parseReceiptCode(code))).id;
    const groups = await page.locator('.code-group').allInnerTexts();
    expect(groups.join('-')).toBe(code);
    expect(groups.map((g) => g.length)).toEqual([4, 4, 4, 4, 4, 4, 2]);
    const explain = await page.locator('.code-explain').innerText();
    expect(explain).toContain('Qui a ce code peut lire la conversation avec la police et y répondre.');
    expect(explain).toContain('La police ne vous demandera jamais ce code.');

    // Delivered, and the Worker's receipt checked against the key pinned in the build.
    await page.locator('p.delivery[data-status="sent"]').waitFor({ timeout: 30_000 });
    await page.locator('.receipt [data-proof="verified"]').waitFor({ timeout: 30_000 });
    await expect(page.locator('.receipt [data-proof="verified"]').innerText()).resolves.toContain('Preuve d’envoi vérifiée');

    // Not kept unless asked: the checkbox is off and the code is nowhere in storage.
    await expect(page.getByLabel('Garder ce code sur ce téléphone').isChecked()).resolves.toBe(false);
    const db = await wholeDatabase(page);
    for (const form of [code, code.replace(/-/g, '')]) expect(db).not.toContain(form);
    expect(await readStore(page, 'mailboxes')).toEqual([]);
    // The sent list holds the proof: id, hour, signature, verified, digest; no ciphertext any more.
    const sent = (await readStore(page, 'sent')) as Array<Record<string, unknown>>;
    expect(sent).toHaveLength(1);
    expect(Object.keys(sent[0]!).sort()).toEqual(['day', 'digest', 'id', 'proof', 'receipt', 'receivedAt']);
    expect(sent[0]).toMatchObject({ id: reportId, proof: 'verified' });
  });

  it('saves the code as an image and prints only the code box', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Enregistrer en image' }).click()]);
    expect(download.suggestedFilename()).toBe('stop-deal-code.png');
    const png = readFileSync((await download.path())!);
    expect([...png.subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    await page.getByText('Image enregistrée dans vos téléchargements.').waitFor();

    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(() => ({
      topbar: getComputedStyle(document.querySelector('.topbar')!).visibility,
      code: getComputedStyle(document.querySelector('.code-groups')!).visibility,
      actions: getComputedStyle(document.querySelector('.code-actions')!).display,
      keep: getComputedStyle(document.querySelector('.keep-choice')!).visibility,
    }));
    await page.emulateMedia({ media: 'screen' });
    expect(printed).toEqual({ topbar: 'hidden', code: 'visible', actions: 'none', keep: 'hidden' });
  });

  it('never shows the code again; the proof can be exported and verified by anyone', async () => {
    await page.getByRole('button', { name: 'J’ai noté le code' }).click();
    await visit(page, env.apiUrl + '/envoye');
    await page.getByRole('heading', { level: 1, name: 'Le code n’est plus affiché : il n’est montré qu’une seule fois.' }).waitFor();
    expect(await page.locator('main').innerText()).not.toContain(code.slice(0, 9));
    await page.getByRole('button', { name: 'Retour à l’accueil' }).click();

    const row = page.locator(`li.report[data-proof="verified"]`);
    await expect(row.innerText()).resolves.toContain('Preuve d’envoi vérifiée');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Enregistrer la preuve d’envoi du signalement 1' }).click()]);
    const file = v.parse(SubmissionProofFile, JSON.parse(readFileSync((await download.path())!, 'utf8')));
    expect(file.id).toBe(reportId);
    expect(file.receiptPublicKey).toBe(deployment().receiptPublicKey);
    // The digest is that of the ciphertext the Worker holds (an officer can check it too).
    const stored = (await listReports()).find((r) => r.id === reportId)!;
    expect(file.receivedAt).toBe(stored.receivedAt);
    expect(file.sealedDigest).toBe(toB64(await sealedDigest(fromB64(stored.sealed))));
    // docs/follow-up.md §5, with libsodium alone.
    const sodium = await loadSodium();
    const V = sodium.base64_variants.URLSAFE_NO_PADDING;
    const ok = (text: string) => sodium.crypto_sign_verify_detached(sodium.from_base64(file.receipt, V), sodium.from_string(text), sodium.from_base64(deployment().receiptPublicKey!, V));
    expect(ok(`stopdeal-receipt-v1\n${file.id}\n${file.receivedAt}\n${file.sealedDigest}`)).toBe(true);
    expect(ok(file.signedText)).toBe(true);
    expect(ok(`stopdeal-receipt-v1\n${file.id}\n2020-01-01T00:00:00Z\n${file.sealedDigest}`)).toBe(false);
  });
});

describe('live conversation', () => {
  it('opens the conversation from the code; an officer\'s question appears within seconds, without reload', async () => {
    await followWithCode(page, code);
    await conversationOpen(page, 'live');
    await page.getByText('Pas encore de message.').waitFor();
    await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
    const t0 = Date.now();
    const { seq } = await askQuestion(reportId, QUESTION);
    await page.locator(`li[data-seq="${seq}"][data-readable="yes"]`).waitFor({ timeout: 5_000 });
    const took = Date.now() - t0;
    expect(took).toBeLessThan(5_000);
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    expect(await shownThread(page)).toEqual([{ seq: String(seq), from: 'police', state: 'stored', readable: 'yes', body: QUESTION }]);
    // Announced politely to screen readers.
    await expect(page.locator('[data-arrivals]').innerText()).resolves.toBe('Un nouveau message de la police est arrivé.');
  });

  it('measures the officer-to-resident latency of live messages (median of 20)', async () => {
    // The moment each police message becomes readable on the page, by the page's clock.
    await page.evaluate(() => {
      const seen: Record<string, number> = {};
      (window as unknown as { __seen: typeof seen }).__seen = seen;
      const look = () => {
        for (const li of document.querySelectorAll('li[data-from="police"][data-readable="yes"]')) {
          const s = li.getAttribute('data-seq')!;
          seen[s] ??= Date.now();
        }
      };
      new MutationObserver(look).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    const replyKey = await replyKeyOf(reportId);
    const latencies: number[] = [];
    for (let i = 0; i < 20; i++) {
      const q = await sealQuestion(replyKey, `Question ${i + 1} : depuis quand ?`);
      const t0 = Date.now();
      const { seq } = await postSealedQuestion(reportId, q.kid, q.sealed);
      const seenAt = (await (await page.waitForFunction((s) => (window as unknown as { __seen: Record<string, number> }).__seen[s], String(seq), { timeout: 10_000 })).jsonValue()) as number;
      latencies.push(seenAt - t0);
    }
    expect(await page.locator('p.live-mode').getAttribute('data-live')).toBe('live');
    console.log(`officer → resident live message latency (POST to readable on screen, localhost): median ${median(latencies)} ms, min ${Math.min(...latencies)}, max ${Math.max(...latencies)} (n=20)`);
    expect(median(latencies)).toBeLessThan(2_000);
  });

  it('the resident answers; the officer decrypts it; it shows once, as sent', async () => {
    const before = (await officerMessages(reportId)).length;
    await answer(page, ANSWER);
    await expect.poll(async () => (await officerReadsAnswers(reportId)).map((a) => a.body), { timeout: 15_000 }).toEqual([ANSWER]);
    const stored = await officerMessages(reportId);
    expect(stored).toHaveLength(before + 1);
    const mine = stored.at(-1)!;
    expect(mine).toMatchObject({ from: 'reporter', kid: deployment().policeKeys[0]!.kid });
    await page.locator(`li[data-seq="${mine.seq}"][data-from="reporter"][data-state="stored"]`).waitFor({ timeout: 15_000 });
    const thread = await shownThread(page);
    expect(thread.filter((m) => m.body === ANSWER)).toEqual([{ seq: String(mine.seq), from: 'reporter', state: 'stored', readable: 'yes', body: ANSWER }]);
    expect(await readStore(page, 'outbox')).toEqual([]);
  });

  it('shows a message sealed with a wrong key as unreadable, never dropping it', async () => {
    const wrong = await generatePoliceKey();
    const { seq } = await askQuestion(reportId, 'Ce message ne doit pas s’ouvrir', { wrongKey: fromB64(wrong.secretKey) });
    const li = page.locator(`li[data-seq="${seq}"]`);
    await li.locator('.message-body.unreadable').waitFor({ timeout: 10_000 });
    await expect(li.innerText()).resolves.toContain('Message illisible');
    expect(await page.locator('main').innerText()).not.toContain('ne doit pas s’ouvrir');
    // Every stored message is on screen, each once.
    const shown = (await shownThread(page)).map((m) => Number(m.seq));
    expect(shown).toEqual((await officerMessages(reportId)).map((m) => m.seq));
  });
});

describe('the code on any device', () => {
  let fresh: BrowserContext;
  let other: Page;

  afterAll(async () => {
    await fresh?.close();
  });

  it('restores the whole conversation in a fresh browser from the code typed sloppily', async () => {
    ({ context: fresh, page: other } = await openApp(browser));
    const typed = sloppy(code);
    expect(typed).not.toContain('-');
    await followWithCode(other, typed);
    await conversationOpen(other, 'any');
    await expect.poll(async () => (await shownThread(other)).length, { timeout: 15_000 }).toBe((await officerMessages(reportId)).length);
    await expect.poll(async () => (await shownThread(other)).some((m) => m.readable === 'opening')).toBe(false);
    expect(await shownThread(other)).toEqual(await shownThread(page));
    // Followed from another device: this phone knows nothing of the report but that it arrived.
    await expect(other.locator('p.delivery').innerText()).resolves.toBe('Votre signalement est bien arrivé.');
    expect(await other.locator('[data-proof]').count()).toBe(0);
  });

  it('says only "Code inconnu" to a wrong code, malformed or unknown alike; no connection says so', async () => {
    const problem = async (typed: string, offline = false) => {
      await visit(other, env.apiUrl + '/suivre');
      await other.getByRole('heading', { level: 1, name: 'Suivre mon signalement' }).waitFor();
      if (offline) await fresh.setOffline(true);
      await other.getByLabel('Code de suivi', { exact: true }).fill(typed);
      await other.getByRole('button', { name: 'Ouvrir la conversation' }).click();
      const line = other.locator('#receipt-code-error');
      await line.waitFor({ timeout: 15_000 });
      const shown = { text: await line.innerText(), kind: await line.getAttribute('data-problem'), invalid: await other.getByLabel('Code de suivi', { exact: true }).getAttribute('aria-invalid') };
      if (offline) await fresh.setOffline(false);
      return shown;
    };
    const unknown = await problem(await unknownCode());
    expect(unknown).toEqual({ text: 'Code inconnu. Vérifiez le code et réessayez.', kind: 'unknown', invalid: 'true' });
    expect(await problem(code.slice(0, -1))).toEqual(unknown); // one character short
    expect(await problem('8' + code.slice(1))).toEqual(unknown); // first digit above 7
    expect(await problem(code.slice(0, 5) + 'U' + code.slice(6))).toEqual(unknown); // U is not a digit
    const offline = await problem(code, true);
    expect(offline.kind).toBe('offline');
    expect(offline.text).toContain('Pas de connexion');
  });
});

describe('privacy and CSP', () => {
  it('no plaintext of the conversation reaches the Worker\'s state or log', async () => {
    const hits = findCanaries(env.stateDir, [`CANARY-FU-QUESTION-${run}`, `CANARY-FU-ANSWER-${run}`], [env.workerLog]);
    expect(hits).toEqual([]);
    // The canaries are searched for where they are: the test can fail.
    expect(await page.locator('main').innerText()).toContain(`CANARY-FU-ANSWER-${run}`);
  });

  it("connect-src 'self' covers the same-origin ws: live channel, and only that", async () => {
    const csp = (await fetch(env.apiUrl + '/')).headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/connect-src 'self'(;|$)/);
    const result = await page.evaluate(async (elsewhere) => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
      const attempt = (url: string) =>
        new Promise<string>((resolve) => {
          let ws: WebSocket;
          try {
            ws = new WebSocket(url);
          } catch {
            return resolve('refused');
          }
          ws.onopen = () => {
            ws.close();
            resolve('open');
          };
          ws.onerror = () => resolve('error');
          setTimeout(() => resolve('timeout'), 5_000);
        });
      const same = await attempt(`${location.origin.replace(/^http/, 'ws')}/api/v1/mailbox/AAAAAAAAAAAAAAAAAAAAAA/live`);
      const other = await attempt(elsewhere);
      await new Promise((r) => setTimeout(r, 200));
      return { same, other, violations };
    }, env.viewerUrl.replace(/^http/, 'ws') + '/');
    expect(result.same).toBe('open');
    expect(result.other).not.toBe('open');
    expect(result.violations).toEqual([`connect-src ${env.viewerUrl.replace(/^http/, 'ws')}/`]);
  });
});
