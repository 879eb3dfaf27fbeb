/**
 * Attachment blobs (PROTOCOL §6, docs/api.md "Blobs"): uploads of exactly the padded sizes,
 * id = content hash, proof of work in `X-Pow`, the order of the checks (the effort now after
 * the idempotent 200; no town-wide byte budget), idempotent re-uploads, officer downloads, the 24-hour orphan rule run by
 * `scheduled`, and the blobs going with their report (deletion, retention).
 */
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as v from 'valibot';
import { BLOB_POW_HEADER, MAX_BLOB_BYTES, PutBlobAnswer } from '../../schemas/blob-api.ts';
import { toB64 } from '../../schemas/encoding.ts';
import { BLOB_SIZES } from '../../schemas/limits.ts';
import { isoHour } from '../../schemas/time.ts';
import worker from '../src/index.ts';
import { TEST_POW_BITS, TEST_VIEWER_ORIGIN, testDeployment } from './deployment.ts';
import {
  bootstrapAdmin, call, enrol, errorOf, exactBlobPow, newBlob, newMailbox, newOfficerKey, newReport, officerCall, putBlob, randomBytes, solvePow, submit, weakPow,
  type TestBlob, type TestOfficer,
} from './helpers.ts';
import { H } from '../src/verify/hash.ts';

const HOUR = 3_600_000;
let officer: TestOfficer;
let admin: TestOfficer;

beforeEach(async () => {
  admin = await bootstrapAdmin();
  officer = await newOfficerKey();
  await enrol(officer, 'officer');
});

async function expectError(res: Response, status: number, code: string) {
  const e = await errorOf(res);
  expect({ status: e.status, code: e.code }).toEqual({ status, code });
}

async function upload(b: TestBlob, status = 201): Promise<void> {
  const res = await putBlob(b);
  expect(res.status).toBe(status);
  expect(v.parse(PutBlobAnswer, await res.json())).toEqual({ blob: b.id });
}

/** Byte equality without vitest's deep equality, which walks a typed array key by key. */
const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

const r2Keys = async () => (await env.BLOBS.list()).objects.map((o) => o.key).sort();
const rows = async () => (await env.DB.prepare('SELECT id, size, uploaded_at FROM blobs ORDER BY id').all<{ id: string; size: number; uploaded_at: string }>()).results;

async function runScheduled(at: number) {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ scheduledTime: at, cron: '17 * * * *' }), env, ctx);
  await waitOnExecutionContext(ctx);
}

/** Waits out the last seconds of a clock hour, so a test and the Worker count the same hour. */
async function awayFromHourEnd(): Promise<void> {
  const left = HOUR - (Date.now() % HOUR);
  if (left < 3000) await new Promise((r) => setTimeout(r, left + 50));
}

/** Submits a report naming `blobs`; returns its id. */
async function reportNaming(blobs: string[]): Promise<string> {
  const r = newReport({ extra: { blobs } });
  expect((await submit(r.body)).status).toBe(201);
  return r.id;
}

