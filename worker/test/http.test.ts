/**
 * HTTP surface: CORS for the viewer's origins only, security headers on every API answer,
 * 404/405, configuration errors, and that malformed input never yields a 5xx.
 */
import { describe, expect, it, vi } from 'vitest';
import { toB64 } from '../../schemas/encoding.ts';
import { OTHER_VIEWER_ORIGIN, TEST_VIEWER_ORIGIN, testDeployment } from './deployment.ts';
import { bootstrapAdmin, call, errorOf, JSON_HEADERS, mailboxCall, newMailbox, newReport, officerCall, randomBytes, submit } from './helpers.ts';

const SECURITY = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
};

function expectSecurityHeaders(res: Response) {
  for (const [k, v] of Object.entries(SECURITY)) expect(res.headers.get(k), k).toBe(v);
}

const preflight = (origin: string, path = '/api/v1/reports', method = 'GET') =>
  call(path, { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': method, 'Access-Control-Request-Headers': 'authorization' } });

describe('CORS', () => {
  it.each([TEST_VIEWER_ORIGIN, OTHER_VIEWER_ORIGIN])('answers a preflight from the configured viewer origin %s', async (origin) => {
    const res = await preflight(origin);
    expect(res.status).toBe(204);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe(origin);
    expect(res.headers.get('Access-Control-Allow-Headers')).toBe('Authorization, Content-Type');
    expect(res.headers.get('Access-Control-Allow-Methods')).toBe('GET, POST, PUT, DELETE');
    expect(res.headers.get('Access-Control-Max-Age')).toMatch(/^\d+$/);
    expect(res.headers.get('Vary')).toContain('Origin');
    expect(res.headers.get('Access-Control-Allow-Credentials')).toBeNull();
    expectSecurityHeaders(res);
  });

  it.each(['https://evil.example', 'http://127.0.0.1:28787', TEST_VIEWER_ORIGIN + '/', TEST_VIEWER_ORIGIN.toUpperCase(), 'null'])('gives no CORS header to origin %s', async (origin) => {
    const res = await preflight(origin);
    expect(res.status).toBe(405);
    for (const [k] of res.headers) expect(k.startsWith('access-control-')).toBe(false);
    const get = await call('/api/v1/meta', { headers: { Origin: origin } });
    expect(get.status).toBe(200);
    expect(get.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });

  it('labels the viewer origin on actual answers, errors included', async () => {
    const ok = await call('/api/v1/meta', { headers: { Origin: TEST_VIEWER_ORIGIN } });
    expect(ok.headers.get('Access-Control-Allow-Origin')).toBe(TEST_VIEWER_ORIGIN);
    const denied = await call('/api/v1/reports', { headers: { Origin: TEST_VIEWER_ORIGIN } });
    expect(denied.status).toBe(401);
    expect(denied.headers.get('Access-Control-Allow-Origin')).toBe(TEST_VIEWER_ORIGIN);
    const admin = await bootstrapAdmin();
    const signed = await officerCall(admin, 'GET', '/api/v1/reports', undefined, { headers: { Origin: TEST_VIEWER_ORIGIN } });
    expect(signed.status).toBe(200);
    expect(signed.headers.get('Access-Control-Allow-Origin')).toBe(TEST_VIEWER_ORIGIN);
  });
});

describe('security headers and routing', () => {
  it('are on every API answer', async () => {
    const admin = await bootstrapAdmin();
    const answers = [
      await call('/api/v1/meta'),
      await call('/api/v1/nope'),
      await call('/api/v1/meta', { method: 'DELETE' }),
      await submit('{'),
      await submit(newReport().body),
      await call('/api/v1/reports'),
      await officerCall(admin, 'GET', '/api/v1/reports'),
      await officerCall(admin, 'DELETE', `/api/v1/reports/${toB64(randomBytes(16))}`),
      await call('/api/v1/meta', {}, { DEPLOYMENT: undefined as unknown as string }),
      await preflight(TEST_VIEWER_ORIGIN),
    ];
    for (const res of answers) expectSecurityHeaders(res);
  });

  it.each(['/api', '/api/', '/api/v1', '/api/v2/meta', '/api/v1/meta/', '/api/v1/reports/a/b/c', '/api/v1/officers/x/y', '/api/v1/blobs', '/api/v1/blobs/x/y', '/api/v1/events/x', '/api/v1/reports/x/events/y'])('answers 404 not_found JSON for %s', async (path) => {
    const e = await errorOf(await call(path));
    expect({ status: e.status, code: e.code }).toEqual({ status: 404, code: 'not_found' });
  });

  it.each([
    ['DELETE', '/api/v1/meta', 'GET, HEAD'],
    ['POST', '/api/v1/meta', 'GET, HEAD'],
    ['PATCH', '/api/v1/reports', 'GET, POST, HEAD'],
    ['PUT', '/api/v1/reports', 'GET, POST, HEAD'],
    ['POST', `/api/v1/reports/${'A'.repeat(22)}`, 'GET, DELETE, HEAD'],
    ['GET', `/api/v1/reports/${'A'.repeat(22)}/expiry`, 'PUT'],
    ['PUT', '/api/v1/officers', 'GET, POST, HEAD'],
    ['GET', `/api/v1/officers/${'A'.repeat(22)}`, 'DELETE'],
    ['GET', `/api/v1/officers/${'A'.repeat(22)}/grant`, 'POST'],
    ['DELETE', '/api/v1/officers/me/grant', 'GET, HEAD'],
    ['POST', `/api/v1/blobs/${'A'.repeat(43)}`, 'GET, PUT, HEAD'],
    ['GET', `/api/v1/reports/${'A'.repeat(22)}/events`, 'POST'],
    ['PUT', '/api/v1/events', 'GET, POST, HEAD'],
    ['POST', '/api/v1/expiries', 'PUT'],
  ])('answers 405 to %s %s', async (method, path, allow) => {
    const res = await call(path, { method });
    expect(res.headers.get('Allow')).toBe(allow);
    const e = await errorOf(res);
    expect({ status: e.status, code: e.code }).toEqual({ status: 405, code: 'method_not_allowed' });
  });

  it('hands non-API paths to the reporter app assets', async () => {
    const res = await call('/');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('reporter app (test asset)');
  });
});

describe('GET /api/v1/meta', () => {
  it('answers v, powBits, accepted kids, maxSealedBytes (and, additively, powBase, powCeiling, receiptPublicKey)', async () => {
    const res = await call('/api/v1/meta');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toMatch(/^application\/json/);
    const { vectors } = await import('./helpers.ts');
    expect(await res.json()).toEqual({ v: 1, powBits: 6, kids: [vectors.police.kid], maxSealedBytes: 65584, powBase: 6, powCeiling: 26, receiptPublicKey: vectors.receiptKey.publicKey });
  });

  it('lists retired kids only within their grace period', async () => {
    const day = 86400_000;
    const at = (ms: number) => new Date(ms).toISOString().slice(0, 19) + 'Z';
    const keys = ['A', 'B', 'C'].map((c) => c.repeat(21) + 'A');
    const d = testDeployment({
      policeKeys: [
        { kid: keys[0]!, publicKey: 'A'.repeat(43), status: 'active', createdAt: '2026-01-01T00:00:00Z' },
        { kid: keys[1]!, publicKey: 'A'.repeat(43), status: 'retired', createdAt: '2025-01-01T00:00:00Z', retiredAt: at(Date.now() - 30 * day) },
        { kid: keys[2]!, publicKey: 'A'.repeat(43), status: 'retired', createdAt: '2024-01-01T00:00:00Z', retiredAt: at(Date.now() - 100 * day) },
      ],
    });
    const res = await call('/api/v1/meta', {}, { DEPLOYMENT: JSON.stringify(d) });
    expect(((await res.json()) as { kids: string[] }).kids).toEqual([keys[0], keys[1]]);
  });
});

describe('configuration', () => {
  it('accepts DEPLOYMENT as an object binding', async () => {
    const res = await call('/api/v1/meta', {}, { DEPLOYMENT: testDeployment({ powBits: 9 }) });
    expect(((await res.json()) as { powBits: number }).powBits).toBe(9);
  });

  it.each([
    ['missing', undefined],
    ['not JSON', '{"v":1'],
    ['not a deployment', JSON.stringify({ v: 1 })],
    ['powBits 0', JSON.stringify(testDeployment({ powBits: 0 }))],
  ])('answers 500 internal with a generic message when DEPLOYMENT is %s', async (_, value) => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const e = await errorOf(await call('/api/v1/meta', {}, { DEPLOYMENT: value as string }));
    expect({ status: e.status, code: e.code }).toEqual({ status: 500, code: 'internal' });
    expect(e.text).toBe('{"error":{"code":"internal","message":"Internal error."}}');
    expect(spy.mock.calls).toEqual([['unexpected ConfigurationError']]);
    spy.mockRestore();
  });
});

describe('malformed input never yields a 5xx nor echoes input', () => {
  it('survives random bodies, types and headers on every endpoint', async () => {
    const CANARY = 'ECHO-CANARY-7f3a';
    const admin = await bootstrapAdmin();
    const bodies = ['', '{', '[]', 'null', '"x"', '1e999', '{"v":1}', `{"${CANARY}":"${CANARY}"}`, JSON.stringify({ ...newReport().body, id: CANARY }), '\u0000\uffff', '{"a":' + '['.repeat(5000) + ']'.repeat(5000) + '}'];
    const targets: Array<[string, string]> = [
      ['POST', '/api/v1/reports'],
      ['GET', `/api/v1/reports?after=${CANARY}`],
      ['GET', `/api/v1/reports/${CANARY}`],
      ['PUT', `/api/v1/reports/${CANARY}/expiry`],
      ['PUT', '/api/v1/expiries'],
      ['DELETE', `/api/v1/reports/${CANARY}`],
      ['POST', '/api/v1/officers'],
      ['DELETE', `/api/v1/officers/${CANARY}`],
      ['POST', `/api/v1/officers/${CANARY}/grant`],
      ['GET', '/api/v1/officers/me/grant'],
      ['POST', `/api/v1/mailbox/${CANARY}`],
      ['GET', `/api/v1/mailbox/${CANARY}?after=${CANARY}`],
      ['GET', `/api/v1/mailbox/${CANARY}/live`],
      ['POST', `/api/v1/reports/${CANARY}/messages`],
      ['GET', `/api/v1/reports/${CANARY}/messages`],
      ['GET', `/api/v1/messages?after=${CANARY}`],
      ['GET', `/api/v1/live?${CANARY}`],
      ['POST', `/api/v1/reports/${CANARY}/events`],
      ['GET', `/api/v1/events?after=${CANARY}`],
      ['PUT', `/api/v1/blobs/${CANARY}`],
      ['GET', `/api/v1/blobs/${CANARY}`],
    ];
    for (const [method, target] of targets) {
      for (const body of bodies) {
        const withBody = method !== 'GET';
        for (const signed of [false, true]) {
          const res = signed
            ? await officerCall(admin, method, target, withBody ? body : undefined)
            : await call(target, { method, headers: { ...JSON_HEADERS, Authorization: `Signature officer="${CANARY}"` }, body: withBody ? body : undefined });
          const text = await res.text();
          expect(res.status, `${method} ${target} ${body.slice(0, 20)}`).toBeLessThan(500);
          expect(text).not.toContain(CANARY);
          expect(text).not.toContain('ECHO');
        }
      }
    }
    // Uploads as raw bytes with the blob media type and a canary in every place a client fills.
    for (const body of bodies) {
      const res = await call(`/api/v1/blobs/${CANARY}`, { method: 'PUT', headers: { 'Content-Type': 'application/octet-stream', 'X-Pow': CANARY }, body });
      const text = await res.text();
      expect(res.status, body.slice(0, 20)).toBeLessThan(500);
      expect(text).not.toContain(CANARY);
      expect(text).not.toContain('ECHO');
    }
    // The same bodies from a reporter holding a real mailbox secret.
    const box = await newMailbox();
    for (const body of bodies) {
      for (const query of ['', `?after=${CANARY}`]) {
        const res = await mailboxCall(box.id, box.authorization, { method: 'POST', body, query, headers: JSON_HEADERS });
        const text = await res.text();
        expect(res.status, body.slice(0, 20)).toBeLessThan(500);
        expect(text).not.toContain(CANARY);
        expect(text).not.toContain('ECHO');
      }
    }
  });
});
