/**
 * The reporter's side of the follow-up (PROTOCOL §4): `GET`/`POST /api/v1/mailbox/{id}` with
 * `Authorization: Mailbox <b64 secret>`. Every authorisation failure is the same `404`; the
 * secret's hash is compared in constant time; checks come in the order 413, 415, 404, 400,
 * 422, 429; message lengths are the four buckets; `seq` counts per report.
 */
import { env } from 'cloudflare:workers';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as v from 'valibot';
import { fromB64, toB64 } from '../../schemas/encoding.ts';
import { MAX_JSON_BODY, SEALED_MESSAGE_SIZES, SEALED_REPORT_SIZES } from '../../schemas/limits.ts';
import { MAILBOX_MESSAGES_PER_HOUR, MessageList, PostMessageAnswer } from '../../schemas/mailbox-api.ts';
import { isoMinute } from '../../schemas/time.ts';
import { testDeployment } from './deployment.ts';
import {
  bootstrapAdmin, errorOf, mailboxCall, newMailbox, newMessage, newReport, officerCall, randomBytes, solvePow, submit, vectors, type TestMailbox, type TestOfficer,
} from './helpers.ts';

const ISO_MINUTE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00Z$/;
let box: TestMailbox;
let admin: TestOfficer;

beforeEach(async () => {
  box = await newMailbox();
  admin = await bootstrapAdmin();
});

afterEach(() => {
  vi.restoreAllMocks();
});

async function expectError(res: Response, status: number, code: string) {
  const e = await errorOf(res);
  expect({ status: e.status, code: e.code }).toEqual({ status, code });
}

async function read(b: TestMailbox = box, query = ''): Promise<MessageList> {
  const res = await mailboxCall(b.id, b.authorization, { query });
  expect(res.status).toBe(200);
  return v.parse(MessageList, await res.json());
}

async function post(b: TestMailbox = box, body: unknown = newMessage()): Promise<PostMessageAnswer> {
  const res = await mailboxCall(b.id, b.authorization, { body });
  expect(res.status).toBe(201);
  return v.parse(PostMessageAnswer, await res.json());
}

/** Inserts reporter rows straight into D1 at the given minutes (rate-limit seeding). */
async function seedReporterRows(reportId: string, minutes: string[], from = 'reporter'): Promise<void> {
  const start = ((await env.DB.prepare('SELECT MAX(seq) AS m FROM messages WHERE report_id = ?').bind(reportId).first<{ m: number | null }>())?.m ?? 0) + 1;
  const stmt = env.DB.prepare('INSERT INTO messages (report_id, seq, sender, kid, sealed, at) VALUES (?, ?, ?, ?, ?, ?)');
  await env.DB.batch(minutes.map((at, i) => stmt.bind(reportId, start + i, from, vectors.police.kid, toB64(randomBytes(1064)), at)));
}

describe('GET /api/v1/mailbox/{id}', () => {
  it('answers an empty conversation', async () => {
    expect(await read()).toEqual({ messages: [], next: null });
  });

  it('lists both directions in seq order, with who wrote and the minute', async () => {
    const mine = newMessage(4136);
    const a = await post(box, mine);
    const question = newMessage(1064);
    const res = await officerCall(admin, 'POST', `/api/v1/reports/${box.id}/messages`, question);
    expect(res.status).toBe(201);
    const b = v.parse(PostMessageAnswer, await res.json());
    expect([a.seq, b.seq]).toEqual([1, 2]);
    expect(a.at).toMatch(ISO_MINUTE);
    const list = await read();
    expect(list).toEqual({
      messages: [
        { seq: 1, from: 'reporter', kid: mine.kid, sealed: mine.sealed, at: a.at },
        { seq: 2, from: 'police', kid: question.kid, sealed: question.sealed, at: b.at },
      ],
      next: null,
    });
  });

  it('pages with after/limit/next over the per-report seq', async () => {
    for (let i = 0; i < 5; i++) await post();
    const p1 = await read(box, '?limit=2');
    expect(p1.messages.map((m) => m.seq)).toEqual([1, 2]);
    expect(p1.next).toBe(2);
    const p2 = await read(box, `?after=${p1.next}&limit=2`);
    expect(p2.messages.map((m) => m.seq)).toEqual([3, 4]);
    const p3 = await read(box, `?after=${p2.next}&limit=2`);
    expect(p3).toMatchObject({ messages: [{ seq: 5 }], next: null });
    expect(await read(box, '?after=5')).toEqual({ messages: [], next: null });
    expect((await read(box, '?after=&limit=')).messages).toHaveLength(5);
  });

  it.each(['limit=0', 'after=-1', 'after=x', 'limit=1&limit=2'])('refuses query %s with 400 once authorised', async (q) => {
    await expectError(await mailboxCall(box.id, box.authorization, { query: `?${q}` }), 400, 'bad_request');
    // Unauthorised, the same query is a 404: authorisation comes first.
    await expectError(await mailboxCall(box.id, undefined, { query: `?${q}` }), 404, 'not_found');
  });

  it('shows one report only its own conversation', async () => {
    const other = await newMailbox();
    await post(other);
    expect(await read()).toEqual({ messages: [], next: null });
    expect((await read(other)).messages).toHaveLength(1);
  });
});

