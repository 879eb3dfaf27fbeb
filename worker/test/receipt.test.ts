/**
 * Proof of submission (issue 3, docs/follow-up.md): the `201`/`200` answers carry `receipt`,
 * the Worker's Ed25519 signature over `"stopdeal-receipt-v1\n" + id + "\n" + receivedAt +
 * "\n" + b64(H(32, sealed))`, equal to libsodium's known answer; the public key is published
 * at `/api/v1/receipt-key` and in `/meta`; no valid key means no receipt, never a wrong one.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as v from 'valibot';
import { Deployment } from '../../schemas/deployment.ts';
import { fromB64, toB64 } from '../../schemas/encoding.ts';
import { ReceiptKeyAnswer, submissionReceiptText, SubmitReportReceiptAnswer } from '../../schemas/receipt-api.ts';
import { H } from '../src/verify/hash.ts';
import { receiptSignerOf } from '../src/receipt/signer.ts';
import { testDeployment } from './deployment.ts';
import { call, errorOf, JSON_HEADERS, newReport, randomBytes, solvePow, submit, vectors } from './helpers.ts';
import type { Env } from '../src/env.ts';

afterEach(() => {
  vi.useRealTimers();
});

/** Verifies a receipt as any outsider would: Ed25519 over the exact bytes. */
async function verifies(receipt: string, id: string, receivedAt: string, sealed: Uint8Array, publicKey: string): Promise<boolean> {
  const key = await crypto.subtle.importKey('raw', new Uint8Array(fromB64(publicKey)), { name: 'Ed25519' }, false, ['verify']);
  const text = new TextEncoder().encode(submissionReceiptText(id, receivedAt, toB64(H(32, sealed))));
  return crypto.subtle.verify({ name: 'Ed25519' }, key, new Uint8Array(fromB64(receipt)), text);
}

async function submitted(body: Record<string, unknown>, bindings: Partial<Env> = {}): Promise<{ status: number; answer: SubmitReportReceiptAnswer; raw: Record<string, unknown> }> {
  const res = await submit(body, JSON_HEADERS, bindings);
  const raw = (await res.json()) as Record<string, unknown>;
  return { status: res.status, answer: v.parse(SubmitReportReceiptAnswer, raw), raw };
}

describe('known answer (libsodium, crypto/fixtures/vectors.json)', () => {
  const r = vectors.report;
  const expected = vectors.submissionReceipt;

  it('signs the vector report exactly as libsodium did, and a retry gets the same receipt', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.parse(expected.receivedAt) + 17 * 60_000);
    const body = { v: 1, id: r.id, kid: r.kid, sealed: r.sealed, pow: toB64(solvePow(fromB64(r.id), fromB64(r.sealed))) };
    const first = await submitted(body);
    expect(first.status).toBe(201);
    expect(first.raw).toEqual({ id: expected.id, receivedAt: expected.receivedAt, receipt: expected.signature });
    // An hour later, the idempotent retry answers the stored hour and the identical receipt.
    vi.setSystemTime(Date.parse(expected.receivedAt) + 90 * 60_000);
    const retry = await submitted({ ...body, mailbox: toB64(randomBytes(32)) });
    expect(retry.status).toBe(200);
    expect(retry.raw).toEqual(first.raw);
  });

  it('the signer alone reproduces it', async () => {
    const signer = await receiptSignerOf({ RECEIPT_SIGNING_KEY: vectors.receiptKey.secretKey }, { receiptPublicKey: vectors.receiptKey.publicKey });
    expect(signer?.publicKey).toBe(vectors.receiptKey.publicKey);
    expect(await signer!.sign(expected.id, expected.receivedAt, fromB64(r.sealed))).toBe(expected.signature);
    expect(await verifies(expected.signature, expected.id, expected.receivedAt, fromB64(r.sealed), vectors.receiptKey.publicKey)).toBe(true);
  });
});

