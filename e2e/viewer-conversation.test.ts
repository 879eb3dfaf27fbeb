/**
 * The officer side of the follow-up conversation (issue 3), in real Chromium against the
 * real Worker: the resident is played in Node exactly as an outside client written from
 * PROTOCOL §4 would (mailbox secret in `Authorization: Mailbox …`, answers boxed with the
 * police public key and the reply secret key). Questions sealed in the viewer open on the
 * resident's side; answers appear live without reload, and still arrive by polling when the
 * live socket is killed, never twice; unreadable and hostile messages are shown as such;
 * a retry after a lost answer never stores a question twice. Also measures the officer-side
 * latency of a live answer.
 */
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page, WebSocketRoute } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveFromReceipt, generatePoliceKey, newReceiptSecret, openMessage, sealMessage, sealReport, solvePow, useSumo, type ReceiptKeys } from '../crypto/index.ts';
import { activePoliceKey } from '../schemas/deployment.ts';
import { fromB64, toB64 } from '../schemas/encoding.ts';
import { mailboxAuthorization, type MessageItem } from '../schemas/mailbox-api.ts';
import { launchBrowser } from './browser.ts';
import { testEnv } from './env.ts';
import { deployment, seedReport } from './officer.ts';
import { dumpStorage, unlockViewer, viewerAxe as axeViolations } from './viewer-steps.ts';

useSumo();
const env = testEnv();
const run = Date.now().toString(36);
const ANSWERS = { district: 'centre-ville', place: `Hall C ${run}`, date: '2026-11-20', frequency: 'daily', activities: ['selling'] };
const HOSTILE = `<img src=/pwned-msg-${run}.png onerror="window.__pwned=1"><script>window.__pwned=2</script>`;

interface Resident {
  id: string;
  keys: ReceiptKeys;
}

let browser: Browser;
let context: BrowserContext;
let page: Page;
const requests: string[] = [];
/** Frames the page's live socket received, with the time they came. */
const frames: Array<{ at: number; text: string }> = [];

// ---- The resident, in Node (PROTOCOL §4) ----

async function newResident(): Promise<Resident> {
  const r = await seedReport(ANSWERS);
  expect(r.status).toBe(201);
  return { id: r.id, keys: r.keys };
}

