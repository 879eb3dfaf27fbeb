/**
 * Seal a report on the device (PROTOCOL §2): JSON → UTF-8 → pad to a bucket →
 * `crypto_box_seal` with the pinned police public key.
 */
import * as v from 'valibot';
import type { Kid, PolicePublicKey } from '../schemas/keys.ts';
import { ReportPlaintext, type ReportPlaintextInput } from '../schemas/report.ts';
import { H, unb64, utf8 } from './bytes.ts';
import { pad } from './padding.ts';
import { sodium } from './sodium.ts';

export interface SealedReport {
  kid: Kid;
  sealed: Uint8Array;
}

/**
 * Seals a report plaintext to a police key. Throws {@link TooLargeError} at 65536 bytes
 * of JSON or more, before any sealing.
 *
 * @example
 * const { sealed } = await sealReport(plaintext, { kid, publicKey })
 */
export async function sealReport(plaintext: ReportPlaintextInput, police: { kid: Kid; publicKey: PolicePublicKey }): Promise<SealedReport> {
  const s = await sodium();
  const checked = v.parse(ReportPlaintext, plaintext);
  const m = utf8(JSON.stringify(checked));
  const p = pad(s, m);
  const sealed = s.crypto_box_seal(p, unb64(s, police.publicKey));
  s.memzero(p);
  s.memzero(m);
  return { kid: police.kid, sealed };
}

/** Size in bytes of a report's JSON, to refuse an oversized one before sealing. */
export function plaintextSize(plaintext: ReportPlaintextInput): number {
  return utf8(JSON.stringify(v.parse(ReportPlaintext, plaintext))).length;
}

/** `H(32, sealed)`, the digest proofs of work and receipts are made over. */
export async function sealedDigest(sealed: Uint8Array): Promise<Uint8Array> {
  const s = await sodium();
  return H(s, 32, sealed);
}
