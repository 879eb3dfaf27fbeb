/**
 * Bulk case events (docs/api.md "Bulk case events", issue 7: a group closed in one action):
 * `POST /api/v1/events` stores 1..500 events in one D1 batch, all or nothing, in the order
 * sent, with the single endpoint's checks and retry rule, and announces only new events.
 */
import { env } from 'cloudflare:workers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { EventList } from '../../schemas/caseFile.ts';
import { toB64 } from '../../schemas/encoding.ts';
import { OfficerHubFrame, PostEventsAnswer } from '../../schemas/events-api.ts';
import { MAX_EVENTS_BODY, MAX_EVENTS_PER_POST } from '../../schemas/limits.ts';
import { OFFICER_LIVE_TARGET } from '../../schemas/mailbox-api.ts';
import { bootstrapAdmin, call, enrol, errorOf, newEvent, newOfficerKey, officerCall, randomBytes, signature, storeReports, type TestOfficer } from './helpers.ts';
import { closeSockets, openSocket } from './live.ts';

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

const TARGET = '/api/v1/events';
const eventCount = async () => (await env.DB.prepare('SELECT COUNT(*) AS n FROM events').first<{ n: number }>())!.n;

async function expectError(res: Response, status: number, code: string) {
  const e = await errorOf(res);
  expect({ status: e.status, code: e.code }).toEqual({ status, code });
}

function bulk(ids: readonly string[], n: number) {
  return { events: Array.from({ length: n }, (_, i) => ({ reportId: ids[i % ids.length]!, ...newEvent() })) };
}

async function list(): Promise<EventList> {
  const res = await officerCall(officer, 'GET', '/api/v1/events?limit=500');
  expect(res.status).toBe(200);
  return v.parse(EventList, await res.json());
}

