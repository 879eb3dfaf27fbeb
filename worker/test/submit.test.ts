/**
 * `POST /api/v1/reports`: every answer of PROTOCOL §3, and that the first failing check
 * decides, in the table's order.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { fromB64, toB64 } from '../../schemas/encoding.ts';
import { MAX_REPORT_BODY, SEALED_REPORT_SIZES } from '../../schemas/limits.ts';
import { isoHour } from '../../schemas/time.ts';
import { TEST_POW_BITS, testDeployment } from './deployment.ts';
import { call, errorOf, JSON_HEADERS, newReport, randomBytes, submit, vectors, weakPow } from './helpers.ts';

const ISO_HOUR = /^\d{4}-\d{2}-\d{2}T\d{2}:00:00Z$/;

async function expectError(res: Response, status: number, code: string) {
  const e = await errorOf(res);
  expect({ status: e.status, code: e.code }).toEqual({ status, code });
}

/** A JSON body of exactly `n` bytes: a valid report padded with spaces. */
function paddedBody(body: unknown, n: number): string {
  const text = JSON.stringify(body);
  return text + ' '.repeat(n - text.length);
}

function stream(bytes: Uint8Array, chunk = 16384): ReadableStream<Uint8Array> {
  let o = 0;
  return new ReadableStream({
    pull(c) {
      if (o >= bytes.length) return c.close();
      c.enqueue(bytes.slice(o, o + chunk));
      o += chunk;
    },
  });
}

describe('201: stored', () => {
  it('stores a valid report and answers {id, receivedAt} truncated to the hour', async () => {
    const r = newReport();
    const before = isoHour(new Date());
    const res = await submit(r.body);
    expect(res.status).toBe(201);
    const answer = (await res.json()) as { id: string; receivedAt: string };
    expect(Object.keys(answer).sort()).toEqual(['id', 'receipt', 'receivedAt']);
    expect(answer.id).toBe(r.id);
    expect(answer.receivedAt).toMatch(ISO_HOUR);
    expect([before, isoHour(new Date())]).toContain(answer.receivedAt);
    const row = await env.DB.prepare('SELECT * FROM reports WHERE id = ?').bind(r.id).first<Record<string, unknown>>();
    expect(row).toMatchObject({ id: r.id, kid: vectors.police.kid, sealed: r.sealed, mailbox: null, blobs: '[]', received_at: answer.receivedAt, expires_at: null });
  });

  it.each(SEALED_REPORT_SIZES)('accepts a sealed report of %i bytes', async (size) => {
    expect((await submit(newReport({ size }).body)).status).toBe(201);
  });

  it('stores mailbox and blobs when given', async () => {
    const mailbox = toB64(randomBytes(32));
    const blobs = [toB64(randomBytes(32)), toB64(randomBytes(32))];
    const r = newReport({ extra: { mailbox, blobs } });
    expect((await submit(r.body)).status).toBe(201);
    const row = await env.DB.prepare('SELECT mailbox, blobs FROM reports WHERE id = ?').bind(r.id).first<{ mailbox: string; blobs: string }>();
    expect(row!.mailbox).toBe(mailbox);
    expect(JSON.parse(row!.blobs)).toEqual(blobs);
  });

  it('counts null fields as absent and ignores unknown fields', async () => {
    const r = newReport({ extra: { mailbox: null, blobs: null, extra: 'ignored', nested: { a: 1 } } });
    expect((await submit(r.body)).status).toBe(201);
    const row = await env.DB.prepare('SELECT * FROM reports WHERE id = ?').bind(r.id).first<Record<string, unknown>>();
    expect(row).toMatchObject({ mailbox: null, blobs: '[]' });
    expect(JSON.stringify(row)).not.toContain('ignored');
  });

  it('accepts the media type case-insensitively, parameters ignored', async () => {
    for (const type of ['APPLICATION/JSON; charset=utf-8', 'application/json;charset=UTF-8', 'Application/Json', 'application/json; foo="bar"']) {
      expect((await submit(newReport().body, { 'Content-Type': type })).status, type).toBe(201);
    }
  });

  it('accepts a body of exactly 131072 bytes', async () => {
    const r = newReport({ size: 65584 });
    expect((await submit(paddedBody(r.body, MAX_REPORT_BODY))).status).toBe(201);
  });

  it('accepts a report under a retired kid within its grace period', async () => {
    const retired = toB64(randomBytes(16));
    const d = testDeployment({
      policeKeys: [
        { kid: vectors.police.kid, publicKey: vectors.police.publicKey, status: 'active', createdAt: '2026-01-01T00:00:00Z' },
        { kid: retired, publicKey: vectors.police.publicKey, status: 'retired', createdAt: '2025-01-01T00:00:00Z', retiredAt: new Date(Date.now() - 10 * 86400_000).toISOString().slice(0, 19) + 'Z' },
      ],
    });
    expect((await submit(newReport({ kid: retired }).body, JSON_HEADERS, { DEPLOYMENT: JSON.stringify(d) })).status).toBe(201);
  });
});

