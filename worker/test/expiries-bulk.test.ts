/**
 * Bulk expiries (docs/api.md "Bulk expiries", issue 7: a group closed in one action):
 * `PUT /api/v1/expiries` sets 1..500 reports' expiries in one D1 batch, all or nothing, with
 * the single `PUT /api/v1/reports/{id}/expiry`'s checks and order, and retention then purges
 * them as it does a single close.
 */
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { toB64 } from '../../schemas/encoding.ts';
import { MAX_EXPIRIES_BODY, MAX_EXPIRIES_PER_PUT } from '../../schemas/limits.ts';
import { isoSeconds } from '../../schemas/time.ts';
import worker from '../src/index.ts';
import { bootstrapAdmin, call, enrol, errorOf, newOfficerKey, officerCall, randomBytes, storeReports, type TestOfficer } from './helpers.ts';

let admin: TestOfficer;
let officer: TestOfficer;

beforeEach(async () => {
  admin = await bootstrapAdmin();
  officer = await newOfficerKey();
  await enrol(officer, 'officer');
});

const TARGET = '/api/v1/expiries';
const AT = '2027-01-23T00:00:00Z';

async function expectError(res: Response, status: number, code: string) {
  const e = await errorOf(res);
  expect({ status: e.status, code: e.code }).toEqual({ status, code });
}

/** Every report's expiry, in arrival order. */
async function stored(): Promise<Array<string | null>> {
  const rows = await env.DB.prepare('SELECT expires_at FROM reports ORDER BY seq').all<{ expires_at: string | null }>();
  return rows.results.map((r) => r.expires_at);
}

const body = (ids: readonly string[], at: string = AT) => ({ expiries: ids.map((reportId) => ({ reportId, expiresAt: at })) });

/** Reports without going through submission (500 submissions would each solve a proof of work). */
async function insertReports(n: number): Promise<string[]> {
  const ids = Array.from({ length: n }, () => toB64(randomBytes(16)));
  const stmt = env.DB.prepare('INSERT INTO reports (id, kid, sealed, blobs, received_at) VALUES (?, ?, ?, ?, ?)');
  const sealed = toB64(randomBytes(1072));
  await env.DB.batch(ids.map((id) => stmt.bind(id, 'AAAAAAAAAAAAAAAAAAAAAA', sealed, '[]', '2026-11-23T10:00:00Z')));
  return ids;
}