async function mailbox(r: Resident): Promise<MessageItem[]> {
  const res = await fetch(`${env.apiUrl}/api/v1/mailbox/${r.id}?after=0&limit=500`, { headers: { Authorization: mailboxAuthorization(toB64(r.keys.mailboxSecret)) } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { messages: MessageItem[] }).messages;
}

/** Boxes an answer with (police public key, reporter secret key); `to` lets a test seal to another key. */
async function sealAnswer(r: Resident, body: string, opts: { to?: { publicKey: string }; from?: Uint8Array } = {}) {
  const police = activePoliceKey(deployment());
  const sealed = await sealMessage({ v: 1, at: new Date().toISOString().slice(0, 19) + 'Z', body, attachments: [] }, fromB64((opts.to ?? police).publicKey), opts.from ?? r.keys.replySecretKey);
  return JSON.stringify({ kid: police.kid, sealed: toB64(sealed) });
}

async function postAnswer(r: Resident, body: string): Promise<{ seq: number; at: string }> {
  const res = await fetch(`${env.apiUrl}/api/v1/mailbox/${r.id}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: mailboxAuthorization(toB64(r.keys.mailboxSecret)) },
    body,
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { seq: number; at: string };
}

const answer = async (r: Resident, text: string, opts?: Parameters<typeof sealAnswer>[2]) => postAnswer(r, await sealAnswer(r, text, opts));

/** A report with no mailbox: the resident left no way to answer. */
async function reportWithoutMailbox(): Promise<string> {
  const keys = await deriveFromReceipt(await newReceiptSecret());
  const d = deployment();
  const plaintext = { v: 1 as const, id: keys.id, form: 'stop-deal', formVersion: 1, createdAt: '2026-11-23T10:00:00Z', answers: ANSWERS, contact: null, replyTo: null, attachments: [] };
  const { sealed, kid } = await sealReport(plaintext, activePoliceKey(d));
  const pow = await solvePow(keys.id, sealed, d.powBits);
  const res = await fetch(env.apiUrl + '/api/v1/reports', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ v: 1, id: keys.id, kid, sealed: toB64(sealed), pow }) });
  expect(res.status).toBe(201);
  return keys.id;
}

// ---- The officer, in the browser ----

async function unlockIn(p: Page): Promise<void> {
  await unlockViewer(p);
  await p.getByRole('heading', { level: 1, name: 'Signalements' }).waitFor();
}

const row = (p: Page, id: string) => p.locator(`tr[data-report-id="${id}"]`);

async function openReport(p: Page, id: string): Promise<void> {
  await row(p, id).waitFor({ timeout: 25_000 });
  await row(p, id).getByRole('link').click();
  await p.locator('#conversation').waitFor();
}

async function backToList(p: Page): Promise<void> {
  await p.getByRole('link', { name: 'Tous les signalements' }).click();
  await p.getByRole('heading', { level: 1, name: 'Signalements' }).waitFor();
}

const thread = (p: Page) => p.locator('#conversation ol.thread');
const messagesWith = (p: Page, text: string) => thread(p).locator('li.msg', { hasText: text });
const live = (p: Page) => p.locator('#conversation[data-live="live"]').waitFor({ timeout: 15_000 });

async function markDocument(p: Page): Promise<void> {
  await p.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
}
const sameDocument = (p: Page) => p.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument === true);


const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

const residents: Record<'main' | 'latency', Resident | undefined> = { main: undefined, latency: undefined };
let noMailboxId = '';

beforeAll(async () => {
  residents.main = await newResident();
  noMailboxId = await reportWithoutMailbox();
  browser = await launchBrowser();
  context = await browser.newContext();
  context.on('request', (r) => requests.push(r.url()));
  page = await context.newPage();
  page.on('websocket', (ws) => {
    ws.on('framereceived', (f) => frames.push({ at: Date.now(), text: String(f.payload) }));
  });
  await unlockIn(page);
});

afterAll(async () => {
  await browser?.close();
});

describe('viewer conversation', () => {
  it('says plainly that a report without a mailbox cannot be answered', async () => {
    await openReport(page, noMailboxId);
    const pane = page.locator('#conversation');
    expect(await pane.innerText()).toContain('L’habitant n’a laissé aucun moyen de lui répondre');
    expect(await pane.locator('textarea').count()).toBe(0);
    await backToList(page);
  });

  it('seals a question that the resident opens with the reply key', async () => {
    const r = residents.main!;
    await openReport(page, r.id);
    await page.locator('#conversation').getByText('Aucun message pour l’instant.').waitFor();
    // One tap on a ready-made question inserts its text; the officer adds to it.
    await page.getByRole('button', { name: 'Les personnes' }).click();
    const box = page.getByLabel('Votre question à l’habitant');
    expect(await box.inputValue()).toBe('Pouvez-vous décrire les personnes (nombre, âge approximatif, tenue, signes particuliers) ?');
    await box.press('End');
    await box.pressSequentially(` Question ${run}.`);
    const typed = await box.inputValue();
    // French digit groups use a narrow no-break space.
    expect((await page.locator('#question-counter').innerText()).replace(/\s/g, ' ')).toBe(`${typed.length} / 20 000 caractères`);
    await page.getByRole('button', { name: 'Envoyer la question' }).click();
    await messagesWith(page, `Question ${run}.`).filter({ hasText: 'Envoyé' }).waitFor();
    expect(await box.inputValue()).toBe('');
    expect(await messagesWith(page, `Question ${run}.`).locator('.msg-author').innerText()).toBe('Vous');

    const stored = await mailbox(r);
    expect(stored.map((m) => [m.seq, m.from])).toEqual([[1, 'police']]);
    const police = activePoliceKey(deployment());
    expect(stored[0]!.kid).toBe(police.kid);
    const read = await openMessage(fromB64(stored[0]!.sealed), fromB64(police.publicKey), r.keys.replySecretKey);
    expect(read.body).toBe(`Pouvez-vous décrire les personnes (nombre, âge approximatif, tenue, signes particuliers) ? Question ${run}.`);
  });

  it('shows an answer live in the open conversation, without reload, within a couple of seconds', async () => {
    const r = residents.main!;
    await live(page);
    await markDocument(page);
    const text = `Trois hommes, veste rouge ${run}`;
    const body = await sealAnswer(r, text);
    const sent = Date.now();
    await postAnswer(r, body);
    await messagesWith(page, text).waitFor({ timeout: 3_000 });
    const seen = Date.now() - sent;
    expect(seen).toBeLessThan(3_000);
    // It came by the live channel (a polled copy would not be preceded by a frame).
    expect(frames.some((f) => f.text.includes('"type":"message"') && f.at >= sent)).toBe(true);
    expect(await sameDocument(page)).toBe(true);
    const msg = messagesWith(page, text);
    expect(await msg.locator('.msg-author').innerText()).toBe('Habitant');
    expect(await msg.locator('time').getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00Z$/);
    expect(await msg.innerText()).toContain('Nouveau');
    // Announced politely.
    await expect.poll(() => page.locator('#conversation [role="status"]').innerText()).toContain(text);
    // Oldest first: question, then answer.
    expect(await thread(page).locator('li.msg .msg-author').allInnerTexts()).toEqual(['Vous', 'Habitant']);
  });

  it('marks reports with unread answers in the list and the banner, and clears them when opened', async () => {
    const r = residents.main!;
    await backToList(page);
    expect(await row(page, r.id).innerText()).not.toContain('Nouveau message');
    const text = `Depuis le printemps ${run}`;
    await answer(r, text);
    await row(page, r.id).locator('.badge-new', { hasText: 'Nouveau message' }).waitFor({ timeout: 3_000 });
    expect(await page.locator('header').innerText()).toContain('1 signalement avec un nouveau message');
    expect(await page.title()).toMatch(/^\(1\) /);
    await openReport(page, r.id);
    expect(await messagesWith(page, text).innerText()).toContain('Nouveau');
    await backToList(page);
    expect(await row(page, r.id).locator('.badge-new').count()).toBe(0);
    expect(await page.locator('header').innerText()).not.toContain('nouveau message');
    expect(await page.title()).not.toMatch(/^\(/);
  });

  it('on a small screen, counts an answer as read only once the conversation is scrolled to', async () => {
    const r = await newResident();
    await answer(r, `Réponse sur petit écran ${run}`);
    const small = await context.newPage();
    try {
      await small.setViewportSize({ width: 390, height: 844 });
      await unlockIn(small);
      await row(small, r.id).locator('.badge-new').waitFor({ timeout: 15_000 });
      await openReport(small, r.id);
      const jump = small.getByRole('link', { name: /Aller à la conversation/ });
      expect(await jump.innerText()).toBe('Aller à la conversation (1 nouveau message)');
      await small.waitForTimeout(500);
      await backToList(small);
      expect(await row(small, r.id).locator('.badge-new').count()).toBe(1);
      await openReport(small, r.id);
      await small.getByRole('link', { name: /Aller à la conversation/ }).click();
      await expect.poll(() => small.evaluate(() => document.activeElement?.id)).toBe('conversation-heading');
      await messagesWith(small, `Réponse sur petit écran ${run}`).waitFor();
      await expect.poll(() => small.getByRole('link', { name: /Aller à la conversation/ }).innerText()).toBe('Aller à la conversation');
      await backToList(small);
      expect(await row(small, r.id).locator('.badge-new').count()).toBe(0);
    } finally {
      await small.close();
    }
  });

  it('shows a new report at once when the live channel announces it', async () => {
    const before = Date.now();
    const late = await newResident();
    await row(page, late.id).waitFor({ timeout: 15_000 });
    const frame = frames.find((f) => f.at >= before && f.text.includes('"type":"report"') && f.text.includes(late.id));
    expect(frame).toBeTruthy();
    // Listed well before the next 10 s poll could have brought it.
    expect(Date.now() - frame!.at).toBeLessThan(3_000);
  });

  it('shows a message that does not open as unreadable, with the reason, never dropping it', async () => {
    const r = residents.main!;
    await openReport(page, r.id);
    const stranger = await generatePoliceKey();
    const other = await deriveFromReceipt(await newReceiptSecret());
    const hidden1 = `SECRET-A-${run}`;
    const hidden2 = `SECRET-B-${run}`;
    // Names the active kid but is sealed to another police key; then one written by someone else.
    await answer(r, hidden1, { to: stranger });
    await answer(r, hidden2, { from: other.replySecretKey });
    await expect.poll(() => thread(page).locator('li.msg-unreadable').count(), { timeout: 15_000 }).toBe(2);
    const text = await thread(page).innerText();
    expect(text).toContain('Message illisible.');
    expect(text).toContain('Il ne s’ouvre pas avec les clés qu’il désigne');
    expect(text).not.toContain(hidden1);
    expect(text).not.toContain(hidden2);
    expect(await thread(page).locator('li.msg').count()).toBe((await mailbox(r)).length);
  });

  it('renders hostile message text as text and runs none of it', async () => {
    const r = residents.main!;
    await answer(r, HOSTILE);
    await messagesWith(page, 'onerror').waitFor({ timeout: 15_000 });
    expect(await messagesWith(page, 'onerror').locator('.msg-body').innerText()).toBe(HOSTILE);
    expect(await thread(page).locator('img, script').count()).toBe(0);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(requests.some((u) => u.includes(`pwned-msg-${run}`))).toBe(false);
  });

  it('has no accessibility violation on the conversation pane', async () => {
    // Pane with questions, answers, new, unreadable and hostile messages, composer with an error.
    await page.getByLabel('Votre question à l’habitant').fill('');
    await page.getByRole('button', { name: 'Envoyer la question' }).click();
    await page.locator('#question-problem').waitFor();
    expect(await page.locator('#question-problem').innerText()).toContain('Écrivez une question avant d’envoyer.');
    expect(await axeViolations(page, '#conversation')).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await backToList(page);
  });

  it('measures the officer-side latency of a live answer (median of 20)', async () => {
    const r = (residents.latency = await newResident());
    await openReport(page, r.id);
    await live(page);
    const latencies: number[] = [];
    for (let i = 0; i < 20; i++) {
      const text = `LATENCE-${i}-${run}`;
      const body = await sealAnswer(r, text);
      // Resolves with the page's clock (the same machine's) when the text is in the thread.
      const seen = page.evaluate(
        (t) =>
          new Promise<number>((resolve) => {
            const check = () => {
              if (document.querySelector('#conversation ol.thread')?.textContent?.includes(t)) {
                observer.disconnect();
                resolve(Date.now());
                return true;
              }
              return false;
            };
            const observer = new MutationObserver(check);
            observer.observe(document.body, { subtree: true, childList: true, characterData: true });
            check();
          }),
        text,
      );
      await page.waitForTimeout(50);
      const sent = Date.now();
      await postAnswer(r, body);
      latencies.push((await seen) - sent);
    }
    const m = median(latencies);
    console.log(`[viewer-conversation] live answer latency, officer side, localhost: median ${m} ms over 20 (min ${Math.min(...latencies)}, max ${Math.max(...latencies)})`);
    expect(m).toBeLessThan(2_000);
    expect(await thread(page).locator('li.msg').count()).toBe(20);
  });

  it('keeps no message in the browser’s storage, and receives nothing once locked', async () => {
    const secret = `Trois hommes, veste rouge ${run}`;
    const question = `Question ${run}.`;
    const before = await dumpStorage(page);
    // Positive control: the dump reads real storage (the wrapped keyring file is kept there).
    expect(before).toContain(JSON.parse(readFileSync(env.keyringFile, 'utf8')).kdf.salt);
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Verrouiller' }).click()]);
    await page.getByRole('heading', { level: 1, name: 'Déverrouiller' }).waitFor();
    // Nothing reaches the locked page any more: a new answer brings no frame.
    const lockedAt = Date.now();
    await answer(residents.main!, `Après verrouillage ${run}`);
    await page.waitForTimeout(1_500);
    expect(frames.filter((f) => f.at >= lockedAt && f.text.includes('"type":"message"'))).toEqual([]);
    const after = await dumpStorage(page);
    for (const text of [secret, question]) {
      expect(before).not.toContain(text);
      expect(after).not.toContain(text);
      expect(await page.content()).not.toContain(text);
    }
  });
});

describe('viewer conversation, live socket killed', () => {
  let killed: BrowserContext;
  let p: Page;
  let allow = true;
  const sockets: WebSocketRoute[] = [];
  let r: Resident;

  beforeAll(async () => {
    r = await newResident();
    killed = await browser.newContext();
    await killed.routeWebSocket(/\/api\/v1\/live$/, (ws) => {
      if (!allow) {
        void ws.close({ code: 1011 });
        return;
      }
      ws.connectToServer();
      sockets.push(ws);
    });
    p = await killed.newPage();
    await unlockIn(p);
    await openReport(p, r.id);
    await live(p);
    await markDocument(p);
  });

  afterAll(async () => {
    await killed?.close();
  });

  it('falls back to polling: an answer sent after the socket dies still arrives, once', async () => {
    await answer(r, `Avant la coupure ${run}`);
    await messagesWith(p, `Avant la coupure ${run}`).waitFor({ timeout: 3_000 });
    // Kill the socket mid-conversation, and refuse every reconnection.
    allow = false;
    for (const ws of sockets) await ws.close({ code: 1001 });
    await p.locator('#conversation[data-live="down"]').waitFor({ timeout: 10_000 });
    expect(await p.locator('#conversation').innerText()).toContain('Direct indisponible');
    const text = `Après la coupure ${run}`;
    const sent = Date.now();
    await answer(r, text);
    await messagesWith(p, text).waitFor({ timeout: 15_000 });
    console.log(`[viewer-conversation] answer by polling after the socket was killed: ${Date.now() - sent} ms`);
    expect(await messagesWith(p, text).count()).toBe(1);
    expect(await sameDocument(p)).toBe(true);
  });

  it('keeps a question that failed; a retry after a lost answer never stores it twice', async () => {
    const url = `${env.apiUrl}/api/v1/reports/${r.id}/messages`;
    let mode: 'unreachable' | 'lost-answer' | 'forward' = 'unreachable';
    let reached = 0;
    await p.route(url, async (route) => {
      if (route.request().method() !== 'POST') return route.fallback();
      if (mode === 'unreachable') return route.abort('connectionrefused');
      reached++;
      if (mode === 'forward') return route.continue();
      // Stored by the Worker, but the answer never reaches the page.
      await route.fetch();
      return route.abort('connectionreset');
    });
    const text = `Question perdue ${run}`;
    const box = p.getByLabel('Votre question à l’habitant');
    await box.fill(text);
    await box.press('Control+Enter');
    const pending = thread(p).locator('li.msg-failed', { hasText: text });
    await pending.waitFor();
    expect(await pending.innerText()).toContain('Non envoyé');
    expect(await pending.innerText()).toContain('Le serveur est injoignable.');
    expect(await axeViolations(p, '#conversation')).toEqual([]);

    // Second try: stored, answer lost: still shown as not sent.
    mode = 'lost-answer';
    await pending.getByRole('button', { name: 'Réessayer l’envoi' }).click();
    await expect.poll(() => reached).toBe(1);
    // Third try: the viewer finds the stored copy by its sealed text and posts nothing
    // (or the 10 s poll already settled it).
    mode = 'forward';
    await pending.getByRole('button', { name: 'Réessayer l’envoi' }).click({ timeout: 5_000 }).catch(() => undefined);
    await messagesWith(p, text).filter({ hasText: 'Envoyé' }).waitFor({ timeout: 15_000 });
    expect(reached).toBe(1);
    expect(await messagesWith(p, text).count()).toBe(1);
    await p.unroute(url);
    const police = activePoliceKey(deployment());
    const copies = [];
    for (const m of await mailbox(r)) {
      if (m.from === 'police' && (await openMessage(fromB64(m.sealed), fromB64(police.publicKey), r.keys.replySecretKey)).body === text) copies.push(m.seq);
    }
    expect(copies.length).toBe(1);
  });

  it('takes the live channel back when it returns, and its catch-up duplicates nothing', async () => {
    allow = true;
    // Back online: the viewer reconnects at once instead of waiting out its backoff.
    await expect
      .poll(
        async () => {
          await p.evaluate(() => window.dispatchEvent(new Event('online')));
          return p.locator('#conversation[data-live="live"]').count();
        },
        { timeout: 40_000, interval: 1_000 },
      )
      .toBe(1);
    await p.waitForTimeout(1_500);
    const stored = await mailbox(r);
    expect(await thread(p).locator('li.msg').count()).toBe(stored.length);
    expect(await messagesWith(p, `Après la coupure ${run}`).count()).toBe(1);
    const text = `Retour du direct ${run}`;
    await answer(r, text);
    await messagesWith(p, text).waitFor({ timeout: 3_000 });
    expect(await thread(p).locator('li.msg').count()).toBe(stored.length + 1);
    expect(await sameDocument(p)).toBe(true);
  });
});