describe('413: body over 131072 bytes (order 1)', () => {
  it('refuses 131073 bytes', async () => {
    await expectError(await submit(paddedBody(newReport().body, MAX_REPORT_BODY + 1)), 413, 'too_large');
  });

  it('refuses a body streamed without Content-Length', async () => {
    const res = await call('/api/v1/reports', { method: 'POST', headers: JSON_HEADERS, body: stream(randomBytes(300_000)) });
    await expectError(res, 413, 'too_large');
  });

  it('refuses a body whose Content-Length lies', async () => {
    const headers = { ...JSON_HEADERS, 'Content-Length': '100' };
    const res = await call('/api/v1/reports', { method: 'POST', headers, body: stream(new TextEncoder().encode(paddedBody(newReport().body, 200_000))) });
    await expectError(res, 413, 'too_large');
  });

  it('refuses a declared length over the cap before reading', async () => {
    const res = await call('/api/v1/reports', { method: 'POST', headers: { ...JSON_HEADERS, 'Content-Length': String(10 * 1024 * 1024) }, body: stream(new Uint8Array(10)) });
    await expectError(res, 413, 'too_large');
  });

  it('comes before 415', async () => {
    await expectError(await submit('x'.repeat(MAX_REPORT_BODY + 1), { 'Content-Type': 'text/plain' }), 413, 'too_large');
  });
});

describe('415: not JSON (order 2)', () => {
  it.each([undefined, 'text/plain', 'application/jsonx', 'application/json-patch+json', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'json', ''])('refuses Content-Type %s', async (type) => {
    const headers: Record<string, string> = type === undefined ? {} : { 'Content-Type': type };
    const res = await call('/api/v1/reports', { method: 'POST', headers, body: new TextEncoder().encode(JSON.stringify(newReport().body)) });
    await expectError(res, 415, 'unsupported_media_type');
  });

  it('comes before 400', async () => {
    await expectError(await submit('{not json', { 'Content-Type': 'text/plain' }), 415, 'unsupported_media_type');
  });
});

