/**
 * The Worker's verification module (BLAKE2b in WebAssembly, proof of work, Ed25519 via
 * WebCrypto) agrees with libsodium (crypto/) on random inputs. Runs in Node, where both exist.
 */
import { sodium as loadSodium } from '../../crypto/sodium.ts';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  checkPow, generateReceiptKey, sealBlob, signRequest, signingInput as sodiumSigningInput, signSubmissionReceipt, solveBlobPow, solvePow, generateOfficerKey,
  verifySubmissionReceipt,
} from '../../crypto/index.ts';
import { BLOB_SIZES } from '../../schemas/limits.ts';
import { blobDigest, blobPowSatisfies, idMatches } from '../src/verify/blob.ts';
import { fromB64, toB64 } from '../../schemas/encoding.ts';
import { H } from '../src/verify/hash.ts';
import { leadingZeroBits, powHash, powSatisfies } from '../src/verify/pow.ts';
import { officerIdOf, parseSignatureHeader, signingInput, verifyEd25519 } from '../src/verify/signature.ts';
import { receiptSignerOf } from '../src/receipt/signer.ts';

// `H` is the WebAssembly BLAKE2b, which the Worker imports as a compiled module
// (blake2b-module.ts); Node cannot import a `.wasm`, so it gets the same binary compiled here.
vi.mock('../src/verify/blake2b-module.ts', async () => {
  const [{ blake2bOf }, { blake2bWasmModule }] = await Promise.all([import('../src/verify/blake2b.ts'), import('../../scripts/gen-blake2b-wasm.ts')]);
  return { wasmH: blake2bOf(blake2bWasmModule()) };
});

let s: Awaited<ReturnType<typeof loadSodium>>;
beforeAll(async () => {
  s = await loadSodium();
});

const rand = (n: number) => s.randombytes_buf(n);
const randInt = (lo: number, hi: number) => lo + s.randombytes_uniform(hi - lo + 1);

describe('BLAKE2b', () => {
  it('matches crypto_generichash on 300 random messages, lengths and keys', () => {
    for (let i = 0; i < 300; i++) {
      const n = randInt(16, 64);
      const msg = rand(randInt(0, i % 50 === 0 ? 70_000 : 300));
      const key = i % 3 === 0 ? rand(randInt(16, 64)) : undefined;
      expect(toB64(H(n, msg, key))).toBe(toB64(s.crypto_generichash(n, msg, key ?? null)));
    }
  });
});

describe('proof of work', () => {
  it('counts leading zero bits as crypto/ does', () => {
    for (let i = 0; i < 200; i++) {
      const h = rand(32);
      h[0] = i % 2 ? 0 : h[0]!;
      h[1] = i % 4 === 0 ? 0 : h[1]!;
      let bits = 0;
      for (const byte of h) {
        if (byte === 0) bits += 8;
        else {
          bits += Math.clz32(byte) - 24;
          break;
        }
      }
      expect(leadingZeroBits(h)).toBe(bits);
    }
  });

  it('judges random proofs exactly as libsodium computes them', async () => {
    for (let i = 0; i < 100; i++) {
      const id = rand(16);
      const sealed = rand(randInt(1, 2000));
      const pow = rand(8);
      const expected = s.crypto_generichash(32, new Uint8Array([...s.from_string('stopdeal/pow/v1'), ...id, ...s.crypto_generichash(32, sealed, null), ...pow]), null);
      expect(toB64(powHash(id, sealed, pow))).toBe(toB64(expected));
      const bits = randInt(0, 3);
      expect(powSatisfies(id, sealed, pow, bits)).toBe(await checkPow(toB64(id), sealed, toB64(pow), bits));
    }
  });

  it('accepts what crypto/ solves', async () => {
    for (let i = 0; i < 5; i++) {
      const id = rand(16);
      const sealed = rand(1072);
      const pow = await solvePow(toB64(id), sealed, 10);
      expect(powSatisfies(id, sealed, fromB64(pow), 10)).toBe(true);
    }
  });
});

describe('blob uploads (PROTOCOL §6)', () => {
  it('accepts the id and proof crypto/ gives a sealed attachment, and nothing else', async () => {
    for (const size of [0, 1000, 65535, 65536, 300_000]) {
      const sealed = await sealBlob(rand(size));
      expect(BLOB_SIZES).toContain(sealed.blob.length);
      const digest = blobDigest(sealed.blob);
      const id = fromB64(sealed.id);
      expect(idMatches(id, digest)).toBe(true);
      const pow = fromB64(await solveBlobPow(sealed, 8));
      expect(blobPowSatisfies(id, digest, pow, 8)).toBe(true);
      const flipped = sealed.blob.slice();
      flipped[30]! ^= 1;
      expect(idMatches(id, blobDigest(flipped))).toBe(false);
      expect(idMatches(id.subarray(0, 16), digest)).toBe(false);
    }
  });

  it('judges random blob proofs exactly as crypto/ does (32-byte id, the blob as sealed bytes)', async () => {
    const sealed = await sealBlob(rand(100));
    const id = fromB64(sealed.id);
    const digest = blobDigest(sealed.blob);
    for (let i = 0; i < 100; i++) {
      const pow = rand(8);
      const bits = randInt(0, 3);
      expect(blobPowSatisfies(id, digest, pow, bits)).toBe(await checkPow(sealed.id, sealed.blob, toB64(pow), bits));
    }
  });
});

