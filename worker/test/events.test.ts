/**
 * The case file (PROTOCOL §5): sealed events posted to a report and read town-wide in
 * arrival order, checked in the officer order, pushed to the officer hub, deleted with their
 * report (deletion and retention). Retries of the same bytes are in `retries.test.ts`.
 */
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { EventList } from '../../schemas/caseFile.ts';
import { toB64 } from '../../schemas/encoding.ts';
import { OfficerHubFrame, PostEventAnswer } from '../../schemas/events-api.ts';
import { MAX_JSON_BODY, SEALED_REPORT_SIZES } from '../../schemas/limits.ts';
import { OFFICER_LIVE_TARGET } from '../../schemas/mailbox-api.ts';
import worker from '../src/index.ts';
import {
  bootstrapAdmin, call, enrol, errorOf, newEvent, newMailbox, newOfficerKey, officerCall, randomBytes, signature, storeReports, vectors,
  type TestOfficer,
} from './helpers.ts';
import { closeSockets, openSocket, type TestSocket } from './live.ts';

let admin: TestOfficer;
let officer: TestOfficer;

beforeEach(async () => {
  admin = await bootstrapAdmin();
  officer = await newOfficerKey();
  await enrol(officer, 'officer');
});

afterEach(() => {
  closeSockets();
});

async function expectError(res: Response, status: number, code: string) {
  const e = await errorOf(res);
  expect({ status: e.status, code: e.code }).toEqual({ status, code });
}

async function post(reportId: string, body: unknown = newEvent(), by: TestOfficer = officer): Promise<PostEventAnswer> {
  const res = await officerCall(by, 'POST', `/api/v1/reports/${reportId}/events`, body);
  expect(res.status).toBe(201);
  return v.parse(PostEventAnswer, await res.json());
}

async function list(query = ''): Promise<EventList> {
  const res = await officerCall(officer, 'GET', `/api/v1/events${query}`);
  expect(res.status).toBe(200);
  return v.parse(EventList, await res.json());
}

const eventCount = async () => (await env.DB.prepare('SELECT COUNT(*) AS n FROM events').first<{ n: number }>())!.n;

