/** The roster (admin) and key grants (PROTOCOL §5). */
import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { EnrolOfficerAnswer, OfficerList } from '../../schemas/api.ts';
import { toB64 } from '../../schemas/encoding.ts';
import { GrantAnswer, GrantStoredAnswer, MAX_GRANT_BYTES } from '../../schemas/grant-api.ts';
import { bootstrapAdmin, enrol, errorOf, newOfficerKey, officerCall, randomBytes, vectors, type TestOfficer } from './helpers.ts';

let admin: TestOfficer;

beforeEach(async () => {
  admin = await bootstrapAdmin();
});

async function roster(): Promise<OfficerList['officers']> {
  const res = await officerCall(admin, 'GET', '/api/v1/officers');
  expect(res.status).toBe(200);
  return v.parse(OfficerList, await res.json()).officers;
}

describe('GET /api/v1/officers', () => {
  it('lists the bootstrap admin after its first request', async () => {
    const list = await roster();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ officerId: vectors.officer.officerId, publicKey: vectors.officer.publicKey, role: 'admin', revokedAt: null });
    expect(list[0]!.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  });
});

describe('POST /api/v1/officers', () => {
  it('enrols an officer: 201 {officerId, role} with officerId = b64(H(16, publicKey))', async () => {
    const o = await newOfficerKey();
    const res = await officerCall(admin, 'POST', '/api/v1/officers', { publicKey: o.publicKey, role: 'officer', extra: true });
    expect(res.status).toBe(201);
    expect(v.parse(EnrolOfficerAnswer, await res.json())).toEqual({ officerId: o.officerId, role: 'officer' });
    expect((await roster()).find((x) => x.officerId === o.officerId)).toMatchObject({ publicKey: o.publicKey, role: 'officer', revokedAt: null });
    expect((await officerCall(o, 'GET', '/api/v1/reports')).status).toBe(200);
  });

  it('answers an identical enrolment again with 200, a changed role or a revoked key with 409', async () => {
    const o = await newOfficerKey();
    await enrol(o, 'officer');
    const again = await officerCall(admin, 'POST', '/api/v1/officers', { publicKey: o.publicKey, role: 'officer' });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ officerId: o.officerId, role: 'officer' });
    expect((await errorOf(await officerCall(admin, 'POST', '/api/v1/officers', { publicKey: o.publicKey, role: 'admin' }))).code).toBe('id_conflict');
    expect((await officerCall(admin, 'DELETE', `/api/v1/officers/${o.officerId}`)).status).toBe(204);
    expect((await errorOf(await officerCall(admin, 'POST', '/api/v1/officers', { publicKey: o.publicKey, role: 'officer' }))).code).toBe('id_conflict');
    expect((await officerCall(o, 'GET', '/api/v1/reports')).status).toBe(401);
  });

  it.each([{}, { publicKey: toB64(randomBytes(32)) }, { publicKey: toB64(randomBytes(31)), role: 'officer' }, { publicKey: toB64(randomBytes(32)), role: 'chief' }, { publicKey: null, role: 'officer' }, 'x'])('refuses body %j with 400', async (body) => {
    const e = await errorOf(await officerCall(admin, 'POST', '/api/v1/officers', typeof body === 'string' ? '{' : body));
    expect({ status: e.status, code: e.code }).toEqual({ status: 400, code: 'bad_request' });
  });
});

