/**
 * The officers' side of the follow-up (PROTOCOL §4, §5): a report's conversation, a new
 * question, and the town-wide inbox whose `after`/`next` count in arrival order while items
 * keep their per-report `seq`. Deletion and retention take a report's messages with it.
 */
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { toB64 } from '../../schemas/encoding.ts';
import { MAX_JSON_BODY } from '../../schemas/limits.ts';
import { InboxList, MessageList, PostMessageAnswer } from '../../schemas/mailbox-api.ts';
import worker from '../src/index.ts';
import {
  bootstrapAdmin, call, enrol, errorOf, mailboxCall, newMailbox, newMessage, newOfficerKey, newReport, officerCall, randomBytes, submit, vectors,
  type TestMailbox, type TestOfficer,
} from './helpers.ts';

let admin: TestOfficer;
let officer: TestOfficer;

beforeEach(async () => {
  admin = await bootstrapAdmin();
  officer = await newOfficerKey();
  await enrol(officer, 'officer');
});

async function expectError(res: Response, status: number, code: string) {
  const e = await errorOf(res);
  expect({ status: e.status, code: e.code }).toEqual({ status, code });
}

async function ask(b: TestMailbox, body: unknown = newMessage()): Promise<PostMessageAnswer> {
  const res = await officerCall(officer, 'POST', `/api/v1/reports/${b.id}/messages`, body);
  expect(res.status).toBe(201);
  return v.parse(PostMessageAnswer, await res.json());
}

async function answer(b: TestMailbox): Promise<PostMessageAnswer> {
  const res = await mailboxCall(b.id, b.authorization, { body: newMessage() });
  expect(res.status).toBe(201);
  return v.parse(PostMessageAnswer, await res.json());
}

async function conversation(id: string, query = ''): Promise<MessageList> {
  const res = await officerCall(officer, 'GET', `/api/v1/reports/${id}/messages${query}`);
  expect(res.status).toBe(200);
  return v.parse(MessageList, await res.json());
}

async function inbox(query = ''): Promise<InboxList> {
  const res = await officerCall(officer, 'GET', `/api/v1/messages${query}`);
  expect(res.status).toBe(200);
  return v.parse(InboxList, await res.json());
}

describe('POST /api/v1/reports/{id}/messages', () => {
  it('stores a police message: 201 {seq, at}; the reporter reads it', async () => {
    const b = await newMailbox();
    const m = newMessage(16424);
    const a = await ask(b, m);
    expect(a.seq).toBe(1);
    const res = await mailboxCall(b.id, b.authorization);
    expect(await res.json()).toEqual({ messages: [{ seq: 1, from: 'police', kid: m.kid, sealed: m.sealed, at: a.at }], next: null });
  });

  it('answers 404 for an unknown report, a report without mailbox, or a malformed id', async () => {
    const plain = newReport();
    await submit(plain.body);
    for (const id of [toB64(randomBytes(16)), plain.id, 'nope']) {
      await expectError(await officerCall(officer, 'POST', `/api/v1/reports/${id}/messages`, newMessage()), 404, 'not_found');
      await expectError(await officerCall(officer, 'GET', `/api/v1/reports/${id}/messages`), 404, 'not_found');
    }
    expect((await env.DB.prepare('SELECT COUNT(*) AS n FROM messages').first<{ n: number }>())!.n).toBe(0);
  });

  it('checks in the officer order: 413, 415, 401, 400, 404, 422', async () => {
    const b = await newMailbox();
    const target = `/api/v1/reports/${b.id}/messages`;
    await expectError(await call(target, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'x'.repeat(MAX_JSON_BODY + 1) }), 413, 'too_large');
    await expectError(await call(target, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '{}' }), 415, 'unsupported_media_type');
    await expectError(await call(target, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(newMessage()) }), 401, 'unauthorized');
    // The reporter's credential is not an officer's.
    await expectError(await call(target, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: b.authorization }, body: JSON.stringify(newMessage()) }), 401, 'unauthorized');
    const unknown = `/api/v1/reports/${toB64(randomBytes(16))}/messages`;
    await expectError(await officerCall(officer, 'POST', unknown, newMessage(1072)), 400, 'bad_request');
    await expectError(await officerCall(officer, 'POST', unknown, newMessage(1064, toB64(randomBytes(16)))), 404, 'not_found');
    await expectError(await officerCall(officer, 'POST', target, newMessage(1064, toB64(randomBytes(16)))), 422, 'unknown_key');
    await expectError(await officerCall(officer, 'GET', `${target}?limit=0`), 400, 'bad_request');
    await expectError(await officerCall(officer, 'GET', `/api/v1/reports/${toB64(randomBytes(16))}/messages?limit=0`), 400, 'bad_request');
  });

  it('continues the report’s own seq after the reporter’s messages', async () => {
    const b = await newMailbox();
    await answer(b);
    await answer(b);
    expect((await ask(b)).seq).toBe(3);
    expect((await conversation(b.id)).messages.map((m) => [m.seq, m.from])).toEqual([
      [1, 'reporter'],
      [2, 'reporter'],
      [3, 'police'],
    ]);
  });
});

