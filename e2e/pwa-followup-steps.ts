/**
 * Steps shared by the follow-up browser tests (e2e/pwa-followup*.test.ts, issue 3): the
 * officer is played in Node exactly as PROTOCOL §4 and §5 say (signed requests, questions
 * boxed with the police secret key and the report's `replyTo`), and the resident's screens
 * are read the way they show.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { encodeReceiptCode, newReceiptSecret, openMessage, sealMessage } from '../crypto/index.ts';
import type { ReportItem } from '../schemas/api.ts';
import { activePoliceKey } from '../schemas/deployment.ts';
import { fromB64, toB64 } from '../schemas/encoding.ts';
import type { MessageItem, PostMessageAnswer } from '../schemas/mailbox-api.ts';
import { isoSeconds } from '../schemas/time.ts';
import { testEnv } from './env.ts';
import { adminKeyring, deployment, officerFetch, openStored } from './officer.ts';
import { readStore } from './pwa-steps.ts';

/** The report's reply public key (`replyTo`), as an officer reads it from the sealed report. */
export async function replyKeyOf(id: string): Promise<Uint8Array> {
  const res = await officerFetch('GET', `/api/v1/reports/${id}`);
  expect(res.status).toBe(200);
  const opened = await openStored((await res.json()) as ReportItem);
  expect(opened.report.replyTo).toBeTruthy();
  return fromB64(opened.report.replyTo!);
}

/**
 * An officer's question, boxed (reporter public key, police secret key of the active kid) and
 * posted with a signed request. `wrongKey` seals with another secret key while naming the
 * real kid: the resident's app must show it as unreadable.
 */
export async function askQuestion(id: string, body: string, opts: { wrongKey?: Uint8Array } = {}): Promise<PostMessageAnswer & { sealed: string }> {
  const police = activePoliceKey(deployment());
  const secret = opts.wrongKey ?? fromB64((await adminKeyring()).police.find((k) => k.kid === police.kid)!.secretKey);
  const sealed = toB64(await sealMessage({ v: 1, at: isoSeconds(new Date()), body, attachments: [] }, await replyKeyOf(id), secret));
  return postSealedQuestion(id, police.kid, sealed);
}

/** Posts an already sealed question (so a latency measurement starts after the sealing). */
export async function postSealedQuestion(id: string, kid: string, sealed: string): Promise<PostMessageAnswer & { sealed: string }> {
  const res = await officerFetch('POST', `/api/v1/reports/${id}/messages`, { kid, sealed });
  expect(res.status).toBe(201);
  return { ...((await res.json()) as PostMessageAnswer), sealed };
}

/** Seals a question without posting it. */
export async function sealQuestion(replyKey: Uint8Array, body: string): Promise<{ kid: string; sealed: string }> {
  const police = activePoliceKey(deployment());
  const secret = fromB64((await adminKeyring()).police.find((k) => k.kid === police.kid)!.secretKey);
  return { kid: police.kid, sealed: toB64(await sealMessage({ v: 1, at: isoSeconds(new Date()), body, attachments: [] }, replyKey, secret)) };
}

/** The whole conversation as officers list it (signed GET). */
export async function officerMessages(id: string): Promise<MessageItem[]> {
  const res = await officerFetch('GET', `/api/v1/reports/${id}/messages?after=0&limit=500`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { messages: MessageItem[] }).messages;
}

/** The resident's answers, opened by the officer (police secret key of their kid, report's replyTo). */
export async function officerReadsAnswers(id: string): Promise<Array<{ seq: number; body: string }>> {
  const replyKey = await replyKeyOf(id);
  const police = (await adminKeyring()).police;
  const out: Array<{ seq: number; body: string }> = [];
  for (const m of (await officerMessages(id)).filter((x) => x.from === 'reporter')) {
    const key = police.find((k) => k.kid === m.kid)!;
    out.push({ seq: m.seq, body: (await openMessage(fromB64(m.sealed), replyKey, fromB64(key.secretKey))).body });
  }
  return out;
}

/** A well-formed receipt code that stands for no report. */
export async function unknownCode(): Promise<string> {
  return encodeReceiptCode(await newReceiptSecret());
}

/** A code as a hurried resident types it: lower case, spaces for dashes, O for 0, l and I for 1. */
export function sloppy(code: string): string {
  let i = 0;
  return code
    .toLowerCase()
    .replace(/-/g, ' ')
    .replace(/0/g, 'O')
    .replace(/1/g, () => (i++ % 2 ? 'I' : 'l'));
}

/** Opens "Suivre mon signalement" from the home screen and types `code`. */
export async function followWithCode(page: Page, code: string): Promise<void> {
  if (new URL(page.url()).pathname !== '/suivre') {
    await page.getByRole('button', { name: /^Suivre mon signalement/ }).click();
  }
  await page.getByRole('heading', { level: 1, name: 'Suivre mon signalement' }).waitFor();
  await page.getByLabel('Code de suivi', { exact: true }).fill(code);
  await page.getByRole('button', { name: 'Ouvrir la conversation' }).click();
}

/** Waits for the conversation screen, with the live socket ready (or `mode`). */
export async function conversationOpen(page: Page, mode: 'live' | 'polling' | 'any' = 'live'): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Conversation avec la police' }).waitFor({ timeout: 30_000 });
  if (mode !== 'any') await page.locator(`p.live-mode[data-live="${mode}"]`).waitFor({ timeout: 30_000 });
}

export interface ShownMessage {
  seq: string | null;
  from: string | null;
  state: string | null;
  readable: string | null;
  body: string;
}

/** The conversation as shown, oldest first. */
export function shownThread(page: Page): Promise<ShownMessage[]> {
  return page.locator('ol.thread > li').evaluateAll((els) =>
    els.map((e) => ({
      seq: e.getAttribute('data-seq'),
      from: e.getAttribute('data-from'),
      state: e.getAttribute('data-state'),
      readable: e.getAttribute('data-readable'),
      body: e.querySelector('.message-body')?.textContent ?? '',
    })),
  );
}

/** Types an answer and sends it; waits until it is sealed. */
export async function answer(page: Page, text: string): Promise<void> {
  await page.getByLabel('Votre réponse').fill(text);
  await page.getByRole('button', { name: 'Envoyer la réponse' }).click();
  await page.getByText('Réponse scellée. Elle part dès que possible.').waitFor();
}


/** Every store of the app's database as one string, to search for what must not be there. */
export async function wholeDatabase(page: Page): Promise<string> {
  const out: Record<string, unknown[]> = {};
  for (const s of ['keys', 'drafts', 'outbox', 'sent', 'settings', 'mailboxes']) out[s] = await readStore(page, s);
  return JSON.stringify(out);
}



export const apiUrl = () => testEnv().apiUrl;