describe('DELETE /api/v1/officers/{officerId}', () => {
  it('revokes at once, keeps the row and the first revocation date', async () => {
    const o = await newOfficerKey();
    await enrol(o, 'admin');
    expect((await officerCall(o, 'GET', '/api/v1/officers')).status).toBe(200);
    expect((await officerCall(admin, 'DELETE', `/api/v1/officers/${o.officerId}`)).status).toBe(204);
    expect((await officerCall(o, 'GET', '/api/v1/officers')).status).toBe(401);
    const row = (await roster()).find((x) => x.officerId === o.officerId)!;
    expect(row.revokedAt).toMatch(/Z$/);
    await env.DB.prepare("UPDATE officers SET revoked_at = '2026-01-01T00:00:00Z' WHERE officer_id = ?").bind(o.officerId).run();
    expect((await officerCall(admin, 'DELETE', `/api/v1/officers/${o.officerId}`)).status).toBe(204);
    expect((await roster()).find((x) => x.officerId === o.officerId)!.revokedAt).toBe('2026-01-01T00:00:00Z');
  });

  it('answers 404 for an unknown or malformed officerId', async () => {
    expect((await officerCall(admin, 'DELETE', `/api/v1/officers/${toB64(randomBytes(16))}`)).status).toBe(404);
    expect((await officerCall(admin, 'DELETE', '/api/v1/officers/me')).status).toBe(404);
  });

  it('can revoke a bootstrap admin before its first request', async () => {
    await roster(); // the current admin is on the roster
    const next = await newOfficerKey();
    const bindings = { BOOTSTRAP_ADMIN_PUBLIC_KEY: next.publicKey };
    expect((await officerCall(admin, 'DELETE', `/api/v1/officers/${next.officerId}`, undefined, { bindings })).status).toBe(204);
    expect((await officerCall(next, 'GET', '/api/v1/officers', undefined, { bindings })).status).toBe(401);
    expect((await roster()).find((x) => x.officerId === next.officerId)).toMatchObject({ role: 'admin', revokedAt: expect.stringMatching(/Z$/) });
  });
});

describe('key grants', () => {
  it('stores a grant for an officer, who fetches their latest one', async () => {
    const o = await newOfficerKey();
    await enrol(o, 'officer');
    expect((await errorOf(await officerCall(o, 'GET', '/api/v1/officers/me/grant'))).code).toBe('not_found');
    const first = toB64(randomBytes(200));
    const res = await officerCall(admin, 'POST', `/api/v1/officers/${o.officerId}/grant`, { sealed: first });
    expect(res.status).toBe(201);
    expect(v.parse(GrantStoredAnswer, await res.json()).officerId).toBe(o.officerId);
    const got = await officerCall(o, 'GET', '/api/v1/officers/me/grant');
    expect(got.status).toBe(200);
    expect(v.parse(GrantAnswer, await got.json())).toEqual({ sealed: first });
    const second = toB64(randomBytes(300));
    expect((await officerCall(admin, 'POST', `/api/v1/officers/${o.officerId}/grant`, { sealed: second })).status).toBe(201);
    expect(await (await officerCall(o, 'GET', '/api/v1/officers/me/grant')).json()).toEqual({ sealed: second });
    // Another officer sees only their own.
    expect((await officerCall(admin, 'GET', '/api/v1/officers/me/grant')).status).toBe(404);
  });

  it('accepts the largest grant and refuses a larger one or a malformed one with 400', async () => {
    const o = await newOfficerKey();
    await enrol(o, 'officer');
    const target = `/api/v1/officers/${o.officerId}/grant`;
    expect((await officerCall(admin, 'POST', target, { sealed: toB64(randomBytes(MAX_GRANT_BYTES)) })).status).toBe(201);
    for (const body of [{ sealed: toB64(randomBytes(MAX_GRANT_BYTES + 1)) }, { sealed: toB64(randomBytes(48)) }, { sealed: toB64(randomBytes(100)) + '=' }, { sealed: null }, {}, { sealed: 7 }]) {
      const e = await errorOf(await officerCall(admin, 'POST', target, body));
      expect({ status: e.status, code: e.code }).toEqual({ status: 400, code: 'bad_request' });
    }
  });

  it('answers 404 for an unknown or revoked officer', async () => {
    const body = { sealed: toB64(randomBytes(100)) };
    expect((await officerCall(admin, 'POST', `/api/v1/officers/${toB64(randomBytes(16))}/grant`, body)).status).toBe(404);
    const o = await newOfficerKey();
    await enrol(o, 'officer');
    await officerCall(admin, 'DELETE', `/api/v1/officers/${o.officerId}`);
    expect((await officerCall(admin, 'POST', `/api/v1/officers/${o.officerId}/grant`, body)).status).toBe(404);
    expect((await env.DB.prepare('SELECT COUNT(*) AS n FROM grants').first<{ n: number }>())!.n).toBe(0);
  });

  it('routes "me" only for GET', async () => {
    const res = await officerCall(admin, 'POST', '/api/v1/officers/me/grant', { sealed: toB64(randomBytes(100)) });
    expect((await errorOf(res)).code).toBe('method_not_allowed');
  });
});
