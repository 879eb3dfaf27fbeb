/**
 * Test-side tools inside workerd: requests to the Worker, reports with a solved proof of
 * work, and officer signatures made with WebCrypto's Ed25519 (libsodium cannot run here;
 * Ed25519 is deterministic, so a WebCrypto signature equals libsodium's, which
 * `vectors.test.ts` checks against `crypto/fixtures/vectors.json`).
 */
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import vectors from '../../crypto/fixtures/vectors.json' with { type: 'json' };
import { ErrorBody } from '../../schemas/errors.ts';
import { fromB64, toB64 } from '../../schemas/encoding.ts';
import { BLOB_SIZES, SEALED_MESSAGE_SIZES, SEALED_REPORT_SIZES } from '../../schemas/limits.ts';
import * as v from 'valibot';
import worker from '../src/index.ts';
import type { Env } from '../src/env.ts';
import { H } from '../src/verify/hash.ts';
import { leadingZeroBits, powHashOfDigest } from '../src/verify/pow.ts';
import { officerIdOf, signingInput } from '../src/verify/signature.ts';
import { TEST_API_ORIGIN, TEST_POW_BITS } from './deployment.ts';

export { vectors };

/** Sends a request to the Worker's `fetch`, optionally with other bindings. */
export async function call(path: string, init: RequestInit = {}, bindings: Partial<Env> = {}): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await worker.fetch(new Request(TEST_API_ORIGIN + path, init), { ...env, ...bindings }, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

/** Asserts-free reader of an error answer: `{status, code}` after checking the body shape. */
export async function errorOf(res: Response): Promise<{ status: number; code: string; text: string }> {
  const text = await res.text();
  const body = v.parse(ErrorBody, JSON.parse(text));
  return { status: res.status, code: body.error.code, text };
}

export function randomBytes(n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i += 65536) crypto.getRandomValues(out.subarray(i, Math.min(n, i + 65536)));
  return out;
}

/** A stand-in for a sealed box: the Worker only ever sees opaque bytes of a valid length. */
export function fakeSealed(size: number = SEALED_REPORT_SIZES[0]!): Uint8Array {
  return randomBytes(size);
}

/** Finds 8 bytes of proof of work (PROTOCOL §3) by counting up. */
export function solvePow(id: Uint8Array, sealed: Uint8Array, bits: number = TEST_POW_BITS): Uint8Array {
  return searchPow(id, sealed, (zeros) => zeros >= bits);
}

/** A proof that fails at `bits` (and so at any higher difficulty). */
export function weakPow(id: Uint8Array, sealed: Uint8Array, bits: number = TEST_POW_BITS): Uint8Array {
  return searchPow(id, sealed, (zeros) => zeros < bits);
}

/** A proof with exactly `bits` leading zero bits: enough at `bits`, too weak at `bits + 1`. */
export function exactPow(id: Uint8Array, sealed: Uint8Array, bits: number): Uint8Array {
  return searchPow(id, sealed, (zeros) => zeros === bits);
}

function searchPow(id: Uint8Array, sealed: Uint8Array, wanted: (zeros: number) => boolean): Uint8Array {
  return searchPowOfDigest(id, H(32, sealed), wanted);
}

function searchPowOfDigest(id: Uint8Array, digest: Uint8Array, wanted: (zeros: number) => boolean): Uint8Array {
  const pow = new Uint8Array(8);
  const view = new DataView(pow.buffer);
  for (let i = 0; ; i++) {
    view.setUint32(4, i);
    if (wanted(leadingZeroBits(powHashOfDigest(id, digest, pow)))) return pow;
  }
}

export interface TestReport {
  id: string;
  sealed: string;
  body: Record<string, unknown>;
}

/** A valid submission body (PROTOCOL §3) with fresh id and sealed bytes. */
export function newReport(o: { size?: number; extra?: Record<string, unknown>; kid?: string; bits?: number } = {}): TestReport {
  const id = randomBytes(16);
  const sealed = fakeSealed(o.size);
  const pow = solvePow(id, sealed, o.bits);
  const body = { v: 1, id: toB64(id), kid: o.kid ?? vectors.police.kid, sealed: toB64(sealed), pow: toB64(pow), ...o.extra };
  return { id: body.id, sealed: body.sealed, body };
}