describe('400 bad_request (order 3)', () => {
  const base = () => newReport().body;
  const cases: Array<[string, () => unknown]> = [
    ['malformed JSON', () => '{"v":1,'],
    ['empty body', () => ''],
    ['a JSON array', () => [base()]],
    ['a JSON string', () => '"report"'],
    ['JSON null', () => 'null'],
    ['v = 2', () => ({ ...base(), v: 2 })],
    ['v as a string', () => ({ ...base(), v: '1' })],
    ['missing id', () => ({ ...base(), id: undefined })],
    ['missing kid', () => ({ ...base(), kid: undefined })],
    ['missing sealed', () => ({ ...base(), sealed: undefined })],
    ['missing pow', () => ({ ...base(), pow: undefined })],
    ['missing v', () => ({ ...base(), v: undefined })],
    ['null id', () => ({ ...base(), id: null })],
    ['null sealed', () => ({ ...base(), sealed: null })],
    ['id as a number', () => ({ ...base(), id: 12 })],
    ['id of 15 bytes', () => ({ ...base(), id: toB64(randomBytes(15)) })],
    ['id of 17 bytes', () => ({ ...base(), id: toB64(randomBytes(17)) })],
    ['id padded with =', () => ({ ...base(), id: toB64(randomBytes(16)) + '==' })],
    ['kid with + and /', () => ({ ...base(), kid: '+' + vectors.police.kid.slice(1, -1) + '/' })],
    ['kid with non-canonical trailing bits', () => ({ ...base(), kid: vectors.police.kid.slice(0, -1) + 'h' })],
    ['sealed of 1071 bytes', () => ({ ...base(), sealed: toB64(randomBytes(1071)) })],
    ['sealed of 1073 bytes', () => ({ ...base(), sealed: toB64(randomBytes(1073)) })],
    ['sealed of 1024 bytes (unsealed bucket)', () => ({ ...base(), sealed: toB64(randomBytes(1024)) })],
    ['sealed of 65585 bytes', () => ({ ...base(), sealed: toB64(randomBytes(65585)) })],
    ['sealed in standard base64', () => ({ ...base(), sealed: btoa(String.fromCharCode(...randomBytes(1072))) })],
    ['pow of 7 bytes', () => ({ ...base(), pow: toB64(randomBytes(7)) })],
    ['pow with padding', () => ({ ...base(), pow: 'AAAAAAAAAAA=' })],
    ['mailbox of 16 bytes', () => ({ ...base(), mailbox: toB64(randomBytes(16)) })],
    ['mailbox as a number', () => ({ ...base(), mailbox: 5 })],
    ['blobs not an array', () => ({ ...base(), blobs: toB64(randomBytes(32)) })],
    ['a blob id of 31 bytes', () => ({ ...base(), blobs: [toB64(randomBytes(31))] })],
    ['nine blobs', () => ({ ...base(), blobs: Array.from({ length: 9 }, () => toB64(randomBytes(32))) })],
  ];
  it.each(cases)('refuses %s', async (_, make) => {
    await expectError(await submit(make() as string), 400, 'bad_request');
  });

  it('refuses invalid UTF-8', async () => {
    const bytes = new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]);
    await expectError(await call('/api/v1/reports', { method: 'POST', headers: JSON_HEADERS, body: bytes }), 400, 'bad_request');
  });

  it('comes before 422', async () => {
    await expectError(await submit({ ...base(), kid: toB64(randomBytes(16)), sealed: toB64(randomBytes(1000)) }), 400, 'bad_request');
  });
});

describe('422 unknown_key (order 4)', () => {
  it('refuses a kid the deployment does not accept', async () => {
    await expectError(await submit(newReport({ kid: toB64(randomBytes(16)) }).body), 422, 'unknown_key');
  });

  it('refuses a kid retired longer than its grace period', async () => {
    const retired = toB64(randomBytes(16));
    const d = testDeployment({
      policeKeys: [
        { kid: vectors.police.kid, publicKey: vectors.police.publicKey, status: 'active', createdAt: '2026-01-01T00:00:00Z' },
        { kid: retired, publicKey: vectors.police.publicKey, status: 'retired', createdAt: '2025-01-01T00:00:00Z', retiredAt: new Date(Date.now() - 91 * 86400_000).toISOString().slice(0, 19) + 'Z' },
      ],
    });
    await expectError(await submit(newReport({ kid: retired }).body, JSON_HEADERS, { DEPLOYMENT: JSON.stringify(d) }), 422, 'unknown_key');
  });

  it('comes before pow_invalid', async () => {
    const r = newReport({ kid: toB64(randomBytes(16)) });
    const pow = weakPow(fromB64(r.id), fromB64(r.sealed));
    await expectError(await submit({ ...r.body, pow: toB64(pow) }), 422, 'unknown_key');
  });
});

describe('400 pow_invalid (order 5)', () => {
  it('refuses a proof of work below powBits', async () => {
    const r = newReport();
    const pow = weakPow(fromB64(r.id), fromB64(r.sealed));
    await expectError(await submit({ ...r.body, pow: toB64(pow) }), 400, 'pow_invalid');
  });

  it('judges the proof on this id and sealed: a proof for another report fails', async () => {
    const a = newReport({ bits: 12 });
    const b = newReport();
    const res = await submit({ ...b.body, pow: a.body.pow }, JSON_HEADERS, { DEPLOYMENT: JSON.stringify(testDeployment({ powBits: 12 })) });
    await expectError(res, 400, 'pow_invalid');
  });

  it('comes before the idempotent retry (order 6): a stored report retried with a weak proof is pow_invalid', async () => {
    const r = newReport();
    expect((await submit(r.body)).status).toBe(201);
    const res = await submit({ ...r.body, pow: toB64(weakPow(fromB64(r.id), fromB64(r.sealed))) });
    await expectError(res, 400, 'pow_invalid');
  });

  it('carries powBits, the effort required now (here the base)', async () => {
    const r = newReport();
    const res = await submit({ ...r.body, pow: toB64(weakPow(fromB64(r.id), fromB64(r.sealed))) });
    expect(await res.json()).toEqual({ error: { code: 'pow_invalid', message: expect.any(String), powBits: TEST_POW_BITS } });
  });
});

