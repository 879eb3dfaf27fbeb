/**
 * The load-adaptive effort through the real `FloodGate` Durable Object (PROTOCOL §3, §6;
 * docs/flood.md): each test has its own town (its own gate) with a small target, so a few
 * stored items raise the effort; proofs are solved here with the Worker's own BLAKE2b.
 */
import { runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { MetaAnswer } from '../../schemas/api.ts';
import { fromB64, toB64 } from '../../schemas/encoding.ts';
import { ErrorBody } from '../../schemas/errors.ts';
import { testDeployment } from './deployment.ts';
import { call, exactBlobPow, exactPow, JSON_HEADERS, newBlob, newReport, putBlob, solvePow, submit, type TestBlob } from './helpers.ts';
import { deploymentOf, type Env } from '../src/env.ts';
import { effortPolicyOf } from '../src/flood/floodGate.ts';

const BASE = 4;
const CEILING = 7;

/** A town of its own: base 4, ceiling 7, `target` units per (hour-long, so no decay) window. */
function town(target = 3): Partial<Env> {
  const id = `flood-${crypto.randomUUID().slice(0, 8)}`;
  return {
    DEPLOYMENT: JSON.stringify(
      testDeployment({ town: { id, name: 'Flood' }, powBits: BASE, effort: { targetPerWindow: target, windowSeconds: 3600, ceilingBits: CEILING } }),
    ),
  };
}

async function meta(bindings: Partial<Env>): Promise<MetaAnswer> {
  const res = await call('/api/v1/meta', {}, bindings);
  expect(res.status).toBe(200);
  return v.parse(MetaAnswer, await res.json());
}

const effort = async (bindings: Partial<Env>) => (await meta(bindings)).powBits;

/** A report whose proof has exactly `bits` bits (valid at `bits`, too weak above). */
function reportAt(bits: number) {
  const r = newReport({ bits: BASE });
  r.body.pow = toB64(exactPow(fromB64(r.id), fromB64(r.sealed), bits));
  return r;
}

async function store(bindings: Partial<Env>, n: number, bits: number): Promise<void> {
  for (let i = 0; i < n; i++) expect((await submit(reportAt(bits).body, JSON_HEADERS, bindings)).status).toBe(201);
}

/** The error body of a `pow_invalid`, checked against the schema; returns its `powBits`. */
async function powInvalidBits(res: Response): Promise<number | undefined> {
  expect(res.status).toBe(400);
  const body = v.parse(ErrorBody, await res.json());
  expect(body.error.code).toBe('pow_invalid');
  expect(Object.keys(body.error).sort()).toEqual(['code', 'message', 'powBits']);
  return body.error.powBits;
}

const stored = async (id: string) => (await env.DB.prepare('SELECT COUNT(*) AS n FROM reports WHERE id = ?').bind(id).first<{ n: number }>())!.n;

describe('GET /api/v1/meta', () => {
  it('answers the effort now, the base and the ceiling, never cached', async () => {
    const t = town();
    const res = await call('/api/v1/meta', {}, t);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    expect(await res.json()).toMatchObject({ v: 1, powBits: BASE, powBase: BASE, powCeiling: CEILING });
  });

  it('rises by one bit each time the window holds target stored reports', async () => {
    const t = town(3);
    await store(t, 2, BASE);
    expect(await effort(t)).toBe(BASE);
    await store(t, 1, BASE);
    expect(await effort(t)).toBe(BASE + 1);
    await store(t, 3, BASE + 1);
    expect(await effort(t)).toBe(BASE + 2);
  });

  it('the test town (a target of 100000) stays at its base after many reports', async () => {
    for (let i = 0; i < 12; i++) expect((await submit(newReport().body)).status).toBe(201);
    expect(await meta({})).toMatchObject({ powBits: 6, powBase: 6, powCeiling: 26 });
  });
});

describe('POST /api/v1/reports under a raised effort', () => {
  it('refuses a proof valid at the base but below the effort now, with powBits; solved again at that effort it is stored', async () => {
    const t = town(3);
    await store(t, 3, BASE);
    const r = reportAt(BASE);
    const res = await submit(r.body, JSON_HEADERS, t);
    const text = await res.clone().text();
    expect(await powInvalidBits(res)).toBe(BASE + 1);
    for (const part of [r.id, r.sealed.slice(0, 40), String(r.body.pow)]) expect(text).not.toContain(part);
    expect(await stored(r.id)).toBe(0);
    // Below the base (order 5): the same answer, with the effort now.
    const below = { ...r.body, pow: toB64(exactPow(fromB64(r.id), fromB64(r.sealed), BASE - 1)) };
    expect(await powInvalidBits(await submit(below, JSON_HEADERS, t))).toBe(BASE + 1);
    // The proof covers only id and sealed: the client solves again and resubmits them.
    const again = { ...r.body, pow: toB64(solvePow(fromB64(r.id), fromB64(r.sealed), BASE + 1)) };
    expect((await submit(again, JSON_HEADERS, t)).status).toBe(201);
    expect(await stored(r.id)).toBe(1);
  });

  it('counts only stored reports: refused attempts never raise the effort', async () => {
    const t = town(3);
    for (let i = 0; i < 10; i++) await powInvalidBits(await submit(reportAt(BASE - 1).body, JSON_HEADERS, t));
    expect(await effort(t)).toBe(BASE);
    await store(t, 3, BASE);
    for (let i = 0; i < 10; i++) expect(await powInvalidBits(await submit(reportAt(BASE).body, JSON_HEADERS, t))).toBe(BASE + 1);
    await store(t, 2, BASE + 1);
    expect(await effort(t)).toBe(BASE + 1);
  });

  it('answers a byte-identical retry 200 while the effort is raised (a lost 201); another sealed is still 409', async () => {
    const t = town(3);
    const first = reportAt(BASE);
    const res = await submit(first.body, JSON_HEADERS, t);
    expect(res.status).toBe(201);
    const answer = await res.json();
    await store(t, 2, BASE);
    expect(await effort(t)).toBe(BASE + 1);
    const retry = await submit(first.body, JSON_HEADERS, t);
    expect(retry.status).toBe(200);
    expect(await retry.json()).toEqual(answer);
    const other = reportAt(BASE);
    const conflict = await submit({ ...other.body, id: first.id, pow: toB64(exactPow(fromB64(first.id), fromB64(other.sealed), BASE)) }, JSON_HEADERS, t);
    expect(conflict.status).toBe(409);
    // A retry's proof must still meet the base (order 5 comes first).
    const weak = { ...first.body, pow: toB64(exactPow(fromB64(first.id), fromB64(first.sealed), BASE - 1)) };
    expect(await powInvalidBits(await submit(weak, JSON_HEADERS, t))).toBe(BASE + 1);
    // Retries store nothing and count nothing.
    expect(await effort(t)).toBe(BASE + 1);
  });

  it('never answers 429, however many reports arrive: the effort climbs to the ceiling and holds', async () => {
    const t = town(3);
    const seen: number[] = [];
    for (let i = 0; i < 15; i++) {
      const e = await effort(t);
      seen.push(e);
      expect((await submit(reportAt(e).body, JSON_HEADERS, t)).status).toBe(201);
    }
    expect(seen).toEqual([4, 4, 4, 5, 5, 5, 6, 6, 6, 7, 7, 7, 7, 7, 7]);
    const burst = await Promise.all(Array.from({ length: 8 }, () => submit(reportAt(CEILING).body, JSON_HEADERS, t)));
    expect(burst.map((r) => r.status)).toEqual(Array(8).fill(201));
    expect(await effort(t)).toBe(CEILING);
  });
});

describe('the FloodGate object', () => {
  it('keeps the raise across an eviction: a fresh instance reads it back from storage', async () => {
    const t = town(3);
    await store(t, 6, BASE + 1);
    const d = deploymentOf({ DEPLOYMENT: t.DEPLOYMENT! });
    const stub = env.FLOOD_GATE.get(env.FLOOD_GATE.idFromName(d.town.id));
    expect(await stub.effort(effortPolicyOf(d))).toBe(BASE + 2);
    // What the runtime does on eviction: the in-memory rule is gone, storage stays.
    await runInDurableObject(stub, (instance) => {
      (instance as unknown as { rule: unknown }).rule = undefined;
    });
    expect(await stub.effort(effortPolicyOf(d))).toBe(BASE + 2);
    expect((await stub.admit(effortPolicyOf(d), BASE + 1, 1)).ok).toBe(false);
  });
});

describe('PUT /api/v1/blobs/{id} under a raised effort', () => {
  const blobAt = (size: number, bits: number): TestBlob => {
    const b = newBlob(size, BASE);
    return { ...b, pow: exactBlobPow(b, bits) };
  };

  it('counts one unit per started MiB, refuses a proof below the effort now with powBits, and answers a re-upload 200', async () => {
    const t = town(3);
    // 1048872 bytes: just over 1 MiB, two units.
    expect((await putBlob(blobAt(1048872, BASE), {}, t)).status).toBe(201);
    expect(await effort(t)).toBe(BASE);
    const small = blobAt(65577, BASE);
    expect((await putBlob(small, {}, t)).status).toBe(201);
    expect(await effort(t)).toBe(BASE + 1);
    // Valid at the base, below the effort now.
    const late = blobAt(65577, BASE);
    expect(await powInvalidBits(await putBlob(late, {}, t))).toBe(BASE + 1);
    expect(await env.BLOBS.head(late.id)).toBeNull();
    expect((await putBlob({ ...late, pow: exactBlobPow(late, BASE + 1) }, {}, t)).status).toBe(201);
    // Already stored: 200 whatever the effort, but never below the base.
    expect((await putBlob(small, {}, t)).status).toBe(200);
    expect(await powInvalidBits(await putBlob({ ...small, pow: exactBlobPow(small, BASE - 1) }, {}, t))).toBe(BASE + 1);
    // 4195416 bytes: five units, past the target at once.
    expect((await putBlob(blobAt(4195416, BASE + 1), {}, t)).status).toBe(201);
    expect(await effort(t)).toBe(BASE + 2);
  });

  it('shares the effort with reports, and never answers 429', async () => {
    const t = town(2);
    await store(t, 2, BASE);
    expect(await effort(t)).toBe(BASE + 1);
    for (let i = 0; i < 8; i++) {
      const e = await effort(t);
      expect((await putBlob(blobAt(65577, e), {}, t)).status).toBe(201);
    }
    expect(await effort(t)).toBe(CEILING);
  });
});