export const JSON_HEADERS = { 'Content-Type': 'application/json' };

export function submit(body: unknown, headers: Record<string, string> = JSON_HEADERS, bindings: Partial<Env> = {}): Promise<Response> {
  return call('/api/v1/reports', { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) }, bindings);
}

const PKCS8_ED25519_PREFIX = new Uint8Array([0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20]);

/** An officer key usable for signing inside workerd. */
export interface TestOfficer {
  officerId: string;
  publicKey: string;
  key: CryptoKey;
}

/** Imports a libsodium 64-byte secret key (seed ‖ public key) for WebCrypto signing. */
export async function officerFromSecret(secretKeyB64: string): Promise<TestOfficer> {
  const sk = fromB64(secretKeyB64);
  const pkcs8 = new Uint8Array(PKCS8_ED25519_PREFIX.length + 32);
  pkcs8.set(PKCS8_ED25519_PREFIX);
  pkcs8.set(sk.subarray(0, 32), PKCS8_ED25519_PREFIX.length);
  const key = await crypto.subtle.importKey('pkcs8', pkcs8, { name: 'Ed25519' }, false, ['sign']);
  const publicKey = sk.subarray(32);
  return { officerId: officerIdOf(publicKey), publicKey: toB64(publicKey), key };
}

/** A fresh officer key pair. */
export async function newOfficerKey(): Promise<TestOfficer> {
  const kp = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const raw = new Uint8Array((await crypto.subtle.exportKey('raw', kp.publicKey)) as ArrayBuffer);
  return { officerId: officerIdOf(raw), publicKey: toB64(raw), key: kp.privateKey };
}

/** The bootstrap admin of the test town (`BOOTSTRAP_ADMIN_PUBLIC_KEY` = vectors' officer). */
export function bootstrapAdmin(): Promise<TestOfficer> {
  return officerFromSecret(vectors.officer.secretKey);
}

export interface SignOptions {
  ts?: number | string;
  nonce?: string;
  /** Sign these bytes instead of the body actually sent. */
  signedBody?: string;
  /** Sign this target instead of the one actually requested. */
  signedTarget?: string;
  signedMethod?: string;
}

export async function signature(officer: TestOfficer, method: string, target: string, body: string, o: SignOptions = {}): Promise<string> {
  const ts = String(o.ts ?? Math.floor(Date.now() / 1000));
  const nonce = o.nonce ?? toB64(randomBytes(16));
  const input = signingInput(o.signedMethod ?? method, o.signedTarget ?? target, ts, nonce, new TextEncoder().encode(o.signedBody ?? body));
  const sig = new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, officer.key, new Uint8Array(input)));
  return `Signature officer="${officer.officerId}", ts="${ts}", nonce="${nonce}", sig="${toB64(sig)}"`;
}

/** A request signed by `officer`; a JSON body gets `Content-Type: application/json`. */
export async function officerCall(
  officer: TestOfficer,
  method: string,
  target: string,
  body?: unknown,
  o: SignOptions & { headers?: Record<string, string>; bindings?: Partial<Env> } = {},
): Promise<Response> {
  const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
  const headers: Record<string, string> = { Authorization: await signature(officer, method, target, text, o) };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  return call(target, { method, headers: { ...headers, ...o.headers }, body: body === undefined ? undefined : text }, o.bindings);
}

/** Enrols `officer` with `role` through the bootstrap admin. */
export async function enrol(officer: TestOfficer, role: 'officer' | 'admin'): Promise<void> {
  const res = await officerCall(await bootstrapAdmin(), 'POST', '/api/v1/officers', { publicKey: officer.publicKey, role });
  if (res.status !== 201) throw new Error(`enrol failed: ${res.status}`);
}

/** Stores `n` reports; returns their ids in submission order. */
export async function storeReports(n: number, size?: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = newReport({ size });
    const res = await submit(r.body);
    if (res.status !== 201) throw new Error(`submit failed: ${res.status}`);
    ids.push(r.id);
  }
  return ids;
}

