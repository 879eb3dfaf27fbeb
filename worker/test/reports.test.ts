/**
 * Officer reading of reports (PROTOCOL §5): lists with `after`/`limit`/`next`, one report,
 * deletion (admin), expiry.
 */
import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { ReportItem, ReportList } from '../../schemas/api.ts';
import { toB64 } from '../../schemas/encoding.ts';
import { ExpiringReportItem, ExpiringReportList } from '../../schemas/expiry-api.ts';
import { MAX_SEALED_BYTES } from '../../schemas/limits.ts';
import { bootstrapAdmin, enrol, errorOf, newOfficerKey, newReport, officerCall, randomBytes, storeReports, submit, type TestOfficer } from './helpers.ts';

let admin: TestOfficer;
let officer: TestOfficer;

beforeEach(async () => {
  admin = await bootstrapAdmin();
  officer = await newOfficerKey();
  await enrol(officer, 'officer');
});

async function list(target: string): Promise<ReportList> {
  const res = await officerCall(officer, 'GET', target);
  expect(res.status).toBe(200);
  return v.parse(ReportList, await res.json());
}

/** Inserts rows straight into D1 (fast seeding for paging tests). */
async function seedRows(n: number, sealedBytes = 1072): Promise<void> {
  const sealed = toB64(randomBytes(sealedBytes));
  const stmt = env.DB.prepare("INSERT INTO reports (id, kid, sealed, received_at) VALUES (?, 'AAAAAAAAAAAAAAAAAAAAAA', ?, '2026-11-23T01:00:00Z')");
  const batch = Array.from({ length: n }, () => stmt.bind(toB64(randomBytes(16)), sealed));
  for (let i = 0; i < batch.length; i += 100) await env.DB.batch(batch.slice(i, i + 100));
}