describe('POST /api/v1/events', () => {
  it('stores N events in the order sent, with consecutive seqs, listed by GET /api/v1/events', async () => {
    const ids = await storeReports(3);
    const single = await officerCall(officer, 'POST', `/api/v1/reports/${ids[0]}/events`, newEvent());
    expect(single.status).toBe(201);
    const body = bulk(ids, 7);
    const res = await officerCall(officer, 'POST', TARGET, body);
    expect(res.status).toBe(201);
    const answer = v.parse(PostEventsAnswer, await res.json());
    expect(answer.events.map((e) => e.seq)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    for (const e of answer.events) expect(e.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00Z$/);
    const page = await list();
    expect(page.events.slice(1)).toEqual(body.events.map((e, i) => ({ seq: i + 2, reportId: e.reportId, kid: e.kid, sealed: e.sealed, at: answer.events[i]!.at })));
  });

  it('takes 500 events of the smallest size in one request (under 1 MiB)', async () => {
    const ids = await storeReports(2);
    const res = await officerCall(officer, 'POST', TARGET, bulk(ids, MAX_EVENTS_PER_POST));
    expect(res.status).toBe(201);
    expect(v.parse(PostEventsAnswer, await res.json()).events).toHaveLength(MAX_EVENTS_PER_POST);
    expect(await eventCount()).toBe(MAX_EVENTS_PER_POST);
  });

  it('stores nothing when one report is unknown (404) or one kid is not accepted (422); 404 comes first', async () => {
    const ids = await storeReports(2);
    const unknownReport = bulk(ids, 5);
    unknownReport.events[3]!.reportId = toB64(randomBytes(16));
    await expectError(await officerCall(officer, 'POST', TARGET, unknownReport), 404, 'not_found');
    const unknownKid = bulk(ids, 5);
    unknownKid.events[4]!.kid = toB64(randomBytes(16));
    await expectError(await officerCall(officer, 'POST', TARGET, unknownKid), 422, 'unknown_key');
    const both = bulk(ids, 5);
    both.events[0]!.kid = toB64(randomBytes(16));
    both.events[1]!.reportId = toB64(randomBytes(16));
    await expectError(await officerCall(officer, 'POST', TARGET, both), 404, 'not_found');
    expect(await eventCount()).toBe(0);
  });

  it.each([
    ['no event', () => ({ events: [] })],
    ['501 events', (ids: string[]) => bulk(ids, MAX_EVENTS_PER_POST + 1)],
    ['a bad sealed length', (ids: string[]) => ({ events: [{ reportId: ids[0]!, ...newEvent(), sealed: toB64(randomBytes(1073)) }] })],
    ['a short report id', () => ({ events: [{ reportId: toB64(randomBytes(15)), ...newEvent() }] })],
    ['no events field', () => ({})],
    ['an event that is not an object', () => ({ events: ['x'] })],
  ])('refuses a body with %s: 400, nothing stored', async (_, make) => {
    const ids = await storeReports(1);
    await expectError(await officerCall(officer, 'POST', TARGET, make(ids)), 400, 'bad_request');
    expect(await eventCount()).toBe(0);
  });

  it('checks in the officer order: 413 over 1 MiB, 415, 401, 403 needs no role beyond officer', async () => {
    const ids = await storeReports(1);
    await expectError(await call(TARGET, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: 'x'.repeat(MAX_EVENTS_BODY + 1) }), 413, 'too_large');
    // Between the single endpoint's cap (128 KiB) and 1 MiB, a body is read and judged.
    await expectError(await call(TARGET, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: 'x'.repeat(MAX_EVENTS_BODY - 1) }), 401, 'unauthorized');
    await expectError(await officerCall(officer, 'POST', TARGET, bulk(ids, 1), { headers: { 'Content-Type': 'text/plain' } }), 415, 'unsupported_media_type');
    await expectError(await officerCall(officer, 'POST', TARGET, bulk(ids, 1), { signedBody: '{}' }), 401, 'unauthorized');
    expect((await officerCall(admin, 'DELETE', `/api/v1/officers/${officer.officerId}`)).status).toBe(204);
    await expectError(await officerCall(officer, 'POST', TARGET, bulk(ids, 1)), 401, 'unauthorized');
    expect(await eventCount()).toBe(0);
    expect((await officerCall(admin, 'POST', TARGET, bulk(ids, 1))).status).toBe(201);
  });

  it('refuses a key not on the roster with 401 (every enrolled role may post, so there is no 403 here), before judging the body', async () => {
    // The endpoint needs the `officer` role, which every enrolled officer has (admins too).
    const stranger = await newOfficerKey();
    await expectError(await officerCall(stranger, 'POST', TARGET, { events: [] }), 401, 'unauthorized');
  });

  it('answers a byte-identical retry 200 with the stored seqs; a partly new retry stores only the rest (201)', async () => {
    const ids = await storeReports(2);
    const body = bulk(ids, 4);
    const first = v.parse(PostEventsAnswer, await (await officerCall(officer, 'POST', TARGET, body)).json());
    const again = await officerCall(officer, 'POST', TARGET, body);
    expect(again.status).toBe(200);
    expect(v.parse(PostEventsAnswer, await again.json())).toEqual(first);
    const more = { events: [...body.events, ...bulk(ids, 2).events] };
    const res = await officerCall(officer, 'POST', TARGET, more);
    expect(res.status).toBe(201);
    const answer = v.parse(PostEventsAnswer, await res.json());
    expect(answer.events.slice(0, 4)).toEqual(first.events);
    expect(answer.events.slice(4).map((e) => e.seq)).toEqual([5, 6]);
    expect(await eventCount()).toBe(6);
  });

  it('announces each new event on the officer hub as the single endpoint does, and retries not at all', async () => {
    const ids = await storeReports(2);
    const s = await openSocket(OFFICER_LIVE_TARGET);
    s.ws.send(await signature(officer, 'GET', OFFICER_LIVE_TARGET, ''));
    expect(v.parse(OfficerHubFrame, await s.next())).toEqual({ type: 'ready' });
    const body = bulk(ids, 3);
    expect((await officerCall(officer, 'POST', TARGET, body)).status).toBe(201);
    const frames = [await s.next(), await s.next(), await s.next()].map((f) => v.parse(OfficerHubFrame, f));
    const page = await list();
    expect(frames.map((f) => (f as { event: unknown }).event).sort((a, b) => (a as { seq: number }).seq - (b as { seq: number }).seq)).toEqual(page.events);
    expect((await officerCall(officer, 'POST', TARGET, body)).status).toBe(200);
    expect((await officerCall(officer, 'POST', `/api/v1/reports/${ids[0]}/events`, newEvent())).status).toBe(201);
    expect(await s.next()).toMatchObject({ type: 'event', event: { seq: 4 } });
    expect(s.frames).toHaveLength(5);
  });
});