/** A stored report with a mailbox: its id and the reporter's `Authorization` value. */
export interface TestMailbox {
  id: string;
  /** b64 of the 32-byte mailbox secret. */
  secret: string;
  /** `Mailbox <secret>`. */
  authorization: string;
  /** b64 H(32, secret): what the report carries and the Worker stores. */
  hash: string;
}

/** Submits a report with a fresh mailbox (PROTOCOL §3 `mailbox`, §4). */
export async function newMailbox(): Promise<TestMailbox> {
  const secret = randomBytes(32);
  const hash = toB64(H(32, secret));
  const r = newReport({ extra: { mailbox: hash } });
  const res = await submit(r.body);
  if (res.status !== 201) throw new Error(`submit failed: ${res.status}`);
  return { id: r.id, secret: toB64(secret), authorization: `Mailbox ${toB64(secret)}`, hash };
}

/** A message body `{kid, sealed}` with opaque bytes of a valid length (PROTOCOL §4). */
export function newMessage(size: number = SEALED_MESSAGE_SIZES[0]!, kid: string = vectors.police.kid): { kid: string; sealed: string } {
  return { kid, sealed: toB64(randomBytes(size)) };
}

/** A reporter request to `/api/v1/mailbox/{id}…` with an optional `Authorization` value. */
export function mailboxCall(id: string, authorization: string | undefined, init: Omit<RequestInit, 'body'> & { query?: string; body?: unknown } = {}, bindings: Partial<Env> = {}): Promise<Response> {
  const headers: Record<string, string> = { ...(init.headers as Record<string, string> | undefined) };
  if (authorization !== undefined) headers.Authorization = authorization;
  let body: string | undefined;
  if (init.body !== undefined) {
    body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
    headers['Content-Type'] ??= 'application/json';
  }
  return call(`/api/v1/mailbox/${id}${init.query ?? ''}`, { method: init.method ?? (body === undefined ? 'GET' : 'POST'), headers, body }, bindings);
}

/** A case-file event body `{kid, sealed}` with opaque bytes of a report size (PROTOCOL §5). */
export function newEvent(size: number = SEALED_REPORT_SIZES[0]!, kid: string = vectors.police.kid): { kid: string; sealed: string } {
  return { kid, sealed: toB64(randomBytes(size)) };
}

/** An attachment blob as a client uploads it (PROTOCOL §6): bytes, id and proof of work. */
export interface TestBlob {
  /** `b64(H(32, bytes))`. */
  id: string;
  bytes: Uint8Array;
  /** b64 of 8 bytes for the `X-Pow` header. */
  pow: string;
}

/** Opaque bytes of a blob size (`BLOB_SIZES`), their id and a solved proof of work. */
export function newBlob(size: number = BLOB_SIZES[0]!, bits: number = TEST_POW_BITS): TestBlob {
  const bytes = randomBytes(size);
  // The id is the hash the proof covers: hash once (16 MiB takes seconds in the test pool).
  const id = H(32, bytes);
  return { id: toB64(id), bytes, pow: toB64(searchPowOfDigest(id, id, (zeros) => zeros >= bits)) };
}

/** `b`'s `X-Pow` with exactly `bits` leading zero bits (the id is the hash the proof covers). */
export function exactBlobPow(b: TestBlob, bits: number): string {
  const id = fromB64(b.id);
  return toB64(searchPowOfDigest(id, id, (zeros) => zeros === bits));
}

/** `PUT /api/v1/blobs/{id}` with the blob media type and `X-Pow`; `headers` override them. */
export function putBlob(b: { id: string; bytes: Uint8Array | ReadableStream | string; pow?: string }, headers: Record<string, string> = {}, bindings: Partial<Env> = {}): Promise<Response> {
  const h: Record<string, string> = { 'Content-Type': 'application/octet-stream', ...(b.pow === undefined ? {} : { 'X-Pow': b.pow }), ...headers };
  return call(`/api/v1/blobs/${b.id}`, { method: 'PUT', headers: h, body: b.bytes as BodyInit }, bindings);
}
