/**
 * Officer authentication (PROTOCOL §5): every failure is the same `401 unauthorized` with
 * no hint; roles give `403`; the officer check order 413, 415, 401, 403, 400, 404 holds;
 * the bootstrap admin is enrolled on its first valid request.
 */
import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { NOBODY } from '../src/auth/officer.ts';
import { fromB64 } from '../../schemas/encoding.ts';
import { toB64 } from '../../schemas/encoding.ts';
import { MAX_JSON_BODY } from '../../schemas/limits.ts';
import {
  bootstrapAdmin, call, enrol, errorOf, newOfficerKey, officerCall, randomBytes, signature, vectors, type TestOfficer,
} from './helpers.ts';

const LIST = '/api/v1/reports?after=0&limit=10';
let admin: TestOfficer;
let canonical401: string;

beforeEach(async () => {
  admin = await bootstrapAdmin();
  canonical401 = (await errorOf(await call(LIST))).text;
});

async function expect401(res: Response) {
  expect(res.status).toBe(401);
  expect(await res.text()).toBe(canonical401);
}

function withHeader(authorization: string, target = LIST, init: RequestInit = {}) {
  return call(target, { ...init, headers: { ...(init.headers as Record<string, string> | undefined), Authorization: authorization } });
}

describe('a valid signature', () => {
  it('is accepted, with parameters in any order and with or without spaces', async () => {
    const h = await signature(admin, 'GET', LIST, '');
    const params = h.slice('Signature '.length).split(', ');
    expect((await withHeader(h)).status).toBe(200);
    const reordered = await signature(admin, 'GET', LIST, '');
    const p2 = reordered.slice('Signature '.length).split(', ');
    expect((await withHeader(`Signature ${[p2[3], p2[1], p2[0], p2[2]].join(',')}`)).status).toBe(200);
    const p3 = (await signature(admin, 'GET', LIST, '')).slice('Signature '.length).split(', ');
    expect((await withHeader(`Signature   ${p3.join(' ,  ')}`)).status).toBe(200);
    expect(params).toHaveLength(4);
  });

  it('accepts ts exactly 300 s old or ahead', async () => {
    const now = Math.floor(Date.now() / 1000);
    expect((await officerCall(admin, 'GET', LIST, undefined, { ts: now - 299 })).status).toBe(200);
    expect((await officerCall(admin, 'GET', LIST, undefined, { ts: now + 299 })).status).toBe(200);
  });

  it('covers the exact target with its query, and a path without one', async () => {
    expect((await officerCall(admin, 'GET', '/api/v1/reports')).status).toBe(200);
    expect((await officerCall(admin, 'GET', '/api/v1/reports?limit=5&after=0&x=%41')).status).toBe(200);
  });
});