describe('PUT /api/v1/blobs/{blobId}', () => {
  it('stores every padded size: 201 {"blob"}, bytes in R2 under the id with no metadata, a row with size and hour', async () => {
    const blobs = BLOB_SIZES.map((size) => newBlob(size));
    const before = isoHour(new Date());
    for (const b of blobs) await upload(b);
    for (const b of blobs) {
      const o = (await env.BLOBS.get(b.id))!;
      expect(same(new Uint8Array(await o.arrayBuffer()), b.bytes)).toBe(true);
      expect(o.customMetadata).toEqual({});
      expect(o.httpMetadata).toEqual({});
    }
    const hours = [before, isoHour(new Date())];
    const stored = await rows();
    expect(stored.map(({ id, size }) => ({ id, size }))).toEqual(blobs.map((b) => ({ id: b.id, size: b.bytes.length })).sort((a, b) => (a.id < b.id ? -1 : 1)));
    for (const r of stored) expect(hours).toContain(r.uploaded_at);
    // BLAKE2b in JavaScript over 16 MiB takes seconds in this pool (about 1 s in Node): room for a loaded machine.
  }, 120_000);

  it.each([0, 1, 1072, 65576, 65578, 262235, 262237, 1048871, 1048873])('refuses a body of %i bytes (not a blob size) with 400', async (size) => {
    const bytes = randomBytes(size);
    const id = H(32, bytes);
    await expectError(await putBlob({ id: toB64(id), bytes, pow: toB64(solvePow(id, bytes)) }), 400, 'bad_request');
    expect(await r2Keys()).toEqual([]);
  });

  it('refuses a body past the largest size with 413, counted while streaming: at most 8 MiB more is read and dropped, never the rest', async () => {
    const b = newBlob();
    await expectError(await putBlob({ ...b, bytes: randomBytes(MAX_BLOB_BYTES + 1) }), 413, 'too_large');
    // A stream with no length that would go on for 64 MiB: past the cap the Worker keeps
    // nothing and drops at most 8 MiB more (docs/hostile-traffic.md, D62), then stops.
    const CHUNK = 65536;
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= 64 * 1024 * 1024) return controller.close();
        pulled += CHUNK;
        controller.enqueue(new Uint8Array(CHUNK));
      },
    });
    await expectError(await putBlob({ ...b, bytes: stream }), 413, 'too_large');
    expect(pulled).toBeGreaterThan(MAX_BLOB_BYTES);
    expect(pulled).toBeLessThan(MAX_BLOB_BYTES + 8 * 1024 * 1024 + 8 * CHUNK);
    expect(await r2Keys()).toEqual([]);
  });

  it('takes application/octet-stream only (case and parameters aside): anything else, or none, is 415', async () => {
    for (const type of ['application/json', 'image/jpeg', 'text/plain', 'application/octet-stream-x', '']) {
      const b = newBlob();
      await expectError(await putBlob(b, { 'Content-Type': type }), 415, 'unsupported_media_type');
    }
    const none = newBlob();
    await expectError(await call(`/api/v1/blobs/${none.id}`, { method: 'PUT', headers: { [BLOB_POW_HEADER]: none.pow }, body: new Blob([none.bytes as BlobPart]).stream() }), 415, 'unsupported_media_type');
    const b = newBlob();
    expect((await putBlob(b, { 'Content-Type': 'Application/Octet-Stream; foo=bar' })).status).toBe(201);
  });

  it('refuses an id that is not the content’s hash, or not an id at all, with 400', async () => {
    const b = newBlob();
    const other = newBlob();
    await expectError(await putBlob({ ...b, id: other.id }), 400, 'bad_request');
    for (const id of ['nope', b.id.slice(0, -1), b.id + 'A', toB64(randomBytes(16)), b.id.slice(0, -1) + '=']) {
      await expectError(await putBlob({ ...b, id: encodeURIComponent(id) }), 400, 'bad_request');
    }
    // The id is of the bytes as sent: one flipped byte is another blob.
    const flipped = b.bytes.slice();
    flipped[100]! ^= 1;
    await expectError(await putBlob({ ...b, bytes: flipped }), 400, 'bad_request');
    expect(await r2Keys()).toEqual([]);
  });

  it('needs X-Pow, b64 of 8 bytes (else 400), proving powBits of work over the blob (else 400 pow_invalid)', async () => {
    const b = newBlob();
    await expectError(await putBlob({ ...b, pow: undefined }), 400, 'bad_request');
    for (const pow of ['', toB64(randomBytes(7)), toB64(randomBytes(9)), b.pow + '=', b.pow.slice(0, -1) + '/']) {
      await expectError(await putBlob({ ...b, pow }), 400, 'bad_request');
    }
    const idBytes = H(32, b.bytes);
    await expectError(await putBlob({ ...b, pow: toB64(weakPow(idBytes, b.bytes)) }), 400, 'pow_invalid');
    // Work done for another blob proves nothing for this one.
    const other = newBlob();
    await expectError(await putBlob({ ...b, pow: other.pow === b.pow ? toB64(weakPow(idBytes, b.bytes)) : other.pow }), 400, 'pow_invalid');
    // The deployment's difficulty rules: 6 bits here, 20 bits asked.
    const hard = { DEPLOYMENT: JSON.stringify(testDeployment({ powBits: 20 })) };
    await expectError(await putBlob(b, {}, hard), 400, 'pow_invalid');
    expect(await r2Keys()).toEqual([]);
    await upload(b);
  });

  it('checks in order: 413, 415, 400, 400 pow_invalid below the base, 200 re-upload, 400 pow_invalid below the effort now, 201', async () => {
    // A town of its own whose effort rises after every stored unit.
    const tight = { DEPLOYMENT: JSON.stringify(testDeployment({ town: { id: 'tight-blobs', name: 'Tight' }, effort: { targetPerWindow: 1, ceilingBits: TEST_POW_BITS + 4 } })) };
    const fresh = newBlob();
    const b = { ...fresh, pow: exactBlobPow(fresh, TEST_POW_BITS) };
    const weak = toB64(weakPow(H(32, b.bytes), b.bytes));
    await expectError(await putBlob({ ...b, bytes: randomBytes(MAX_BLOB_BYTES + 1), pow: undefined }, { 'Content-Type': 'text/plain' }), 413, 'too_large');
    await expectError(await putBlob({ ...b, id: 'nope', pow: undefined }, { 'Content-Type': 'text/plain' }), 415, 'unsupported_media_type');
    await expectError(await putBlob({ ...b, id: newBlob().id, pow: weak }), 400, 'bad_request');
    await expectError(await putBlob({ ...b, pow: weak }, {}, tight), 400, 'pow_invalid');
    expect((await putBlob(b, {}, tight)).status).toBe(201);
    // The effort rose past b's proof: a re-upload is still 200 (order 6 before 7)…
    await upload(b, 200);
    expect((await putBlob(b, {}, tight)).status).toBe(200);
    // …but not with a proof below the base (order 5 first), and a new blob must meet it.
    await expectError(await putBlob({ ...b, pow: weak }, {}, tight), 400, 'pow_invalid');
    const c = newBlob();
    const late = await putBlob({ ...c, pow: exactBlobPow(c, TEST_POW_BITS) }, {}, tight);
    expect(((await late.json()) as { error: { powBits: number } }).error.powBits).toBe(TEST_POW_BITS + 1);
    expect((await putBlob({ ...c, pow: exactBlobPow(c, TEST_POW_BITS + 1) }, {}, tight)).status).toBe(201);
  });

  it('answers a re-upload 200 {"blob"} and stores one copy', async () => {
    const b = newBlob(262236);
    await upload(b);
    await upload(b, 200);
    await upload(b, 200);
    expect(await r2Keys()).toEqual([b.id]);
    expect(await rows()).toHaveLength(1);
    const both = await Promise.all([newBlob(), newBlob()].flatMap((x) => [putBlob(x), putBlob(x)]));
    expect(both.map((r) => r.status).every((s) => s === 200 || s === 201)).toBe(true);
    expect(await r2Keys()).toHaveLength(3);
  });

  it('other methods are 405; a path without an id is 404', async () => {
    const b = newBlob();
    const res = await call(`/api/v1/blobs/${b.id}`, { method: 'POST', headers: { 'Content-Type': 'application/octet-stream' }, body: b.bytes as BodyInit });
    expect(res.headers.get('Allow')).toBe('GET, PUT, HEAD');
    await expectError(res, 405, 'method_not_allowed');
    await expectError(await call('/api/v1/blobs', { method: 'PUT', headers: { 'Content-Type': 'application/octet-stream' }, body: b.bytes as BodyInit }), 404, 'not_found');
  });
});