describe('POST /api/v1/mailbox/{id}', () => {
  it('stores a message: 201 {seq, at} with at truncated to the minute', async () => {
    const before = isoMinute(new Date());
    const m = newMessage();
    const answer = await post(box, m);
    expect(answer.seq).toBe(1);
    expect([before, isoMinute(new Date())]).toContain(answer.at);
    const row = await env.DB.prepare('SELECT * FROM messages').first<Record<string, unknown>>();
    expect(row).toEqual({ arrival: 1, report_id: box.id, seq: 1, sender: 'reporter', kid: m.kid, sealed: m.sealed, at: answer.at });
  });

  it.each(SEALED_MESSAGE_SIZES)('accepts a sealed message of %i bytes', async (size) => {
    expect((await mailboxCall(box.id, box.authorization, { body: newMessage(size) })).status).toBe(201);
  });

  it.each([0, 40, 1063, 1065, 1072, 4135, 4137, 16425, 65577, ...SEALED_REPORT_SIZES])('refuses a sealed message of %i bytes with 400', async (size) => {
    await expectError(await mailboxCall(box.id, box.authorization, { body: newMessage(size) }), 400, 'bad_request');
  });

  it.each([
    ['{', 'malformed JSON'],
    ['[]', 'not an object'],
    [{ sealed: toB64(randomBytes(1064)) }, 'no kid'],
    [{ kid: vectors.police.kid }, 'no sealed'],
    [{ kid: vectors.police.kid, sealed: null }, 'sealed null'],
    [{ kid: vectors.police.kid, sealed: toB64(randomBytes(1064)) + '=' }, 'padding'],
    [{ kid: vectors.police.kid, sealed: 5 }, 'wrong type'],
    [{ kid: 'short', sealed: toB64(randomBytes(1064)) }, 'bad kid'],
  ] as Array<[unknown, string]>)('refuses %j (%s) with 400', async (body) => {
    await expectError(await mailboxCall(box.id, box.authorization, { body }), 400, 'bad_request');
  });

  it('ignores unknown fields', async () => {
    expect((await mailboxCall(box.id, box.authorization, { body: { ...newMessage(), seq: 99, from: 'police', extra: 1 } })).status).toBe(201);
    expect((await read()).messages[0]).toMatchObject({ seq: 1, from: 'reporter' });
  });

  it('refuses a kid the Worker does not accept with 422', async () => {
    await expectError(await mailboxCall(box.id, box.authorization, { body: newMessage(1064, toB64(randomBytes(16))) }), 422, 'unknown_key');
    expect((await read()).messages).toEqual([]);
  });

  it('accepts a retired kid within its grace period', async () => {
    const retired = toB64(randomBytes(16));
    const d = testDeployment({
      policeKeys: [
        { kid: vectors.police.kid, publicKey: vectors.police.publicKey, status: 'active', createdAt: '2026-01-01T00:00:00Z' },
        { kid: retired, publicKey: vectors.police.publicKey, status: 'retired', createdAt: '2025-01-01T00:00:00Z', retiredAt: new Date(Date.now() - 10 * 86400_000).toISOString().slice(0, 19) + 'Z' },
      ],
    });
    expect((await mailboxCall(box.id, box.authorization, { body: newMessage(1064, retired) }, { DEPLOYMENT: JSON.stringify(d) })).status).toBe(201);
  });

  it('numbers messages per report from 1, atomically under concurrency', async () => {
    const other = await newMailbox();
    const answers = await Promise.all(Array.from({ length: 6 }, () => mailboxCall(box.id, box.authorization, { body: newMessage() })));
    expect(answers.map((r) => r.status)).toEqual(Array(6).fill(201));
    const seqs = (await Promise.all(answers.map(async (r) => v.parse(PostMessageAnswer, await r.json()).seq))).sort((a, b) => a - b);
    expect(seqs).toEqual([1, 2, 3, 4, 5, 6]);
    expect((await post(other)).seq).toBe(1);
    expect((await post(box)).seq).toBe(7);
  });

  it('answers 404 when the report is deleted, and stores nothing', async () => {
    expect((await officerCall(admin, 'DELETE', `/api/v1/reports/${box.id}`)).status).toBe(204);
    await expectError(await mailboxCall(box.id, box.authorization, { body: newMessage() }), 404, 'not_found');
    expect((await env.DB.prepare('SELECT COUNT(*) AS n FROM messages').first<{ n: number }>())!.n).toBe(0);
  });
});