describe('GET /api/v1/reports', () => {
  it('answers an empty list with next null', async () => {
    expect(await list('/api/v1/reports')).toEqual({ reports: [], next: null });
  });

  it('lists every stored field in ascending seq, mailbox as a boolean', async () => {
    const mailbox = toB64(randomBytes(32));
    const blob = toB64(randomBytes(32));
    const a = newReport({ extra: { mailbox, blobs: [blob] } });
    const b = newReport();
    const answers = [];
    for (const r of [a, b]) answers.push((await (await submit(r.body)).json()) as { receivedAt: string });
    const page = await list('/api/v1/reports');
    expect(page.next).toBeNull();
    expect(page.reports).toEqual([
      { seq: 1, id: a.id, kid: a.body.kid, sealed: a.sealed, mailbox: true, blobs: [blob], receivedAt: answers[0]!.receivedAt },
      { seq: 2, id: b.id, kid: b.body.kid, sealed: b.sealed, mailbox: false, blobs: [], receivedAt: answers[1]!.receivedAt },
    ]);
    // The mailbox hash itself never leaves the Worker through the officer API.
    expect(JSON.stringify(page)).not.toContain(mailbox);
  });

  it('pages with after/limit and an authoritative next', async () => {
    const ids = await storeReports(5);
    const p1 = await list('/api/v1/reports?limit=2');
    expect(p1.reports.map((r) => r.id)).toEqual(ids.slice(0, 2));
    expect(p1.next).toBe(2);
    const p2 = await list(`/api/v1/reports?after=${p1.next}&limit=2`);
    expect(p2.reports.map((r) => r.id)).toEqual(ids.slice(2, 4));
    expect(p2.next).toBe(4);
    const p3 = await list(`/api/v1/reports?after=${p2.next}&limit=2`);
    expect(p3.reports.map((r) => r.id)).toEqual(ids.slice(4));
    expect(p3.next).toBeNull();
    // A page that ends exactly at the last report says there is no more.
    expect((await list('/api/v1/reports?after=3&limit=2')).next).toBeNull();
    expect(await list('/api/v1/reports?after=5')).toEqual({ reports: [], next: null });
    expect(await list('/api/v1/reports?after=99')).toEqual({ reports: [], next: null });
  });

  it('keeps seq across deletions, so cursors stay valid', async () => {
    const ids = await storeReports(3);
    expect((await officerCall(admin, 'DELETE', `/api/v1/reports/${ids[1]}`)).status).toBe(204);
    await storeReports(1);
    const page = await list('/api/v1/reports?after=1');
    expect(page.reports.map((r) => r.seq)).toEqual([3, 4]);
  });

  it('treats empty values as absent and ignores other parameters', async () => {
    await storeReports(2);
    expect((await list('/api/v1/reports?after=&limit=')).reports).toHaveLength(2);
    expect((await list('/api/v1/reports?after=0&foo=bar')).reports).toHaveLength(2);
  });

  it.each(['limit=0', 'limit=-1', 'limit=abc', 'limit=1.5', 'limit=1e3', 'after=-1', 'after=x', 'after=1.0', 'after=%201', 'after=1&after=2', 'limit=1&limit=2'])('refuses %s with 400', async (q) => {
    const e = await errorOf(await officerCall(officer, 'GET', `/api/v1/reports?${q}`));
    expect({ status: e.status, code: e.code }).toEqual({ status: 400, code: 'bad_request' });
  });

  it('defaults to 100 and clamps limit to 500', async () => {
    await seedRows(501);
    const def = await list('/api/v1/reports');
    expect(def.reports).toHaveLength(100);
    expect(def.next).toBe(100);
    const big = await list('/api/v1/reports?limit=100000');
    expect(big.reports).toHaveLength(500);
    expect(big.next).toBe(500);
    const rest = await list('/api/v1/reports?after=500&limit=500');
    expect(rest.reports.map((r) => r.seq)).toEqual([501]);
    expect(rest.next).toBeNull();
  });

  it('keeps a page under 8 MiB; following next still yields every report once', async () => {
    await seedRows(110, MAX_SEALED_BYTES);
    const res = await officerCall(officer, 'GET', '/api/v1/reports?limit=500');
    const text = await res.text();
    expect(new TextEncoder().encode(text).length).toBeLessThan(8 * 1024 * 1024);
    const first = v.parse(ReportList, JSON.parse(text));
    expect(first.reports.length).toBeGreaterThan(50);
    expect(first.reports.length).toBeLessThan(110);
    expect(first.next).toBe(first.reports.at(-1)!.seq);
    const seen = first.reports.map((r) => r.seq);
    for (let after = first.next; after !== null; ) {
      const page = await list(`/api/v1/reports?after=${after}&limit=500`);
      seen.push(...page.reports.map((r) => r.seq));
      after = page.next;
    }
    expect(seen).toEqual(Array.from({ length: 110 }, (_, i) => i + 1));
  });
});

describe('GET /api/v1/reports/{id}', () => {
  it('answers the same object as a list item', async () => {
    const r = newReport({ extra: { mailbox: toB64(randomBytes(32)) } });
    await submit(r.body);
    const res = await officerCall(officer, 'GET', `/api/v1/reports/${r.id}`);
    expect(res.status).toBe(200);
    const item = v.parse(ReportItem, await res.json());
    expect(item).toEqual((await list('/api/v1/reports')).reports[0]);
  });

  it('answers 404 for an unknown or malformed id', async () => {
    for (const id of [toB64(randomBytes(16)), 'nope', toB64(randomBytes(16)) + 'A', '%2B' + toB64(randomBytes(16)).slice(1)]) {
      const e = await errorOf(await officerCall(officer, 'GET', `/api/v1/reports/${id}`));
      expect({ id, status: e.status, code: e.code }).toEqual({ id, status: 404, code: 'not_found' });
    }
  });
});