describe('every failure is the same 401', () => {
  const header = (o: Partial<Record<'officer' | 'ts' | 'nonce' | 'sig', string>>, extra = '') => {
    const base = { officer: vectors.officer.officerId, ts: String(Math.floor(Date.now() / 1000)), nonce: toB64(randomBytes(16)), sig: toB64(randomBytes(64)), ...o };
    return `Signature officer="${base.officer}", ts="${base.ts}", nonce="${base.nonce}", sig="${base.sig}"${extra}`;
  };

  it.each([
    ['no header', undefined],
    ['another scheme', 'Bearer abc'],
    ['an empty value', ''],
    ['only the scheme', 'Signature'],
  ])('%s', async (_, value) => {
    await expect401(await call(LIST, { headers: value === undefined ? {} : { Authorization: value } }));
  });

  it('malformed headers around a valid signature', async () => {
    const good = await signature(admin, 'GET', LIST, '');
    const params = good.slice('Signature '.length);
    const variants = [
      params, // no scheme
      `Signature ${params}, ts="1"`, // duplicate parameter
      `Signature ${params}, extra="1"`, // unknown parameter
      `Signature ${params.replace(/officer="([^"]+)"/, 'officer=$1')}`, // unquoted value
      `Signature ${params.replace(/, nonce="[^"]+"/, '')}`, // missing parameter
      `Signature ${params.replace(', ', '; ')}`, // wrong separator
      `Signature ${params},`, // trailing comma
    ];
    for (const h of variants) await expect401(await withHeader(h));
    // The untouched header still works: the variants failed for their change alone.
    expect((await withHeader(good)).status).toBe(200);
  });

  it('bad field values', async () => {
    for (const h of [
      header({ ts: '12a' }),
      header({ ts: '-5' }),
      header({ ts: '1.5' }),
      header({ ts: '' }),
      header({ nonce: toB64(randomBytes(15)) }),
      header({ nonce: toB64(randomBytes(16)) + '=' }),
      header({ nonce: 'AAAAAAAAAAAAAAAAAAAAAB' }), // non-canonical trailing bits
      header({ sig: toB64(randomBytes(63)) }),
      header({ sig: '+' + toB64(randomBytes(64)).slice(1) }),
      header({ officer: 'not-an-officer' }),
    ]) {
      await expect401(await withHeader(h));
    }
  });

  it('old or future ts', async () => {
    const now = Math.floor(Date.now() / 1000);
    await expect401(await officerCall(admin, 'GET', LIST, undefined, { ts: now - 301 }));
    await expect401(await officerCall(admin, 'GET', LIST, undefined, { ts: now + 301 }));
    await expect401(await officerCall(admin, 'GET', LIST, undefined, { ts: 0 }));
  });

  it('a stranger still costs a real verification (the stand-in key imports)', async () => {
    await expect(crypto.subtle.importKey('raw', new Uint8Array(fromB64(NOBODY)), { name: 'Ed25519' }, false, ['verify'])).resolves.toBeDefined();
  });

  it('an officer not on the roster', async () => {
    await expect401(await officerCall(await newOfficerKey(), 'GET', LIST));
  });

  it('a revoked officer', async () => {
    const o = await newOfficerKey();
    await enrol(o, 'officer');
    expect((await officerCall(o, 'GET', LIST)).status).toBe(200);
    expect((await officerCall(admin, 'DELETE', `/api/v1/officers/${o.officerId}`)).status).toBe(204);
    await expect401(await officerCall(o, 'GET', LIST));
  });

  it('a replayed nonce, even on another request', async () => {
    const h = await signature(admin, 'GET', LIST, '');
    expect((await withHeader(h)).status).toBe(200);
    await expect401(await withHeader(h));
    const nonce = /nonce="([^"]+)"/.exec(h)![1]!;
    await expect401(await officerCall(admin, 'GET', '/api/v1/officers', undefined, { nonce }));
  });

  it('a nonce accepted once under concurrency', async () => {
    const h = await signature(admin, 'GET', LIST, '');
    const statuses = (await Promise.all([withHeader(h), withHeader(h), withHeader(h), withHeader(h)])).map((r) => r.status).sort();
    expect(statuses).toEqual([200, 401, 401, 401]);
  });

  it('the same nonce is fine for another officer (pairs are per officer)', async () => {
    const o = await newOfficerKey();
    await enrol(o, 'officer');
    const nonce = toB64(randomBytes(16));
    expect((await officerCall(admin, 'GET', LIST, undefined, { nonce })).status).toBe(200);
    expect((await officerCall(o, 'GET', LIST, undefined, { nonce })).status).toBe(200);
  });

  it('a signature by another key', async () => {
    const other = await newOfficerKey();
    const forged = (await signature(other, 'GET', LIST, '')).replace(other.officerId, admin.officerId);
    await expect401(await withHeader(forged));
  });

  it('a tampered body', async () => {
    const o = await newOfficerKey();
    const res = await officerCall(admin, 'POST', '/api/v1/officers', { publicKey: o.publicKey, role: 'officer' }, { signedBody: JSON.stringify({ publicKey: o.publicKey, role: 'admin' }) });
    await expect401(res);
  });

  it('a body added to a request signed without one', async () => {
    const target = `/api/v1/officers/${toB64(randomBytes(16))}`;
    const h = await signature(admin, 'DELETE', target, '');
    await expect401(await call(target, { method: 'DELETE', headers: { Authorization: h }, body: 'x' }));
  });

  it('a tampered target, query or method', async () => {
    await expect401(await officerCall(admin, 'GET', '/api/v1/reports?after=0&limit=11', undefined, { signedTarget: LIST }));
    await expect401(await officerCall(admin, 'GET', '/api/v1/reports?limit=10&after=0', undefined, { signedTarget: LIST }));
    await expect401(await officerCall(admin, 'GET', '/api/v1/reports', undefined, { signedTarget: '/api/v1/reports?' }));
    await expect401(await officerCall(admin, 'GET', '/api/v1/officers', undefined, { signedTarget: '/api/v1/reports' }));
    await expect401(await officerCall(admin, 'GET', LIST, undefined, { signedMethod: 'POST' }));
  });

  it('no stranger fills the replay cache', async () => {
    await withHeader(header({}));
    await officerCall(await newOfficerKey(), 'GET', LIST);
    expect((await env.DB.prepare('SELECT COUNT(*) AS n FROM replay_cache').first<{ n: number }>())!.n).toBe(0);
  });
});

describe('403 forbidden: roles', () => {
  it('an officer cannot do admin work', async () => {
    const o = await newOfficerKey();
    await enrol(o, 'officer');
    const someone = toB64(randomBytes(16));
    const cases: Array<[string, string, unknown?]> = [
      ['GET', '/api/v1/officers'],
      ['POST', '/api/v1/officers', { publicKey: toB64(randomBytes(32)), role: 'admin' }],
      ['DELETE', `/api/v1/officers/${someone}`],
      ['POST', `/api/v1/officers/${someone}/grant`, { sealed: toB64(randomBytes(100)) }],
      ['DELETE', `/api/v1/reports/${toB64(randomBytes(16))}`],
    ];
    for (const [method, target, body] of cases) {
      const e = await errorOf(await officerCall(o, method, target, body));
      expect({ method, target, status: e.status, code: e.code }).toEqual({ method, target, status: 403, code: 'forbidden' });
    }
    // Nothing changed.
    expect((await env.DB.prepare('SELECT COUNT(*) AS n FROM officers').first<{ n: number }>())!.n).toBe(2);
  });

  it('an enrolled admin can', async () => {
    const a = await newOfficerKey();
    await enrol(a, 'admin');
    expect((await officerCall(a, 'GET', '/api/v1/officers')).status).toBe(200);
  });
});

