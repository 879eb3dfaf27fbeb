/**
 * Fuzzing every endpoint inside workerd with fast-check (issue 7 point 4, docs/hostile-traffic.md):
 * arbitrary methods, paths under /api/v1 (every real route with mutated ids), query strings,
 * headers and bodies. Property: never a 5xx, only a documented status, every error is the
 * protocol's shape `{"error":{"code","message"}}` (plus `powBits` for pow_invalid), and no
 * input is echoed: a canary planted in every generated part never appears in the answer.
 * 200 runs per endpoint group in `npm test`, 10,000 under `STRESS=1`.
 */
import { env } from 'cloudflare:workers';
import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { ErrorBody } from '../../schemas/errors.ts';
import { toB64 } from '../../schemas/encoding.ts';
import { call, newReport, randomBytes, submit } from './helpers.ts';
import { TEST_VIEWER_ORIGIN } from './deployment.ts';

const RUNS = Number(env.FUZZ_RUNS);
const CANARY = 'CaNaRy7q';
/** Statuses docs/api.md documents (101 for the live routes). */
const DOCUMENTED = new Set([101, 200, 201, 204, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429]);

const b64 = (n: number) => fc.uint8Array({ minLength: n, maxLength: n }).map((b) => toB64(b));
/** An id: a valid one, a mutated one, or a canary. */
const id = (n: number) => fc.oneof(b64(n), b64(n).map((s) => s.slice(1) + '!'), fc.string().map((s) => CANARY + encodeURIComponent(s)), fc.constant(CANARY));
const canaryText = fc.string({ maxLength: 40 }).map((s) => CANARY + s);

/** Every route of docs/api.md, with its ids drawn. */
const ROUTES: Record<string, fc.Arbitrary<string>> = {
  meta: fc.constant('/api/v1/meta'),
  receiptKey: fc.constant('/api/v1/receipt-key'),
  reports: fc.constant('/api/v1/reports'),
  report: id(16).map((r) => `/api/v1/reports/${r}`),
  expiry: id(16).map((r) => `/api/v1/reports/${r}/expiry`),
  messages: id(16).map((r) => `/api/v1/reports/${r}/messages`),
  reportEvents: id(16).map((r) => `/api/v1/reports/${r}/events`),
  events: fc.constant('/api/v1/events'),
  officers: fc.constant('/api/v1/officers'),
  officer: id(16).map((o) => `/api/v1/officers/${o}`),
  inbox: fc.constant('/api/v1/messages'),
  blob: id(32).map((b) => `/api/v1/blobs/${b}`),
  mailbox: id(16).map((r) => `/api/v1/mailbox/${r}`),
  mailboxLive: id(16).map((r) => `/api/v1/mailbox/${r}/live`),
  live: fc.constant('/api/v1/live'),
  unknown: fc.webPath().map((p) => `/api/v1/${CANARY}${p}`),
};

const method = fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'PROPFIND', 'get');
const query = fc.oneof(
  fc.constant(''),
  fc.dictionary(fc.constantFrom('after', 'limit', 'since', 'x', CANARY), fc.oneof(canaryText, fc.integer().map(String), fc.constant('')), { maxKeys: 3 }).map((d) => '?' + new URLSearchParams(d).toString()),
);
const contentType = fc.constantFrom(undefined, 'application/json', 'APPLICATION/JSON; charset=utf-8', 'application/octet-stream', 'text/plain', 'application/json;' + CANARY, CANARY);
const authorization = fc.oneof(
  fc.constant(undefined),
  canaryText,
  canaryText.map((s) => `Mailbox ${s}`),
  fc.record({ officer: fc.oneof(b64(16), canaryText), ts: fc.oneof(fc.integer().map(String), canaryText), nonce: fc.oneof(b64(16), canaryText), sig: fc.oneof(b64(64), canaryText) }, { requiredKeys: [] }).map(
    (p) => 'Signature ' + Object.entries(p).map(([k, val]) => `${k}="${val}"`).join(', '),
  ),
);
const headers = fc.record({
  'Content-Type': contentType,
  Authorization: authorization,
  Origin: fc.constantFrom(undefined, TEST_VIEWER_ORIGIN, 'https://' + CANARY + '.example'),
  Upgrade: fc.constantFrom(undefined, 'websocket', CANARY),
  'X-Pow': fc.oneof(fc.constant(undefined), b64(8), canaryText),
  [CANARY]: fc.constantFrom(undefined, CANARY),
});