describe('officer signatures', () => {
  it('builds the same signing input as crypto/', async () => {
    for (let i = 0; i < 50; i++) {
      const body = rand(randInt(0, 500));
      const target = `/api/v1/reports/${toB64(rand(16))}?after=${i}&q=%2F${i}`;
      const nonce = toB64(rand(16));
      const ts = String(1_700_000_000 + i);
      expect(toB64(signingInput('post', target, ts, nonce, body))).toBe(toB64(await sodiumSigningInput('post', target, ts, nonce, body)));
    }
  });

  it('verifies libsodium signatures and refuses altered ones', async () => {
    for (let i = 0; i < 40; i++) {
      const officer = await generateOfficerKey();
      const method = ['GET', 'POST', 'PUT', 'DELETE'][i % 4]!;
      const target = `/api/v1/officers/${toB64(rand(16))}?x=${i}`;
      const body = i % 2 ? '' : JSON.stringify({ n: i, pad: toB64(rand(randInt(0, 300))) });
      const header = await signRequest({ method, target, body, officer });
      const h = parseSignatureHeader(header);
      expect(h).toBeDefined();
      expect(h!.officer).toBe(officer.officerId);
      expect(officerIdOf(fromB64(officer.publicKey))).toBe(officer.officerId);
      const pk = fromB64(officer.publicKey);
      const bytes = new TextEncoder().encode(body);
      expect(await verifyEd25519(pk, h!.sig, signingInput(method, target, h!.ts, h!.nonce, bytes))).toBe(true);
      const flipped = new Uint8Array(h!.sig);
      flipped[randInt(0, 63)]! ^= 1 << randInt(0, 7);
      expect(await verifyEd25519(pk, flipped, signingInput(method, target, h!.ts, h!.nonce, bytes))).toBe(false);
      expect(await verifyEd25519(pk, h!.sig, signingInput(method, target + 'x', h!.ts, h!.nonce, bytes))).toBe(false);
      expect(await verifyEd25519(pk, h!.sig, signingInput(method, target, h!.ts, h!.nonce, new TextEncoder().encode(body + ' ')))).toBe(false);
      expect(await verifyEd25519(fromB64((await generateOfficerKey()).publicKey), h!.sig, signingInput(method, target, h!.ts, h!.nonce, bytes))).toBe(false);
    }
  });

  it('never throws on garbage keys or signatures', async () => {
    expect(await verifyEd25519(new Uint8Array(5), new Uint8Array(64), new Uint8Array(1))).toBe(false);
    expect(await verifyEd25519(rand(32), new Uint8Array(3), new Uint8Array(1))).toBe(false);
  });
});

describe('submission receipts', () => {
  it('the Worker signs exactly as libsodium does, and libsodium verifies it', async () => {
    for (let i = 0; i < 20; i++) {
      const key = await generateReceiptKey();
      const signer = await receiptSignerOf({ RECEIPT_SIGNING_KEY: key.secretKey }, { receiptPublicKey: i % 2 ? key.publicKey : undefined });
      expect(signer?.publicKey).toBe(key.publicKey);
      const id = toB64(rand(16));
      const receivedAt = `2026-11-${String(10 + (i % 18)).padStart(2, '0')}T${String(i % 24).padStart(2, '0')}:00:00Z`;
      const sealed = rand([1072, 4144, 16432, 65584][i % 4]!);
      const signature = await signer!.sign(id, receivedAt, sealed);
      expect(signature).toBe(await signSubmissionReceipt(id, receivedAt, sealed, key.secretKey));
      expect(await verifySubmissionReceipt({ id, receivedAt, signature }, sealed, key.publicKey)).toBe(true);
      expect(await verifySubmissionReceipt({ id, receivedAt, signature }, sealed.subarray(1), key.publicKey)).toBe(false);
    }
  });

  it('refuses a key whose public half is not its seed’s, or that the deployment does not pin', async () => {
    const a = await generateReceiptKey();
    const b = await generateReceiptKey();
    const mixed = toB64(new Uint8Array([...fromB64(a.secretKey).subarray(0, 32), ...fromB64(b.publicKey)]));
    expect(await receiptSignerOf({ RECEIPT_SIGNING_KEY: mixed }, {})).toBeUndefined();
    expect(await receiptSignerOf({ RECEIPT_SIGNING_KEY: a.secretKey }, { receiptPublicKey: b.publicKey })).toBeUndefined();
    expect((await receiptSignerOf({ RECEIPT_SIGNING_KEY: a.secretKey }, { receiptPublicKey: a.publicKey }))?.publicKey).toBe(a.publicKey);
  });
});