describe('GET /api/v1/reports/{id}/messages', () => {
  it('pages a conversation with after/limit/next over seq', async () => {
    const b = await newMailbox();
    for (let i = 0; i < 3; i++) await ask(b);
    const p1 = await conversation(b.id, '?limit=2');
    expect([p1.messages.map((m) => m.seq), p1.next]).toEqual([[1, 2], 2]);
    const p2 = await conversation(b.id, `?after=${p1.next}&limit=2`);
    expect([p2.messages.map((m) => m.seq), p2.next]).toEqual([[3], null]);
  });

  it('keeps a page under 8 MiB; following next yields every message once', async () => {
    const b = await newMailbox();
    const sealed = toB64(randomBytes(65576));
    const stmt = env.DB.prepare("INSERT INTO messages (report_id, seq, sender, kid, sealed, at) VALUES (?, ?, 'police', ?, ?, '2026-11-23T21:00:00Z')");
    await env.DB.batch(Array.from({ length: 110 }, (_, i) => stmt.bind(b.id, i + 1, vectors.police.kid, sealed)));
    const res = await officerCall(officer, 'GET', `/api/v1/reports/${b.id}/messages?limit=500`);
    const text = await res.text();
    expect(new TextEncoder().encode(text).length).toBeLessThan(8 * 1024 * 1024);
    const first = v.parse(MessageList, JSON.parse(text));
    expect(first.messages.length).toBeGreaterThan(50);
    expect(first.next).toBe(first.messages.at(-1)!.seq);
    const seen = first.messages.map((m) => m.seq);
    for (let after = first.next; after !== null; ) {
      const page = await conversation(b.id, `?after=${after}&limit=500`);
      seen.push(...page.messages.map((m) => m.seq));
      after = page.next;
    }
    expect(seen).toEqual(Array.from({ length: 110 }, (_, i) => i + 1));
  });
});