// No town-wide byte budget any more (PROTOCOL §6: the effort adapts to load instead,
// flood.test.ts): bytes stored this hour change nothing, and no answer is a 429.
describe('no town-wide byte budget', () => {
  const seed = async (bytes: number, hour: string) => {
    const stmt = env.DB.prepare('INSERT INTO blobs (id, size, uploaded_at) VALUES (?, ?, ?)');
    const batch = [];
    for (let left = bytes; left > 0; left -= MAX_BLOB_BYTES) batch.push(stmt.bind(toB64(randomBytes(32)), Math.min(left, MAX_BLOB_BYTES), hour));
    await env.DB.batch(batch);
  };

  it('stores a blob whatever this hour already holds (the old 256 MiB budget passed); refused uploads store nothing', async () => {
    await awayFromHourEnd();
    await seed(300 * 1024 * 1024, isoHour(new Date()));
    const b = newBlob();
    for (let i = 0; i < 3; i++) await expectError(await putBlob({ ...b, pow: toB64(weakPow(H(32, b.bytes), b.bytes)) }, {}), 400, 'pow_invalid');
    expect(await r2Keys()).toEqual([]);
    await upload(b);
    await upload(newBlob());
  });

  it('reads its effort settings from the deployment; an old `limits` is ignored; an invalid effort is a configuration error', async () => {
    const old = { DEPLOYMENT: JSON.stringify({ ...testDeployment(), limits: { reportsPerHour: 1, blobBytesPerHour: MAX_BLOB_BYTES } }) };
    for (let i = 0; i < 3; i++) expect((await putBlob(newBlob(), {}, old)).status).toBe(201);
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const invalid = { DEPLOYMENT: JSON.stringify(testDeployment({ effort: { ceilingBits: TEST_POW_BITS - 1 } })) };
    await expectError(await putBlob(newBlob(), {}, invalid), 500, 'internal');
    expect(spy.mock.calls).toEqual([['unexpected ConfigurationError']]);
    spy.mockRestore();
  });
});