describe('the receipt-code derivation (libsodium known answers)', () => {
  it.each(vectors.receipts)('authorises the mailbox secret derived from code $code', async (r) => {
    // The Worker stores what the app sends, b64(H(32, mailboxSecret)), and checks the secret against it.
    const report = newReport({ extra: { mailbox: r.mailboxHash } });
    const body = { ...report.body, id: r.id, pow: toB64(solvePow(fromB64(r.id), fromB64(report.sealed))) };
    expect((await submit(body)).status).toBe(201);
    expect((await mailboxCall(r.id, `Mailbox ${r.mailboxSecret}`)).status).toBe(200);
    expect((await mailboxCall(r.id, `Mailbox ${r.mailboxHash}`)).status).toBe(404);
  });
});

describe('404 not_found: one answer for every authorisation failure', () => {
  let canonical: string;
  beforeEach(async () => {
    canonical = (await errorOf(await mailboxCall(toB64(randomBytes(16)), box.authorization))).text;
    expect(JSON.parse(canonical)).toEqual({ error: { code: 'not_found', message: 'Not found.' } });
  });

  async function failures(): Promise<Array<[string, string, string | undefined]>> {
    const noMailbox = newReport();
    expect((await submit(noMailbox.body)).status).toBe(201);
    const wrong = `Mailbox ${toB64(randomBytes(32))}`;
    return [
      ['wrong secret', box.id, wrong],
      ['unknown id', toB64(randomBytes(16)), box.authorization],
      ['report without mailbox', noMailbox.id, box.authorization],
      ['another mailbox’s secret', (await newMailbox()).id, box.authorization],
      ['no header', box.id, undefined],
      ['empty header', box.id, ''],
      ['scheme only', box.id, 'Mailbox'],
      ['another scheme', box.id, `Bearer ${box.secret}`],
      ['the hash instead of the secret', box.id, `Mailbox ${box.hash}`],
      ['a short secret', box.id, `Mailbox ${toB64(randomBytes(31))}`],
      ['padding', box.id, `Mailbox ${box.secret}=`],
      ['non-canonical b64', box.id, `Mailbox ${box.secret.slice(0, -1)}${box.secret.endsWith('A') ? 'B' : 'A'}`],
      ['trailing garbage', box.id, `${box.authorization} x`],
      ['malformed id', 'not-an-id', box.authorization],
      ['id with padding', `${box.id}==`, box.authorization],
    ];
  }

  it('GET and POST answer byte-identical 404s', async () => {
    for (const [why, id, auth] of await failures()) {
      for (const method of ['GET', 'POST']) {
        const res = await mailboxCall(id, auth, method === 'POST' ? { body: newMessage() } : {});
        expect({ why, method, status: res.status, text: await res.text() }).toEqual({ why, method, status: 404, text: canonical });
      }
    }
    expect((await env.DB.prepare('SELECT COUNT(*) AS n FROM messages').first<{ n: number }>())!.n).toBe(0);
    // The good secret still works: the failures were the changes alone.
    expect((await read()).messages).toEqual([]);
  });

  it('accepts the scheme name in any case, as HTTP does', async () => {
    expect((await mailboxCall(box.id, `mailbox ${box.secret}`)).status).toBe(200);
    expect((await mailboxCall(box.id, `MAILBOX\t${box.secret}`)).status).toBe(200);
  });

  it('compares in constant time, once per request, whether or not the report exists', async () => {
    const spy = vi.spyOn(crypto.subtle as SubtleCrypto & { timingSafeEqual(a: ArrayBufferView, b: ArrayBufferView): boolean }, 'timingSafeEqual');
    const cases = await failures();
    for (const [why, id, auth] of cases) {
      spy.mockClear();
      await mailboxCall(id, auth);
      expect({ why, calls: spy.mock.calls.length }).toEqual({ why, calls: 1 });
      const [a, b] = spy.mock.calls[0]!;
      expect([ArrayBuffer.isView(a) && a.byteLength, ArrayBuffer.isView(b) && b.byteLength]).toEqual([32, 32]);
    }
    spy.mockClear();
    expect((await mailboxCall(box.id, box.authorization)).status).toBe(200);
    expect(spy).toHaveBeenCalledTimes(1);
  });
});