describe('officer check order: 413, 415, 401, 403, 400, 404', () => {
  it('413 before 415 and 401', async () => {
    const e = await errorOf(await call('/api/v1/officers', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'x'.repeat(MAX_JSON_BODY + 1) }));
    expect(e.code).toBe('too_large');
    const e2 = await errorOf(await call(`/api/v1/reports/${toB64(randomBytes(16))}`, { method: 'DELETE', body: 'x'.repeat(MAX_JSON_BODY + 1) }));
    expect(e2.code).toBe('too_large');
  });

  it('415 before 401', async () => {
    const e = await errorOf(await call('/api/v1/officers', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '{}' }));
    expect(e.code).toBe('unsupported_media_type');
  });

  it('401 before 403 and 400', async () => {
    const e = await errorOf(await call('/api/v1/officers', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{' }));
    expect(e.code).toBe('unauthorized');
  });

  it('403 before 400', async () => {
    const o = await newOfficerKey();
    await enrol(o, 'officer');
    expect((await errorOf(await officerCall(o, 'POST', '/api/v1/officers', '{'))).code).toBe('forbidden');
  });

  it('400 before 404, and 404 after', async () => {
    const unknown = `/api/v1/reports/${toB64(randomBytes(16))}/expiry`;
    expect((await errorOf(await officerCall(admin, 'PUT', unknown, { expiresAt: 'tomorrow' }))).code).toBe('bad_request');
    expect((await errorOf(await officerCall(admin, 'PUT', unknown, { expiresAt: '2027-01-01T00:00:00Z' }))).code).toBe('not_found');
    expect((await errorOf(await officerCall(admin, 'GET', '/api/v1/reports?limit=0'))).code).toBe('bad_request');
  });

  it('415 for officer JSON bodies with another media type, signed or not', async () => {
    const o = await newOfficerKey();
    const res = await officerCall(admin, 'POST', '/api/v1/officers', { publicKey: o.publicKey, role: 'officer' }, { headers: { 'Content-Type': 'text/plain' } });
    expect((await errorOf(res)).code).toBe('unsupported_media_type');
  });
});

describe('bootstrap admin', () => {
  it('is written to the roster as admin on its first valid request', async () => {
    expect(await env.DB.prepare('SELECT * FROM officers').all().then((r) => r.results)).toEqual([]);
    // An invalid request does not enrol it.
    await officerCall(admin, 'GET', LIST, undefined, { ts: 1 });
    expect((await env.DB.prepare('SELECT COUNT(*) AS n FROM officers').first<{ n: number }>())!.n).toBe(0);
    expect((await officerCall(admin, 'GET', '/api/v1/officers')).status).toBe(200);
    const row = await env.DB.prepare('SELECT * FROM officers').first<Record<string, unknown>>();
    expect(row).toMatchObject({ officer_id: vectors.officer.officerId, public_key: vectors.officer.publicKey, role: 'admin', revoked_at: null });
  });

  it('stays revoked once its row is revoked', async () => {
    expect((await officerCall(admin, 'GET', LIST)).status).toBe(200);
    await env.DB.prepare("UPDATE officers SET revoked_at = '2026-01-01T00:00:00Z'").run();
    await expect401(await officerCall(admin, 'GET', LIST));
    expect((await env.DB.prepare('SELECT revoked_at FROM officers').first<{ revoked_at: string }>())!.revoked_at).toBe('2026-01-01T00:00:00Z');
  });

  it('keeps the role its row gives', async () => {
    await env.DB.prepare("INSERT INTO officers VALUES (?, ?, 'officer', '2026-01-01T00:00:00Z', NULL)").bind(vectors.officer.officerId, vectors.officer.publicKey).run();
    expect((await officerCall(admin, 'GET', LIST)).status).toBe(200);
    expect((await errorOf(await officerCall(admin, 'GET', '/api/v1/officers'))).code).toBe('forbidden');
  });

  it('is nobody when the secret is not set', async () => {
    await expect401(await officerCall(admin, 'GET', LIST, undefined, { bindings: { BOOTSTRAP_ADMIN_PUBLIC_KEY: undefined } }));
  });

  it('a bootstrap secret that is not a key is a configuration error (500, generic)', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const e = await errorOf(await officerCall(admin, 'GET', LIST, undefined, { bindings: { BOOTSTRAP_ADMIN_PUBLIC_KEY: 'not a key' } }));
    expect({ status: e.status, code: e.code }).toEqual({ status: 500, code: 'internal' });
    expect(e.text).not.toContain('BOOTSTRAP');
    expect(spy.mock.calls).toEqual([['unexpected ConfigurationError']]);
    spy.mockRestore();
  });
});
