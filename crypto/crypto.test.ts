import { describe, expect, it } from 'vitest';
import sodiumLib from 'libsodium-wrappers';
import vectors from './fixtures/vectors.json' with { type: 'json' };
import { fromB64, toB64 } from '../schemas/encoding.ts';
import { OfficerKeyEntry, PoliceKeyPairEntry } from '../schemas/keyring.ts';
import { SEALED_REPORT_SIZES } from '../schemas/limits.ts';
import * as v from 'valibot';
import {
  bucketFor, checkPow, deriveFromReceipt, encodeReceiptCode, generatePoliceKey, IntegrityError, InvalidContentError,
  kidOf, openReport, parseReceiptCode, ReceiptCodeError, sealReport, signRequest, solvePow, TooLargeError, UnknownKeyError,
  generateReceiptKey, verifySubmissionReceipt,
} from './index.ts';

// The committed keys, parsed into their roles as a keyring unlock would.
const vectorPolice = v.parse(PoliceKeyPairEntry, vectors.police);
const vectorOfficer = v.parse(OfficerKeyEntry, vectors.officer);

const report = (id: string, extra: Record<string, unknown> = {}) => ({
  v: 1 as const, id, form: 'stop-deal', formVersion: 1, createdAt: '2026-11-23T21:40:00Z',
  answers: { district: 'centre', place: 'CANARY-place' }, contact: null, replyTo: null, attachments: [], ...extra,
});

describe('known answers (computed by libsodium, committed as data)', () => {
  it('opens the committed sealed report with the committed police key', async () => {
    const { report: r, idMismatch } = await openReport(vectors.report, [vectorPolice]);
    expect(idMismatch).toBe(false);
    expect(r).toEqual(vectors.report.plaintext);
  });
  it('derives kid, receipt codes, report ids and mailbox secrets', async () => {
    expect(await kidOf(vectorPolice.publicKey)).toBe(vectors.police.kid);
    for (const c of vectors.receipts) {
      expect(encodeReceiptCode(fromB64(c.secret))).toBe(c.code);
      expect(toB64(parseReceiptCode(c.code))).toBe(c.secret);
      const d = await deriveFromReceipt(fromB64(c.secret));
      expect([d.id, toB64(d.mailboxSecret), d.mailboxHash, toB64(d.replyPublicKey)]).toEqual([c.id, c.mailboxSecret, c.mailboxHash, c.replyPublicKey]);
    }
  });
  it('reproduces the officer signatures', async () => {
    for (const c of vectors.signatures) {
      expect(await signRequest({ ...c, officer: vectorOfficer })).toBe(c.authorization);
    }
  });
  it('agrees with the committed proofs of work', async () => {
    for (const c of vectors.pow) {
      expect(await checkPow(c.id, fromB64(c.sealed), c.pow, c.zeroBits)).toBe(true);
      expect(await checkPow(c.id, fromB64(c.sealed), c.pow, c.zeroBits + 1)).toBe(false);
    }
  });
  it('uses the same base64url as libsodium, strict both ways', async () => {
    await sodiumLib.ready;
    for (let n = 0; n < 40; n++) {
      const bytes = sodiumLib.randombytes_buf(n);
      const text = sodiumLib.to_base64(bytes, sodiumLib.base64_variants.URLSAFE_NO_PADDING);
      expect(toB64(bytes)).toBe(text);
      expect(fromB64(text)).toEqual(bytes);
    }
    for (const bad of ['AB', 'AA==', 'A+8', 'A/8', 'A', 'AAA=', 'Ö']) {
      expect(() => fromB64(bad)).toThrow();
      expect(() => sodiumLib.from_base64(bad, sodiumLib.base64_variants.URLSAFE_NO_PADDING)).toThrow();
    }
  });
});

describe('sealReport / openReport', () => {
  it('round-trips and pads to a bucket', async () => {
    const police = await generatePoliceKey();
    const id = toB64(new Uint8Array(16).fill(7));
    const { sealed, kid } = await sealReport(report(id), police);
    expect(kid).toBe(police.kid);
    expect(sealed.length).toBe(1072);
    const opened = await openReport({ id, kid, sealed }, [police]);
    expect(opened.report.answers).toEqual({ district: 'centre', place: 'CANARY-place' });
    expect(new TextDecoder().decode(sealed)).not.toContain('CANARY');
  });
  it('picks the smallest bucket strictly larger than the plaintext', async () => {
    expect([0, 1023, 1024, 4095, 4096, 65535].map(bucketFor)).toEqual([1024, 1024, 4096, 4096, 16384, 65536]);
    expect(() => bucketFor(65536)).toThrow(TooLargeError);
    const police = await generatePoliceKey();
    const id = toB64(new Uint8Array(16));
    const big = await sealReport(report(id, { answers: { details: 'x'.repeat(20000) } }), police);
    expect(big.sealed.length).toBe(65584);
    expect(SEALED_REPORT_SIZES).toContain(big.sealed.length);
    await expect(sealReport(report(id, { answers: { details: 'x'.repeat(70000) } }), police)).rejects.toThrow(TooLargeError);
  });
  it('refuses the wrong key, an unknown kid, truncation and bit flips', async () => {
    const police = await generatePoliceKey();
    const other = await generatePoliceKey();
    const id = toB64(new Uint8Array(16));
    const { sealed } = await sealReport(report(id), police);
    await expect(openReport({ id, kid: police.kid, sealed }, [{ ...other, kid: police.kid }])).rejects.toThrow(IntegrityError);
    await expect(openReport({ id, kid: police.kid, sealed }, [other])).rejects.toThrow(UnknownKeyError);
    await expect(openReport({ id, kid: police.kid, sealed: sealed.slice(0, 1071) }, [police])).rejects.toThrow(IntegrityError);
    const flipped = sealed.slice();
    flipped[500] = flipped[500]! ^ 1;
    await expect(openReport({ id, kid: police.kid, sealed: flipped }, [police])).rejects.toThrow(IntegrityError);
  });
  it('flags an inner id that differs from the outer id', async () => {
    const police = await generatePoliceKey();
    const { sealed } = await sealReport(report(toB64(new Uint8Array(16))), police);
    const r = await openReport({ id: toB64(new Uint8Array(16).fill(1)), kid: police.kid, sealed }, [police]);
    expect(r.idMismatch).toBe(true);
  });
  it('reports sealed garbage that opens but is not a report as invalid content', async () => {
    await sodiumLib.ready;
    const police = await generatePoliceKey();
    const p = sodiumLib.pad(new TextEncoder().encode('{"v":2}'), 1024);
    const sealed = sodiumLib.crypto_box_seal(p, fromB64(police.publicKey));
    await expect(openReport({ id: 'x', kid: police.kid, sealed }, [police])).rejects.toThrow(InvalidContentError);
  });
});

