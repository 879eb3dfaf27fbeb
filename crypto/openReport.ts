/**
 * Open a sealed report in the viewer or CLI (PROTOCOL §2). Report content is hostile
 * until proven otherwise: anyone with the public key can seal one. Every failure is a
 * typed error, and an inner/outer id mismatch is reported, not hidden.
 */
import * as v from 'valibot';
import { ReportPlaintext } from '../schemas/report.ts';
import { SEALED_REPORT_SIZES } from '../schemas/limits.ts';
import type { PoliceKeyPairEntry } from '../schemas/keyring.ts';
import { fromUtf8, unb64 } from './bytes.ts';
import { IntegrityError, InvalidContentError, UnknownKeyError } from './errors.ts';
import { unpad } from './padding.ts';
import { sodium } from './sodium.ts';

export interface OpenedReport {
  report: ReportPlaintext;
  /** True when the sealed `id` differs from the outer one: flag it, never trust either. */
  idMismatch: boolean;
}

/**
 * Opens `{id, kid, sealed}` with whichever held police key matches `kid`.
 * @throws UnknownKeyError, IntegrityError, InvalidContentError
 */
export async function openReport(item: { id: string; kid: string; sealed: string | Uint8Array }, keys: readonly PoliceKeyPairEntry[]): Promise<OpenedReport> {
  const s = await sodium();
  const key = keys.find((k) => k.kid === item.kid);
  if (!key) throw new UnknownKeyError(item.kid);
  let sealed: Uint8Array;
  try {
    sealed = typeof item.sealed === 'string' ? unb64(s, item.sealed) : item.sealed;
  } catch {
    throw new IntegrityError('sealed is not base64url');
  }
  if (!SEALED_REPORT_SIZES.includes(sealed.length)) throw new IntegrityError('sealed length is not a bucket');
  const sk = unb64(s, key.secretKey);
  let padded: Uint8Array;
  try {
    padded = s.crypto_box_seal_open(sealed, unb64(s, key.publicKey), sk);
  } catch {
    throw new IntegrityError('report does not open with this key');
  } finally {
    s.memzero(sk);
  }
  const m = unpad(s, padded);
  let json: unknown;
  try {
    json = JSON.parse(fromUtf8(m));
  } catch {
    throw new InvalidContentError('report is not UTF-8 JSON');
  }
  const parsed = v.safeParse(ReportPlaintext, json);
  if (!parsed.success) throw new InvalidContentError('report does not match the protocol');
  return { report: parsed.output, idMismatch: parsed.output.id !== item.id };
}