describe('GET /api/v1/messages (inbox)', () => {
  it('lists every message in arrival order with reportId, per-report seq and arrival', async () => {
    const a = await newMailbox();
    const b = await newMailbox();
    await ask(a); // arrival 1: a#1
    await answer(b); // arrival 2: b#1
    await answer(a); // arrival 3: a#2
    await ask(b); // arrival 4: b#2
    const all = await inbox();
    expect(all.next).toBeNull();
    expect(all.messages.map((m) => [m.arrival, m.reportId, m.seq, m.from])).toEqual([
      [1, a.id, 1, 'police'],
      [2, b.id, 1, 'reporter'],
      [3, a.id, 2, 'reporter'],
      [4, b.id, 2, 'police'],
    ]);
    expect(Object.keys(all.messages[0]!).sort()).toEqual(['arrival', 'at', 'from', 'kid', 'reportId', 'sealed', 'seq']);
  });

  it('pages by arrival: next is an arrival, and the last item’s arrival resumes after the end', async () => {
    const a = await newMailbox();
    const b = await newMailbox();
    for (let i = 0; i < 3; i++) {
      await ask(a);
      await answer(b);
    }
    const p1 = await inbox('?limit=4');
    expect(p1.messages.map((m) => m.arrival)).toEqual([1, 2, 3, 4]);
    expect(p1.next).toBe(4);
    const p2 = await inbox(`?after=${p1.next}&limit=4`);
    expect(p2.messages.map((m) => [m.arrival, m.seq])).toEqual([
      [5, 3],
      [6, 3],
    ]);
    expect(p2.next).toBeNull();
    // Live inbox polling: nothing new after the last arrival, then only the new one.
    const cursor = p2.messages.at(-1)!.arrival;
    expect(await inbox(`?after=${cursor}`)).toEqual({ messages: [], next: null });
    await answer(a);
    expect((await inbox(`?after=${cursor}`)).messages.map((m) => [m.arrival, m.reportId, m.seq])).toEqual([[7, a.id, 4]]);
  });

  it('keeps arrival cursors valid across deletions', async () => {
    const a = await newMailbox();
    const b = await newMailbox();
    await ask(a);
    await ask(b);
    expect((await officerCall(admin, 'DELETE', `/api/v1/reports/${a.id}`)).status).toBe(204);
    await ask(b);
    expect((await inbox()).messages.map((m) => m.arrival)).toEqual([2, 3]);
  });

  it('needs an officer; refuses bad queries; other methods are 405', async () => {
    await expectError(await call('/api/v1/messages'), 401, 'unauthorized');
    await expectError(await officerCall(officer, 'GET', '/api/v1/messages?after=x'), 400, 'bad_request');
    const res = await officerCall(officer, 'POST', '/api/v1/messages', newMessage());
    expect(res.headers.get('Allow')).toBe('GET, HEAD');
    await expectError(res, 405, 'method_not_allowed');
  });

  it('never shows the mailbox hash', async () => {
    const b = await newMailbox();
    await answer(b);
    const texts = [
      await (await officerCall(officer, 'GET', '/api/v1/messages')).text(),
      await (await officerCall(officer, 'GET', `/api/v1/reports/${b.id}/messages`)).text(),
      await (await officerCall(officer, 'GET', `/api/v1/reports/${b.id}`)).text(),
    ];
    for (const t of texts) {
      expect(t).not.toContain(b.hash);
      expect(t).not.toContain(b.secret);
    }
  });
});

describe('messages go with their report', () => {
  it('DELETE /api/v1/reports/{id} deletes its messages and nothing else', async () => {
    const a = await newMailbox();
    const b = await newMailbox();
    await ask(a);
    await answer(a);
    await ask(b);
    expect((await officerCall(admin, 'DELETE', `/api/v1/reports/${a.id}`)).status).toBe(204);
    const rows = await env.DB.prepare('SELECT report_id FROM messages').all<{ report_id: string }>();
    expect(rows.results.map((r) => r.report_id)).toEqual([b.id]);
    await expectError(await mailboxCall(a.id, a.authorization), 404, 'not_found');
    await expectError(await officerCall(officer, 'GET', `/api/v1/reports/${a.id}/messages`), 404, 'not_found');
  });

  it('retention purges a report’s messages with it', async () => {
    const a = await newMailbox();
    const b = await newMailbox();
    await ask(a);
    await ask(b);
    await env.DB.prepare("UPDATE reports SET received_at = '2020-01-01T00:00:00Z' WHERE id = ?").bind(a.id).run();
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ scheduledTime: Date.now(), cron: '17 * * * *' }), env, ctx);
    await waitOnExecutionContext(ctx);
    const rows = await env.DB.prepare('SELECT report_id FROM messages').all<{ report_id: string }>();
    expect(rows.results.map((r) => r.report_id)).toEqual([b.id]);
    expect((await env.DB.prepare('SELECT id FROM reports').all<{ id: string }>()).results.map((r) => r.id)).toEqual([b.id]);
  });
});
