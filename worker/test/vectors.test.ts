/**
 * The Worker's verification side (BLAKE2b, proof of work, Ed25519) inside workerd, against
 * the known answers libsodium computed (`crypto/fixtures/vectors.json`).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fromB64, toB64 } from '../../schemas/encoding.ts';
import { H } from '../src/verify/hash.ts';
import { leadingZeroBits, powHash, powSatisfies } from '../src/verify/pow.ts';
import { officerIdOf, parseSignatureHeader, signingInput, verifyEd25519 } from '../src/verify/signature.ts';
import { call, officerFromSecret, vectors } from './helpers.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('BLAKE2b (H) matches libsodium', () => {
  it.each(vectors.blake2b)('H($n, …) vector %#', (c) => {
    const msg = c.msg === '' ? new Uint8Array(0) : fromB64(c.msg);
    expect(toB64(H(c.n, msg, c.key ? fromB64(c.key) : undefined))).toBe(c.out);
  });
  it('derives kid and officerId as libsodium does', () => {
    expect(toB64(H(16, fromB64(vectors.police.publicKey)))).toBe(vectors.police.kid);
    expect(officerIdOf(fromB64(vectors.officer.publicKey))).toBe(vectors.officer.officerId);
  });
});

describe('proof of work matches libsodium', () => {
  it.each(vectors.pow)('counts $zeroBits zero bits for pow $pow', (c) => {
    const id = fromB64(c.id);
    const sealed = fromB64(c.sealed);
    expect(toB64(H(32, sealed))).toBe(c.sealedHash);
    const bits = leadingZeroBits(powHash(id, sealed, fromB64(c.pow)));
    expect(bits).toBe(c.zeroBits);
    expect(powSatisfies(id, sealed, fromB64(c.pow), c.zeroBits)).toBe(true);
    expect(powSatisfies(id, sealed, fromB64(c.pow), c.zeroBits + 1)).toBe(false);
  });
  it('reads bits most significant first', () => {
    expect(leadingZeroBits(new Uint8Array([0x80]))).toBe(0);
    expect(leadingZeroBits(new Uint8Array([0x01]))).toBe(7);
    expect(leadingZeroBits(new Uint8Array([0x00, 0x40]))).toBe(9);
    expect(leadingZeroBits(new Uint8Array([0, 0]))).toBe(16);
  });
});

describe('officer signatures match libsodium', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it.each(vectors.signatures)('verifies the libsodium signature of $method $target', async (c) => {
    const h = parseSignatureHeader(c.authorization);
    expect(h).toBeDefined();
    expect(h!.officer).toBe(vectors.officer.officerId);
    const input = signingInput(c.method, c.target, h!.ts, h!.nonce, utf8(c.body));
    expect(await verifyEd25519(fromB64(vectors.officer.publicKey), h!.sig, input)).toBe(true);
    // Any change to the signed bytes breaks it.
    const other = signingInput(c.method, c.target + 'x', h!.ts, h!.nonce, utf8(c.body));
    expect(await verifyEd25519(fromB64(vectors.officer.publicKey), h!.sig, other)).toBe(false);
  });

  it.each(vectors.signatures)('signs $method $target with WebCrypto exactly as libsodium did', async (c) => {
    const officer = await officerFromSecret(vectors.officer.secretKey);
    const h = parseSignatureHeader(c.authorization)!;
    const sig = new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, officer.key, new Uint8Array(signingInput(c.method, c.target, h.ts, h.nonce, utf8(c.body)))));
    expect(toB64(sig)).toBe(toB64(h.sig));
  });

  it('accepts the libsodium-signed requests end to end at their time', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const [list, enrol] = vectors.signatures;
    vi.setSystemTime(list!.ts * 1000 + 1000);
    const res = await call(list!.target, { method: list!.method, headers: { Authorization: list!.authorization } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ reports: [], next: null });
    vi.setSystemTime(enrol!.ts * 1000);
    const res2 = await call(enrol!.target, { method: enrol!.method, headers: { Authorization: enrol!.authorization, 'Content-Type': 'application/json' }, body: enrol!.body });
    expect(res2.status).toBe(201);
    // Replaying the libsodium request is refused.
    const res3 = await call(enrol!.target, { method: enrol!.method, headers: { Authorization: enrol!.authorization, 'Content-Type': 'application/json' }, body: enrol!.body });
    expect(res3.status).toBe(401);
  });
});