describe('DELETE /api/v1/reports/{id} (admin)', () => {
  it('deletes the report and its blobs, 204', async () => {
    const blobs = [toB64(randomBytes(32)), toB64(randomBytes(32))];
    for (const b of blobs) await env.BLOBS.put(b, randomBytes(100));
    const keep = toB64(randomBytes(32));
    await env.BLOBS.put(keep, randomBytes(10));
    const r = newReport({ extra: { blobs } });
    await submit(r.body);
    const res = await officerCall(admin, 'DELETE', `/api/v1/reports/${r.id}`);
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
    expect((await officerCall(officer, 'GET', `/api/v1/reports/${r.id}`)).status).toBe(404);
    expect((await env.BLOBS.list()).objects.map((o) => o.key)).toEqual([keep]);
  });

  it('answers 404 for an unknown report', async () => {
    expect((await officerCall(admin, 'DELETE', `/api/v1/reports/${toB64(randomBytes(16))}`)).status).toBe(404);
  });

  it('is refused to an officer without the admin role', async () => {
    const [id] = await storeReports(1);
    expect((await errorOf(await officerCall(officer, 'DELETE', `/api/v1/reports/${id}`))).code).toBe('forbidden');
    expect((await officerCall(officer, 'GET', `/api/v1/reports/${id}`)).status).toBe(200);
  });
});

describe('expiresAt on report items (additive, docs/api.md)', () => {
  it('is null until an officer sets one, then the time set, in the list and the single item', async () => {
    const [id] = await storeReports(1);
    const item = async () => v.parse(ExpiringReportItem, await (await officerCall(officer, 'GET', `/api/v1/reports/${id}`)).json());
    expect((await item()).expiresAt).toBeNull();
    expect((await officerCall(officer, 'PUT', `/api/v1/reports/${id}/expiry`, { expiresAt: '2027-01-23T00:00:00Z' })).status).toBe(204);
    expect((await item()).expiresAt).toBe('2027-01-23T00:00:00Z');
    const res = await officerCall(officer, 'GET', '/api/v1/reports');
    expect(v.parse(ExpiringReportList, await res.json()).reports.map((r) => r.expiresAt)).toEqual(['2027-01-23T00:00:00Z']);
  });
});

describe('PUT /api/v1/reports/{id}/expiry', () => {
  it('sets the expiry, 204', async () => {
    const [id] = await storeReports(1);
    const res = await officerCall(officer, 'PUT', `/api/v1/reports/${id}/expiry`, { expiresAt: '2027-01-23T00:00:00Z', ignored: 1 });
    expect(res.status).toBe(204);
    const row = await env.DB.prepare('SELECT expires_at FROM reports WHERE id = ?').bind(id).first<{ expires_at: string }>();
    expect(row!.expires_at).toBe('2027-01-23T00:00:00Z');
  });

  it.each([{}, { expiresAt: null }, { expiresAt: '2027-01-23' }, { expiresAt: '2027-01-23T00:00:00.000Z' }, { expiresAt: '2027-02-30T00:00:00Z' }, { expiresAt: 5 }, []])('refuses body %j with 400', async (body) => {
    const [id] = await storeReports(1);
    const e = await errorOf(await officerCall(officer, 'PUT', `/api/v1/reports/${id}/expiry`, body));
    expect({ status: e.status, code: e.code }).toEqual({ status: 400, code: 'bad_request' });
  });

  it('answers 404 for an unknown report and 415 for another media type', async () => {
    expect((await officerCall(officer, 'PUT', `/api/v1/reports/${toB64(randomBytes(16))}/expiry`, { expiresAt: '2027-01-23T00:00:00Z' })).status).toBe(404);
    const [id] = await storeReports(1);
    const res = await officerCall(officer, 'PUT', `/api/v1/reports/${id}/expiry`, { expiresAt: '2027-01-23T00:00:00Z' }, { headers: { 'Content-Type': 'text/plain' } });
    expect(res.status).toBe(415);
  });
});