describe('receipt codes', () => {
  it('forgives case, spaces, dashes, O/0 and I/L/1', () => {
    const code = vectors.receipts[2]!.code;
    const sloppy = code.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l');
    expect(toB64(parseReceiptCode(sloppy))).toBe(vectors.receipts[2]!.secret);
  });
  it('refuses a wrong length, a bad character or a first digit above 7', () => {
    expect(() => parseReceiptCode('0000-0000')).toThrow(ReceiptCodeError);
    expect(() => parseReceiptCode('0000-0000-0000-0000-0000-0000-0U')).toThrow(ReceiptCodeError);
    expect(() => parseReceiptCode('8000-0000-0000-0000-0000-0000-00')).toThrow(ReceiptCodeError);
  });
  it('groups 26 digits in fours with a last group of two', () => {
    expect(encodeReceiptCode(new Uint8Array(16).fill(0xab))).toMatch(/^[0-7][0-9A-Z]{3}(-[0-9A-Z]{4}){5}-[0-9A-Z]{2}$/);
  });
});

describe('proof of work', () => {
  it('finds a proof that checks, and it fails a harder target most of the time', async () => {
    const id = toB64(new Uint8Array(16).fill(3));
    const sealed = new Uint8Array(1072).fill(9);
    const pow = await solvePow(id, sealed, 10);
    expect(await checkPow(id, sealed, pow, 10)).toBe(true);
    expect(await checkPow(toB64(new Uint8Array(16).fill(4)), sealed, pow, 10)).toBe(false);
  });
  it('can be abandoned', async () => {
    const ac = new AbortController();
    ac.abort();
    await expect(solvePow(toB64(new Uint8Array(16)), new Uint8Array(1072), 30, ac.signal)).rejects.toThrow();
  });
  it('reports its progress a few times a second, and stops when abandoned from there (issue 7)', async () => {
    const ac = new AbortController();
    const seen: Array<{ attempts: number; hashesPerSecond: number; at: number }> = [];
    const search = solvePow(toB64(new Uint8Array(16)), new Uint8Array(1072), 32, ac.signal, (p) => {
      seen.push({ ...p, at: Date.now() });
      if (seen.length === 3) ac.abort();
    });
    await expect(search).rejects.toThrow();
    expect(seen).toHaveLength(3);
    for (let i = 1; i < seen.length; i++) {
      expect(seen[i]!.attempts).toBeGreaterThan(seen[i - 1]!.attempts);
      expect(seen[i]!.at - seen[i - 1]!.at).toBeGreaterThanOrEqual(240); // 250 ms inside, give or take a clock tick
    }
    expect(seen.every((p) => p.hashesPerSecond > 0 && p.attempts % 4096 === 0)).toBe(true);
  });
});

describe('submission receipts (issue 3)', () => {
  it('verifies the committed receipt and refuses any change', async () => {
    const { submissionReceipt: r, receiptKey, report: rep } = vectors;
    const sealed = fromB64(rep.sealed);
    expect(await verifySubmissionReceipt(r, sealed, receiptKey.publicKey)).toBe(true);
    expect(await verifySubmissionReceipt({ ...r, receivedAt: '2026-11-23T22:00:00Z' }, sealed, receiptKey.publicKey)).toBe(false);
    expect(await verifySubmissionReceipt({ ...r, id: vectors.receipts[0]!.id }, sealed, receiptKey.publicKey)).toBe(false);
    const flipped = sealed.slice();
    flipped[0] = flipped[0]! ^ 1;
    expect(await verifySubmissionReceipt(r, flipped, receiptKey.publicKey)).toBe(false);
    expect(await verifySubmissionReceipt({ ...r, signature: 'bad' }, sealed, receiptKey.publicKey)).toBe(false);
    const other = await generateReceiptKey();
    expect(await verifySubmissionReceipt(r, sealed, other.publicKey)).toBe(false);
  });
});