describe('GET /api/v1/blobs/{blobId} (officer)', () => {
  it('streams the stored bytes as application/octet-stream; HEAD too', async () => {
    const b = newBlob(1048872);
    await upload(b);
    const res = await officerCall(officer, 'GET', `/api/v1/blobs/${b.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/octet-stream');
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(same(new Uint8Array(await res.arrayBuffer()), b.bytes)).toBe(true);
    const head = await officerCall(officer, 'HEAD', `/api/v1/blobs/${b.id}`);
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    // The viewer lives on its own origin (PROTOCOL §5 CORS).
    const cross = await officerCall(officer, 'GET', `/api/v1/blobs/${b.id}`, undefined, { headers: { Origin: TEST_VIEWER_ORIGIN } });
    expect(cross.headers.get('Access-Control-Allow-Origin')).toBe(TEST_VIEWER_ORIGIN);
    expect(same(new Uint8Array(await cross.arrayBuffer()), b.bytes)).toBe(true);
  });

  it('needs a signed officer request: 401 otherwise, the reporter’s credential included', async () => {
    const b = newBlob();
    await upload(b);
    const box = await newMailbox();
    await expectError(await call(`/api/v1/blobs/${b.id}`), 401, 'unauthorized');
    await expectError(await call(`/api/v1/blobs/${b.id}`, { headers: { Authorization: box.authorization } }), 401, 'unauthorized');
    await expectError(await officerCall(officer, 'GET', `/api/v1/blobs/${b.id}`, undefined, { signedTarget: `/api/v1/blobs/${newBlob().id}` }), 401, 'unauthorized');
    expect((await officerCall(admin, 'DELETE', `/api/v1/officers/${officer.officerId}`)).status).toBe(204);
    await expectError(await officerCall(officer, 'GET', `/api/v1/blobs/${b.id}`), 401, 'unauthorized');
  });

  it('answers 404 for an unknown or malformed id', async () => {
    for (const id of [newBlob().id, 'nope', toB64(randomBytes(16))]) await expectError(await officerCall(officer, 'GET', `/api/v1/blobs/${id}`), 404, 'not_found');
  });
});

describe('reports and their blobs', () => {
  it('accepts a report naming a blob not uploaded (yet): the blob is kept once it comes', async () => {
    const b = newBlob();
    const id = await reportNaming([b.id]);
    await upload(b);
    await runScheduled(Date.now() + 30 * HOUR);
    expect(await r2Keys()).toEqual([b.id]);
    expect((await officerCall(officer, 'GET', `/api/v1/reports/${id}`)).status).toBe(200);
  });

  it('DELETE of a report deletes its blobs (R2 and rows), not those another report still names', async () => {
    const [x, y, z] = [newBlob(), newBlob(), newBlob()];
    for (const b of [x, y, z]) await upload(b);
    const a = await reportNaming([x.id, y.id]);
    const b = await reportNaming([y.id]);
    expect((await officerCall(admin, 'DELETE', `/api/v1/reports/${a}`)).status).toBe(204);
    expect(await r2Keys()).toEqual([y.id, z.id].sort());
    expect((await rows()).map((r) => r.id)).toEqual([y.id, z.id].sort());
    await expectError(await officerCall(officer, 'GET', `/api/v1/blobs/${x.id}`), 404, 'not_found');
    expect((await officerCall(officer, 'GET', `/api/v1/blobs/${y.id}`)).status).toBe(200);
    expect((await officerCall(admin, 'DELETE', `/api/v1/reports/${b}`)).status).toBe(204);
    expect(await r2Keys()).toEqual([z.id]);
    const links = await env.DB.prepare('SELECT COUNT(*) AS n FROM report_blobs').first<{ n: number }>();
    expect(links!.n).toBe(0);
  });

  it('retention deletes a purged report’s blobs, and keeps those of the reports it keeps', async () => {
    const [old, kept, shared] = [newBlob(), newBlob(), newBlob()];
    for (const b of [old, kept, shared]) await upload(b);
    const gone = await reportNaming([old.id, shared.id]);
    await reportNaming([kept.id, shared.id]);
    await env.DB.prepare("UPDATE reports SET received_at = '2020-01-01T00:00:00Z' WHERE id = ?").bind(gone).run();
    await runScheduled(Date.now());
    expect(await r2Keys()).toEqual([kept.id, shared.id].sort());
    expect((await rows()).map((r) => r.id)).toEqual([kept.id, shared.id].sort());
  });
});

describe('the orphan rule (scheduled)', () => {
  const setHour = (id: string, hour: string) => env.DB.prepare('UPDATE blobs SET uploaded_at = ? WHERE id = ?').bind(hour, id).run();

  it('deletes a blob no report names once its upload hour is more than 24 hours old, and keeps the rest', async () => {
    const now = Date.now();
    const [orphan, young, named] = [newBlob(), newBlob(), newBlob()];
    for (const b of [orphan, young, named]) await upload(b);
    await reportNaming([named.id]);
    await setHour(orphan.id, isoHour(new Date(now - 25 * HOUR)));
    await setHour(young.id, isoHour(new Date(now - 24 * HOUR)));
    await setHour(named.id, isoHour(new Date(now - 2000 * HOUR)));
    await runScheduled(now);
    expect(await r2Keys()).toEqual([young.id, named.id].sort());
    expect((await rows()).map((r) => r.id)).toEqual([young.id, named.id].sort());
    // An hour later the young one has had its 24 hours too.
    await runScheduled(now + HOUR);
    expect(await r2Keys()).toEqual([named.id]);
  });

  it('gives an upload at least 24 hours: a blob of this hour survives a run 24 hours on', async () => {
    const b = newBlob();
    await upload(b);
    await runScheduled(Date.now() + 24 * HOUR);
    expect(await r2Keys()).toEqual([b.id]);
  });

  it('a re-upload of an unnamed blob restarts its 24 hours; a named blob keeps its hour', async () => {
    await awayFromHourEnd();
    const [lone, named] = [newBlob(), newBlob()];
    for (const b of [lone, named]) await upload(b);
    await reportNaming([named.id]);
    const old = isoHour(new Date(Date.now() - 23 * HOUR));
    for (const b of [lone, named]) await setHour(b.id, old);
    for (const b of [lone, named]) await upload(b, 200);
    const byId = Object.fromEntries((await rows()).map((r) => [r.id, r.uploaded_at]));
    expect(byId).toEqual({ [lone.id]: isoHour(new Date()), [named.id]: old });
    await runScheduled(Date.now() + 3 * HOUR);
    expect(await r2Keys()).toEqual([lone.id, named.id].sort());
  });

  it('a report naming an orphan in time saves it', async () => {
    const b = newBlob();
    await upload(b);
    await setHour(b.id, isoHour(new Date(Date.now() - 23 * HOUR)));
    await reportNaming([b.id]);
    await runScheduled(Date.now() + 5 * HOUR);
    expect(await r2Keys()).toEqual([b.id]);
  });
});