describe('POST /api/v1/reports/{id}/events', () => {
  it('stores an event of every report size: 201 {seq, at}, at to the minute, listed as sent', async () => {
    const [id] = await storeReports(1);
    const bodies = SEALED_REPORT_SIZES.map((size) => newEvent(size));
    const answers: PostEventAnswer[] = [];
    for (const body of bodies) answers.push(await post(id!, body));
    expect(answers.map((a) => a.seq)).toEqual([1, 2, 3, 4]);
    for (const a of answers) expect(a.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00Z$/);
    const page = await list();
    expect(page).toEqual({
      events: bodies.map((b, i) => ({ seq: i + 1, reportId: id, kid: b.kid, sealed: b.sealed, at: answers[i]!.at })),
      next: null,
    });
    expect(Object.keys(page.events[0]!).sort()).toEqual(['at', 'kid', 'reportId', 'sealed', 'seq']);
  });

  it('needs no mailbox, and an officer role is enough; admins may post too', async () => {
    const [plain] = await storeReports(1);
    const box = await newMailbox();
    expect((await post(plain!)).seq).toBe(1);
    expect((await post(box.id, newEvent(), admin)).seq).toBe(2);
  });

  it.each([
    ['a message size', { sealed: toB64(randomBytes(1064)) }],
    ['a size off by one', { sealed: toB64(randomBytes(1073)) }],
    ['padding', { sealed: toB64(randomBytes(1072)).slice(0, -2) + '==' }],
    ['a short kid', { kid: toB64(randomBytes(15)) }],
    ['no sealed', { sealed: null }],
    ['no kid', { kid: undefined }],
  ])('refuses a body with %s: 400', async (_, change) => {
    const [id] = await storeReports(1);
    await expectError(await officerCall(officer, 'POST', `/api/v1/reports/${id}/events`, { ...newEvent(), ...change }), 400, 'bad_request');
    expect(await eventCount()).toBe(0);
  });

  it('checks in the officer order: 413, 415, 401, 400, 404, 422; unknown fields are ignored', async () => {
    const [id] = await storeReports(1);
    const target = `/api/v1/reports/${id}/events`;
    const unknown = `/api/v1/reports/${toB64(randomBytes(16))}/events`;
    const badKid = newEvent(1072, toB64(randomBytes(16)));
    await expectError(await call(target, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'x'.repeat(MAX_JSON_BODY + 1) }), 413, 'too_large');
    await expectError(await call(target, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '{' }), 415, 'unsupported_media_type');
    await expectError(await officerCall(officer, 'POST', target, newEvent(), { headers: { 'Content-Type': 'text/plain' } }), 415, 'unsupported_media_type');
    await expectError(await call(target, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{' }), 401, 'unauthorized');
    // Signed over another body: the signature covers the body's hash.
    await expectError(await officerCall(officer, 'POST', target, newEvent(), { signedBody: '{}' }), 401, 'unauthorized');
    await expectError(await officerCall(officer, 'POST', unknown, { kid: badKid.kid }), 400, 'bad_request');
    await expectError(await officerCall(officer, 'POST', unknown, badKid), 404, 'not_found');
    await expectError(await officerCall(officer, 'POST', '/api/v1/reports/nope/events', badKid), 404, 'not_found');
    await expectError(await officerCall(officer, 'POST', target, badKid), 422, 'unknown_key');
    expect(await eventCount()).toBe(0);
    const res = await officerCall(officer, 'POST', target, { ...newEvent(), seq: 99, reportId: 'x', at: 'y' });
    expect(res.status).toBe(201);
    expect(((await res.json()) as PostEventAnswer).seq).toBe(1);
  });

  it('refuses a revoked officer with 401', async () => {
    const [id] = await storeReports(1);
    expect((await officerCall(admin, 'DELETE', `/api/v1/officers/${officer.officerId}`)).status).toBe(204);
    await expectError(await officerCall(officer, 'POST', `/api/v1/reports/${id}/events`, newEvent()), 401, 'unauthorized');
  });
});

describe('GET /api/v1/events', () => {
  it('lists every report’s events in one arrival order, paged by seq', async () => {
    const [a, b] = await storeReports(2);
    for (const id of [a, b, a, b, a]) await post(id!);
    const all = await list();
    expect(all.events.map((e) => [e.seq, e.reportId])).toEqual([
      [1, a],
      [2, b],
      [3, a],
      [4, b],
      [5, a],
    ]);
    const p1 = await list('?limit=2');
    expect([p1.events.map((e) => e.seq), p1.next]).toEqual([[1, 2], 2]);
    const p2 = await list(`?after=${p1.next}&limit=2`);
    expect([p2.events.map((e) => e.seq), p2.next]).toEqual([[3, 4], 4]);
    const p3 = await list(`?after=${p2.next}&limit=2`);
    expect([p3.events.map((e) => e.seq), p3.next]).toEqual([[5], null]);
    // Polling after the last seq: nothing, then only what is new.
    expect(await list('?after=5')).toEqual({ events: [], next: null });
    await post(b!);
    expect((await list('?after=5')).events.map((e) => [e.seq, e.reportId])).toEqual([[6, b]]);
  });

  it('never reuses a seq after a deletion, so cursors stay valid', async () => {
    const [a, b] = await storeReports(2);
    await post(a!);
    await post(b!);
    expect((await officerCall(admin, 'DELETE', `/api/v1/reports/${b}`)).status).toBe(204);
    expect((await post(a!)).seq).toBe(3);
    expect((await list('?after=1')).events.map((e) => e.seq)).toEqual([3]);
  });

  it('keeps a page under 8 MiB; following next yields every event once', async () => {
    const [id] = await storeReports(1);
    const sealed = toB64(randomBytes(65584));
    const stmt = env.DB.prepare("INSERT INTO events (report_id, kid, sealed, at) VALUES (?, ?, ?, '2026-11-23T21:00:00Z')");
    await env.DB.batch(Array.from({ length: 110 }, () => stmt.bind(id, vectors.police.kid, sealed)));
    const res = await officerCall(officer, 'GET', '/api/v1/events?limit=500');
    const text = await res.text();
    expect(new TextEncoder().encode(text).length).toBeLessThan(8 * 1024 * 1024);
    const first = v.parse(EventList, JSON.parse(text));
    expect(first.events.length).toBeGreaterThan(50);
    expect(first.next).toBe(first.events.at(-1)!.seq);
    const seen = first.events.map((e) => e.seq);
    for (let after = first.next; after !== null; ) {
      const page = await list(`?after=${after}&limit=500`);
      seen.push(...page.events.map((e) => e.seq));
      after = page.next;
    }
    expect(seen).toEqual(Array.from({ length: 110 }, (_, i) => i + 1));
  });

  it('needs an officer; refuses bad queries; other methods are 405', async () => {
    await expectError(await call('/api/v1/events'), 401, 'unauthorized');
    for (const q of ['after=x', 'limit=0', 'after=-1', 'after=1&after=2']) await expectError(await officerCall(officer, 'GET', `/api/v1/events?${q}`), 400, 'bad_request');
    const res = await officerCall(officer, 'PUT', '/api/v1/events', newEvent());
    expect(res.headers.get('Allow')).toBe('GET, POST, HEAD');
    await expectError(res, 405, 'method_not_allowed');
    const get = await officerCall(officer, 'GET', `/api/v1/reports/${toB64(randomBytes(16))}/events`);
    expect(get.headers.get('Allow')).toBe('POST');
  });
});

describe('the officer hub hears events', () => {
  async function hub(o: TestOfficer): Promise<TestSocket> {
    const s = await openSocket(OFFICER_LIVE_TARGET);
    s.ws.send(await signature(o, 'GET', OFFICER_LIVE_TARGET, ''));
    expect(v.parse(OfficerHubFrame, await s.next())).toEqual({ type: 'ready' });
    return s;
  }

  it('pushes {"type":"event","event"} after storing, the same object the list gives, to every officer', async () => {
    const [id] = await storeReports(1);
    const a = await hub(admin);
    const b = await hub(officer);
    const body = newEvent(4144);
    const stored = await post(id!, body);
    const frame = v.parse(OfficerHubFrame, await a.next());
    expect(frame).toEqual({ type: 'event', event: { seq: stored.seq, reportId: id, kid: body.kid, sealed: body.sealed, at: stored.at } });
    expect(await b.next()).toEqual(frame);
    expect((await list()).events[0]).toEqual((frame as { event: unknown }).event);
    // An identical retry is not a new event: nobody hears it again.
    expect((await officerCall(officer, 'POST', `/api/v1/reports/${id}/events`, body)).status).toBe(200);
    await post(id!);
    expect(await a.next()).toMatchObject({ type: 'event', event: { seq: 2 } });
    expect(a.frames).toHaveLength(3);
  });
});

describe('events go with their report', () => {
  it('DELETE /api/v1/reports/{id} deletes its events and nothing else', async () => {
    const [a, b] = await storeReports(2);
    await post(a!);
    await post(b!);
    await post(a!);
    expect((await officerCall(admin, 'DELETE', `/api/v1/reports/${a}`)).status).toBe(204);
    expect((await list()).events.map((e) => [e.seq, e.reportId])).toEqual([[2, b]]);
    await expectError(await officerCall(officer, 'POST', `/api/v1/reports/${a}/events`, newEvent()), 404, 'not_found');
  });

  it('retention purges a report’s events with it', async () => {
    const [a, b] = await storeReports(2);
    await post(a!);
    await post(b!);
    await env.DB.prepare("UPDATE reports SET received_at = '2020-01-01T00:00:00Z' WHERE id = ?").bind(a).run();
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ scheduledTime: Date.now(), cron: '17 * * * *' }), env, ctx);
    await waitOnExecutionContext(ctx);
    expect((await list()).events.map((e) => e.reportId)).toEqual([b]);
  });
});