describe('receipts on submission', () => {
  it('verify with the published key over id, receivedAt and H(32, sealed), and fail for anything else', async () => {
    const rep = newReport({ size: 4144 });
    const { status, answer } = await submitted(rep.body);
    expect(status).toBe(201);
    const key = v.parse(ReceiptKeyAnswer, await (await call('/api/v1/receipt-key')).json()).publicKey;
    const sealed = fromB64(rep.sealed);
    expect(await verifies(answer.receipt!, rep.id, answer.receivedAt, sealed, key)).toBe(true);
    const other = new Uint8Array(sealed);
    other[0]! ^= 1;
    expect(await verifies(answer.receipt!, rep.id, answer.receivedAt, other, key)).toBe(false);
    expect(await verifies(answer.receipt!, rep.id, '2020-01-01T00:00:00Z', sealed, key)).toBe(false);
    expect(await verifies(answer.receipt!, toB64(randomBytes(16)), answer.receivedAt, sealed, key)).toBe(false);
  });

  it('are given on no error answer', async () => {
    const rep = newReport();
    expect((await submit(rep.body)).status).toBe(201);
    const conflict = await submit({ ...newReport().body, id: rep.id });
    expect(await conflict.text()).not.toContain('receipt');
  });
});

describe('the receipt key', () => {
  it('is published at /api/v1/receipt-key and in /meta', async () => {
    const res = await call('/api/v1/receipt-key');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ publicKey: vectors.receiptKey.publicKey });
    const meta = (await (await call('/api/v1/meta')).json()) as Record<string, unknown>;
    expect(meta.receiptPublicKey).toBe(vectors.receiptKey.publicKey);
    const post = await call('/api/v1/receipt-key', { method: 'POST' });
    expect(post.headers.get('Allow')).toBe('GET, HEAD');
    expect((await errorOf(post)).code).toBe('method_not_allowed');
  });

  it('signs without a pinned key when the deployment names none', async () => {
    const d = testDeployment();
    delete d.receiptPublicKey;
    const bindings = { DEPLOYMENT: JSON.stringify(v.parse(Deployment, d)) };
    const { answer } = await submitted(newReport().body, bindings);
    expect(answer.receipt).toMatch(/^[\w-]{86}$/);
    expect(await (await call('/api/v1/receipt-key', {}, bindings)).json()).toEqual({ publicKey: vectors.receiptKey.publicKey });
  });

  const otherSeed = toB64(randomBytes(32));
  const cases: Array<[string, Partial<Env>]> = [
    ['absent', { RECEIPT_SIGNING_KEY: undefined }],
    ['empty', { RECEIPT_SIGNING_KEY: '' }],
    ['not b64', { RECEIPT_SIGNING_KEY: 'not a key!' }],
    ['32 bytes only (a seed without its public half)', { RECEIPT_SIGNING_KEY: vectors.receiptKey.secretKey.slice(0, 43) }],
    ['a public half that is not the seed’s', { RECEIPT_SIGNING_KEY: toB64(new Uint8Array([...fromB64(otherSeed), ...fromB64(vectors.receiptKey.publicKey)])) }],
    ['another key than the deployment pins', { DEPLOYMENT: JSON.stringify(testDeployment({ receiptPublicKey: toB64(randomBytes(32)) })) }],
  ];

  it.each(cases)('is %s: no receipt, no published key, submissions still work', async (_, bindings) => {
    const rep = newReport();
    const { status, raw } = await submitted(rep.body, bindings);
    expect(status).toBe(201);
    expect(Object.keys(raw).sort()).toEqual(['id', 'receivedAt']);
    expect((await submitted(rep.body, bindings)).raw).toEqual(raw);
    const key = await call('/api/v1/receipt-key', {}, bindings);
    expect((await errorOf(key)).code).toBe('not_found');
    const meta = (await (await call('/api/v1/meta', {}, bindings)).json()) as Record<string, unknown>;
    expect(Object.keys(meta).sort()).toEqual(['kids', 'maxSealedBytes', 'powBase', 'powBits', 'powCeiling', 'v']);
  });
});
