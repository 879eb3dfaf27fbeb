/**
 * Officer request signatures (PROTOCOL §5), verification side, with WebCrypto's Ed25519
 * (present in workerd and in Node 20, so this module is tested against libsodium in Node).
 *
 * Header: `Signature officer="…", ts="…", nonce="…", sig="…"`: the four parameters in any
 * order, separated by `,` and optional spaces, values quoted. Anything else is refused.
 */
import { fromB64, toB64 } from '../../../schemas/encoding.ts';
import { H } from './hash.ts';

export interface SignatureHeader {
  officer: string;
  /** The header's literal `ts` string (decimal digits), as signed. */
  ts: string;
  nonce: string;
  sig: Uint8Array;
}

const PARAM = /^([a-z]+)="([^"\\]*)"$/i;
const DIGITS = /^\d{1,20}$/;
const NAMES = new Set(['officer', 'ts', 'nonce', 'sig']);

function b64Of(text: string, bytes: number): Uint8Array | undefined {
  try {
    const out = fromB64(text);
    return out.length === bytes ? out : undefined;
  } catch {
    return undefined;
  }
}

/** Parses an `Authorization` value; `undefined` on any deviation (the caller answers 401). */
export function parseSignatureHeader(value: string | null): SignatureHeader | undefined {
  if (value === null) return undefined;
  const m = /^Signature[ \t]+(.*)$/i.exec(value.trim());
  if (!m) return undefined;
  const params = new Map<string, string>();
  for (const part of m[1]!.split(',')) {
    const p = PARAM.exec(part.trim());
    // Parameter names are case-insensitive (RFC 9110 §11.2); values are taken literally.
    const name = p?.[1]!.toLowerCase();
    if (!p || !name || !NAMES.has(name) || params.has(name)) return undefined;
    params.set(name, p[2]!);
  }
  if (params.size !== NAMES.size) return undefined;
  const officer = params.get('officer')!;
  const ts = params.get('ts')!;
  const nonce = params.get('nonce')!;
  const sig = b64Of(params.get('sig')!, 64);
  if (!b64Of(officer, 16) || !DIGITS.test(ts) || !b64Of(nonce, 16) || !sig) return undefined;
  return { officer, ts, nonce, sig };
}

const encoder = new TextEncoder();

/**
 * The signed bytes: `utf8("stopdeal-sig-v1\n" + METHOD + "\n" + target + "\n" + ts + "\n" +
 * nonce + "\n") ‖ utf8(b64(H(32, body)))`.
 */
export function signingInput(method: string, target: string, ts: string, nonce: string, body: Uint8Array): Uint8Array {
  return encoder.encode(`stopdeal-sig-v1\n${method.toUpperCase()}\n${target}\n${ts}\n${nonce}\n${toB64(H(32, body))}`);
}

/** Verifies an Ed25519 signature with a raw 32-byte public key; never throws. */
export async function verifyEd25519(publicKey: Uint8Array, sig: Uint8Array, message: Uint8Array): Promise<boolean> {
  try {
    // Copies give WebCrypto plain ArrayBuffer-backed views, as its types ask.
    const key = await crypto.subtle.importKey('raw', new Uint8Array(publicKey), { name: 'Ed25519' }, false, ['verify']);
    return await crypto.subtle.verify({ name: 'Ed25519' }, key, new Uint8Array(sig), new Uint8Array(message));
  } catch {
    return false;
  }
}

/** `officerId = b64(H(16, publicKey))` (PROTOCOL §1). */
export function officerIdOf(publicKey: Uint8Array): string {
  return toB64(H(16, publicKey));
}