// PROTOCOL §3 order 8: only a limit of the submission's own (none for reports); overload
// raises the effort instead (flood.test.ts).
describe('no town-wide limit (no 429 for others\' traffic)', () => {
  const bindings = { DEPLOYMENT: JSON.stringify(testDeployment({ town: { id: 'no-cap', name: 'No cap' }, effort: { targetPerWindow: 2, ceilingBits: TEST_POW_BITS + 2 } })) };

  it('stores every report whose proof meets the effort now, however many came before', async () => {
    const first = newReport();
    expect((await submit(first.body, JSON_HEADERS, bindings)).status).toBe(201);
    for (let i = 0; i < 7; i++) {
      const bits = ((await (await call('/api/v1/meta', {}, bindings)).json()) as { powBits: number }).powBits;
      // Keyed by nothing about the client: another "client" is treated just the same.
      const res = await submit(newReport({ bits }).body, { ...JSON_HEADERS, 'CF-Connecting-IP': `192.0.2.${i}` }, bindings);
      expect(res.status).toBe(201);
      expect(res.headers.get('Retry-After')).toBeNull();
    }
    // The idempotent retry still answers 200 (its proof was checked when it was stored).
    expect((await submit(first.body, JSON_HEADERS, bindings)).status).toBe(200);
    expect((await env.DB.prepare('SELECT COUNT(*) AS n FROM reports').first<{ n: number }>())!.n).toBe(8);
  });

  it('never limits a few requests a second at the default deployment', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => submit(newReport().body)));
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(201));
  });
});

describe('order 6: idempotent retry, conflict', () => {
  it('answers 200 with the stored receivedAt to a byte-identical retry, other fields ignored', async () => {
    const r = newReport();
    const first = (await (await submit(r.body)).json()) as { receivedAt: string };
    await env.DB.prepare("UPDATE reports SET received_at = '2026-01-01T10:00:00Z' WHERE id = ?").bind(r.id).run();
    const res = await submit({ ...r.body, mailbox: toB64(randomBytes(32)), blobs: [toB64(randomBytes(32))] });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: r.id, receivedAt: '2026-01-01T10:00:00Z', receipt: expect.stringMatching(/^[\w-]{86}$/) });
    expect(first.receivedAt).toMatch(ISO_HOUR);
    const row = await env.DB.prepare('SELECT mailbox, blobs FROM reports WHERE id = ?').bind(r.id).first();
    expect(row).toEqual({ mailbox: null, blobs: '[]' });
  });

  it('answers 409 id_conflict to the same id with different sealed', async () => {
    const r = newReport();
    expect((await submit(r.body)).status).toBe(201);
    const other = newReport();
    const sealed = fromB64(other.sealed);
    const { solvePow } = await import('./helpers.ts');
    const body = { ...other.body, id: r.id, pow: toB64(solvePow(fromB64(r.id), sealed)) };
    await expectError(await submit(body), 409, 'id_conflict');
    const row = await env.DB.prepare('SELECT sealed FROM reports WHERE id = ?').bind(r.id).first<{ sealed: string }>();
    expect(row!.sealed).toBe(r.sealed);
  });

  it('stores a report once when the same submission races', async () => {
    const r = newReport();
    const statuses = (await Promise.all([submit(r.body), submit(r.body), submit(r.body)])).map((x) => x.status).sort();
    expect(statuses).toEqual([200, 200, 201]);
    expect((await env.DB.prepare('SELECT COUNT(*) AS n FROM reports').first<{ n: number }>())!.n).toBe(1);
  });
});
