/**
 * Officer request signatures (PROTOCOL §5):
 * `sig = Ed25519(utf8("stopdeal-sig-v1\n" + METHOD + "\n" + target + "\n" + ts + "\n" + nonce + "\n") ‖ utf8(b64(H(32, body))))`.
 */
import type { OfficerKeyEntry } from '../schemas/keyring.ts';
import { b64, concat, H, unb64, utf8 } from './bytes.ts';
import { sodium } from './sodium.ts';

export interface SignRequestInput {
  method: string;
  /** Path plus `?query` exactly as sent (`url.pathname + url.search`). */
  target: string;
  /** The exact body bytes; an empty body hashes as zero bytes. */
  body?: Uint8Array | string;
  officer: Pick<OfficerKeyEntry, 'officerId' | 'secretKey'>;
  /** Unix seconds; defaults to now. */
  ts?: number;
  /** b64 of 16 bytes; defaults to fresh random bytes. */
  nonce?: string;
}

/** The bytes an officer signs for one request. */
export async function signingInput(method: string, target: string, ts: string, nonce: string, body: Uint8Array): Promise<Uint8Array> {
  const s = await sodium();
  return concat(utf8(`stopdeal-sig-v1\n${method.toUpperCase()}\n${target}\n${ts}\n${nonce}\n`), utf8(b64(s, H(s, 32, body))));
}

/**
 * Returns the `Authorization` header value for one request.
 *
 * @example
 * headers.Authorization = await signRequest({ method: 'GET', target: '/api/v1/reports?after=0', officer })
 */
export async function signRequest(input: SignRequestInput): Promise<string> {
  const s = await sodium();
  const ts = String(input.ts ?? Math.floor(Date.now() / 1000));
  const nonce = input.nonce ?? b64(s, s.randombytes_buf(16));
  const body = typeof input.body === 'string' ? utf8(input.body) : (input.body ?? new Uint8Array(0));
  const sk = unb64(s, input.officer.secretKey);
  const sig = s.crypto_sign_detached(await signingInput(input.method, input.target, ts, nonce, body), sk);
  s.memzero(sk);
  return `Signature officer="${input.officer.officerId}", ts="${ts}", nonce="${nonce}", sig="${b64(s, sig)}"`;
}