describe('check order: 413, 415, 404, 400, 422, 429', () => {
  const unknown = () => toB64(randomBytes(16));

  it('413 before 415 and 404', async () => {
    const big = 'x'.repeat(MAX_JSON_BODY + 1);
    await expectError(await mailboxCall(unknown(), undefined, { body: big, headers: { 'Content-Type': 'text/plain' } }), 413, 'too_large');
  });

  it('accepts a body of exactly 131072 bytes', async () => {
    const text = JSON.stringify(newMessage(65576));
    expect((await mailboxCall(box.id, box.authorization, { body: text + ' '.repeat(MAX_JSON_BODY - text.length) })).status).toBe(201);
  });

  it('415 before 404', async () => {
    await expectError(await mailboxCall(unknown(), undefined, { body: JSON.stringify(newMessage()), headers: { 'Content-Type': 'text/plain' } }), 415, 'unsupported_media_type');
    await expectError(await mailboxCall(box.id, box.authorization, { method: 'POST', body: JSON.stringify(newMessage()), headers: { 'Content-Type': 'application/jsonx' } }), 415, 'unsupported_media_type');
  });

  it('404 before 400 and 422', async () => {
    await expectError(await mailboxCall(box.id, `Mailbox ${toB64(randomBytes(32))}`, { body: '{' }), 404, 'not_found');
    await expectError(await mailboxCall(unknown(), box.authorization, { body: newMessage(1064, unknown()) }), 404, 'not_found');
  });

  it('400 before 422', async () => {
    await expectError(await mailboxCall(box.id, box.authorization, { body: newMessage(1000, unknown()) }), 400, 'bad_request');
  });

  it('422 and 400 before 429', async () => {
    const now = isoMinute(new Date());
    await seedReporterRows(box.id, Array(MAILBOX_MESSAGES_PER_HOUR).fill(now));
    await expectError(await mailboxCall(box.id, box.authorization, { body: newMessage(1064, unknown()) }), 422, 'unknown_key');
    await expectError(await mailboxCall(box.id, box.authorization, { body: newMessage(1000) }), 400, 'bad_request');
    await expectError(await mailboxCall(box.id, box.authorization, { body: newMessage() }), 429, 'rate_limited');
  });
});

describe('429 rate_limited: per mailbox, from stored rows', () => {
  it(`allows ${MAILBOX_MESSAGES_PER_HOUR} reporter messages an hour, then answers 429 with Retry-After`, async () => {
    const thirtyMinutesAgo = isoMinute(new Date(Date.now() - 30 * 60_000));
    await seedReporterRows(box.id, Array(MAILBOX_MESSAGES_PER_HOUR - 1).fill(thirtyMinutesAgo));
    expect((await post()).seq).toBe(MAILBOX_MESSAGES_PER_HOUR);
    const res = await mailboxCall(box.id, box.authorization, { body: newMessage(), headers: { 'CF-Connecting-IP': '192.0.2.1' } });
    const retryAfter = Number(res.headers.get('Retry-After'));
    await expectError(res, 429, 'rate_limited');
    // The oldest counted message leaves the window in about 30 minutes.
    expect(retryAfter).toBeGreaterThan(29 * 60 - 5);
    expect(retryAfter).toBeLessThanOrEqual(31 * 60);
    // Reading still works; another mailbox is not limited; officers are not limited.
    expect((await read()).messages).toHaveLength(MAILBOX_MESSAGES_PER_HOUR);
    expect((await post(await newMailbox())).seq).toBe(1);
    expect((await officerCall(admin, 'POST', `/api/v1/reports/${box.id}/messages`, newMessage())).status).toBe(201);
  });

  it('counts only the last 60 minutes and only the reporter’s messages', async () => {
    const old = isoMinute(new Date(Date.now() - 61 * 60_000));
    await seedReporterRows(box.id, Array(MAILBOX_MESSAGES_PER_HOUR).fill(old));
    await seedReporterRows(box.id, Array(MAILBOX_MESSAGES_PER_HOUR).fill(isoMinute(new Date())), 'police');
    expect((await post()).seq).toBe(2 * MAILBOX_MESSAGES_PER_HOUR + 1);
  });

  it('never limits a resident answering a few questions', async () => {
    for (let i = 0; i < 10; i++) await post();
    expect((await read()).messages).toHaveLength(10);
  });
});

describe('routing', () => {
  it.each([
    ['PUT', '', 'GET, POST, HEAD'],
    ['DELETE', '', 'GET, POST, HEAD'],
    ['POST', '/live', 'GET, HEAD'],
  ])('answers 405 to %s /api/v1/mailbox/{id}%s', async (method, suffix, allow) => {
    const res = await mailboxCall(`${box.id}${suffix}`, box.authorization, { method });
    expect(res.headers.get('Allow')).toBe(allow);
    await expectError(res, 405, 'method_not_allowed');
  });

  it.each(['/api/v1/mailbox', '/api/v1/mailbox/', '/api/v1/mailbox/x/y/z'])('answers 404 for %s', async (path) => {
    const { call } = await import('./helpers.ts');
    await expectError(await call(path, { headers: { Authorization: box.authorization } }), 404, 'not_found');
  });
});