describe('PUT /api/v1/expiries', () => {
  it('sets each listed report’s expiry (each its own time), 204, and leaves the others alone', async () => {
    const ids = await storeReports(4);
    const res = await officerCall(officer, 'PUT', TARGET, { expiries: [{ reportId: ids[2]!, expiresAt: '2027-03-01T12:00:00Z', ignored: 1 }, { reportId: ids[0]!, expiresAt: AT }] });
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
    expect(await stored()).toEqual([AT, null, '2027-03-01T12:00:00Z', null]);
    // The same again (a retry after a lost answer) is the same 204; a later call moves them.
    expect((await officerCall(officer, 'PUT', TARGET, body([ids[0]!]))).status).toBe(204);
    expect((await officerCall(officer, 'PUT', TARGET, body([ids[0]!, ids[2]!], '2026-12-01T00:00:00Z'))).status).toBe(204);
    expect(await stored()).toEqual(['2026-12-01T00:00:00Z', null, '2026-12-01T00:00:00Z', null]);
  });

  it('takes 500 items in one request, well under the 1 MiB cap', async () => {
    const ids = await insertReports(MAX_EXPIRIES_PER_PUT);
    const b = body(ids);
    expect(JSON.stringify(b).length).toBeLessThan(MAX_EXPIRIES_BODY);
    expect((await officerCall(officer, 'PUT', TARGET, b)).status).toBe(204);
    expect(new Set(await stored())).toEqual(new Set([AT]));
  });

  it('sets nothing when one report is unknown: 404, all or nothing', async () => {
    const ids = await storeReports(3);
    const unknown = body([ids[0]!, ids[1]!, toB64(randomBytes(16)), ids[2]!]);
    await expectError(await officerCall(officer, 'PUT', TARGET, unknown), 404, 'not_found');
    expect(await stored()).toEqual([null, null, null]);
  });

  it.each([
    ['no item', () => ({ expiries: [] })],
    ['501 items', () => body(Array.from({ length: MAX_EXPIRIES_PER_PUT + 1 }, () => toB64(randomBytes(16))))],
    ['a report named twice', (ids: string[]) => ({ expiries: [{ reportId: ids[0]!, expiresAt: AT }, { reportId: ids[0]!, expiresAt: '2027-02-01T00:00:00Z' }] })],
    ['a short report id', () => body([toB64(randomBytes(15))])],
    ['a date without a time', (ids: string[]) => body(ids, '2027-01-23')],
    ['fractional seconds', (ids: string[]) => body(ids, '2027-01-23T00:00:00.000Z')],
    ['an impossible date', (ids: string[]) => body(ids, '2027-02-30T00:00:00Z')],
    ['a null expiresAt', (ids: string[]) => ({ expiries: [{ reportId: ids[0]!, expiresAt: null }] })],
    ['no expiries field', () => ({})],
    ['an item that is not an object', () => ({ expiries: ['x'] })],
  ])('refuses a body with %s: 400, nothing set', async (_, make) => {
    const ids = await storeReports(1);
    await expectError(await officerCall(officer, 'PUT', TARGET, make(ids)), 400, 'bad_request');
    expect(await stored()).toEqual([null]);
  });

  it('checks in the officer order: 413 over 1 MiB, 415, 401; admins may too', async () => {
    const ids = await storeReports(1);
    await expectError(await call(TARGET, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: 'x'.repeat(MAX_EXPIRIES_BODY + 1) }), 413, 'too_large');
    // Between the single endpoint's cap (128 KiB) and 1 MiB, a body is read and judged.
    await expectError(await call(TARGET, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: 'x'.repeat(MAX_EXPIRIES_BODY - 1) }), 401, 'unauthorized');
    await expectError(await officerCall(officer, 'PUT', TARGET, body(ids), { headers: { 'Content-Type': 'text/plain' } }), 415, 'unsupported_media_type');
    await expectError(await officerCall(officer, 'PUT', TARGET, body(ids), { signedBody: '{}' }), 401, 'unauthorized');
    // 401 before 400: a stranger's malformed body is not judged.
    await expectError(await officerCall(await newOfficerKey(), 'PUT', TARGET, { expiries: [] }), 401, 'unauthorized');
    expect((await officerCall(admin, 'DELETE', `/api/v1/officers/${officer.officerId}`)).status).toBe(204);
    await expectError(await officerCall(officer, 'PUT', TARGET, body(ids)), 401, 'unauthorized');
    expect(await stored()).toEqual([null]);
    expect((await officerCall(admin, 'PUT', TARGET, body(ids))).status).toBe(204);
    expect(await stored()).toEqual([AT]);
  });

  it('leads retention to purge the closed reports as a single PUT expiry does', async () => {
    const [closedOne, open, closedTwo, single] = await storeReports(4);
    const past = isoSeconds(new Date(Date.now() - 60_000));
    expect((await officerCall(officer, 'PUT', TARGET, body([closedOne!, closedTwo!], past))).status).toBe(204);
    expect((await officerCall(officer, 'PUT', `/api/v1/reports/${single}/expiry`, { expiresAt: past })).status).toBe(204);
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ scheduledTime: Date.now(), cron: '17 * * * *' }), env, ctx);
    await waitOnExecutionContext(ctx);
    const left = await env.DB.prepare('SELECT id FROM reports').all<{ id: string }>();
    expect(left.results.map((r) => r.id)).toEqual([open]);
  });
});