/** JSON near the real shapes, with one field mutated; random JSON; deep nesting; random bytes. */
const nearShapes = fc
  .tuple(
    fc.constantFrom('report', 'message', 'events', 'officer', 'grant', 'expiry'),
    fc.constantFrom('id', 'kid', 'sealed', 'pow', 'events', 'publicKey', 'role', 'expiresAt'),
    fc.oneof(canaryText, fc.integer(), fc.constant(null), fc.array(canaryText, { maxLength: 3 }), fc.object({ maxDepth: 2 })),
  )
  .map(([shape, field, value]) => {
    const base: Record<string, unknown> = shape === 'report' ? { ...newReport().body } : shape === 'events' ? { events: [{ reportId: toB64(randomBytes(16)), kid: 'k', sealed: toB64(randomBytes(1072)) }] } : { kid: CANARY, sealed: toB64(randomBytes(1064)), role: 'officer', publicKey: toB64(randomBytes(32)), expiresAt: CANARY };
    base[field] = value;
    return JSON.stringify(base);
  });
const body = fc.oneof(
  fc.constant(undefined),
  fc.uint8Array({ maxLength: 2048 }).map((b) => new Uint8Array([...new TextEncoder().encode(CANARY), ...b])),
  fc.jsonValue({ maxDepth: 4 }).map((j) => JSON.stringify({ [CANARY]: j })),
  nearShapes,
  fc.integer({ min: 1, max: 20_000 }).map((d) => '['.repeat(d) + `"${CANARY}"` + ']'.repeat(d)),
);

async function check(path: string, m: string, q: string, h: Record<string, string | undefined>, b: string | Uint8Array | undefined): Promise<void> {
  const hs = Object.fromEntries(Object.entries(h).filter((e): e is [string, string] => e[1] !== undefined));
  const noBody = ['GET', 'HEAD', 'get'].includes(m);
  const res = await call(path + q, { method: m, headers: hs, body: noBody ? undefined : (b as BodyInit | undefined) });
  const text = await res.text();
  const where = `${m} ${path}${q} -> ${res.status} ${text.slice(0, 200)}`;
  expect(res.status, where).toBeLessThan(500);
  expect(DOCUMENTED.has(res.status), where).toBe(true);
  expect(text, where).not.toContain(CANARY);
  for (const [k, val] of res.headers) expect(`${k}: ${val}`, where).not.toContain(CANARY);
  if (res.status >= 400 && m !== 'HEAD') {
    const parsed = v.safeParse(ErrorBody, JSON.parse(text));
    expect(parsed.success, where).toBe(true);
    const keys = Object.keys(JSON.parse(text).error).sort();
    expect(keys, where).toEqual(keys.includes('powBits') ? ['code', 'message', 'powBits'] : ['code', 'message']);
  }
}

describe(`fuzz: every endpoint (${RUNS} runs per group)`, () => {
  for (const [name, path] of Object.entries(ROUTES)) {
    it(`${name}: no 5xx, documented status and shape, no echo`, { timeout: Math.max(60_000, RUNS * 20) }, async () => {
      await fc.assert(
        fc.asyncProperty(path, method, query, headers, body, async (p, m, q, h, b) => check(p, m, q, h, b)),
        { numRuns: RUNS },
      );
      // Healthy afterwards: the public door and a valid report still work.
      expect((await call('/api/v1/meta')).status).toBe(200);
      expect((await submit(newReport().body)).status).toBe(201);
    });
  }
});
