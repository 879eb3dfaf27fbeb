/**
 * Sealed, signed case-file events (PROTOCOL §5, schemas/caseFile.ts): the officer signs the
 * event body, then the envelope is padded like a report and sealed to the police key, so the
 * Worker sees only that an event exists and every officer can prove who did what.
 */
import * as v from 'valibot';
import { CaseEventBody, CaseEventEnvelope, type CaseEventBodyInput } from '../schemas/caseFile.ts';
import { SEALED_REPORT_SIZES } from '../schemas/limits.ts';
import type { OfficerKeyEntry, PoliceKeyPairEntry } from '../schemas/keyring.ts';
import type { Kid, OfficerId, OfficerPublicKey, PolicePublicKey } from '../schemas/keys.ts';
import { b64, fromUtf8, H, unb64, utf8 } from './bytes.ts';
import { IntegrityError, InvalidContentError, UnknownKeyError } from './errors.ts';
import { pad, unpad } from './padding.ts';
import { sodium } from './sodium.ts';

const LABEL = 'stopdeal-event-v1\n';

/** Signs and seals one event; returns the `{kid, sealed}` body to POST. */
export async function sealCaseEvent(event: CaseEventBodyInput, officer: OfficerKeyEntry, police: { kid: Kid; publicKey: PolicePublicKey }): Promise<{ kid: Kid; sealed: string }> {
  const s = await sodium();
  const body = JSON.stringify(v.parse(CaseEventBody, event));
  const sk = unb64(s, officer.secretKey);
  const sig = s.crypto_sign_detached(utf8(LABEL + body), sk);
  s.memzero(sk);
  const envelope = { v: 1, body, officerId: officer.officerId, publicKey: officer.publicKey, sig: b64(s, sig) };
  const p = pad(s, utf8(JSON.stringify(envelope)));
  return { kid: police.kid, sealed: b64(s, s.crypto_box_seal(p, unb64(s, police.publicKey))) };
}

export interface OpenedCaseEvent {
  event: v.InferOutput<typeof CaseEventBody>;
  officerId: OfficerId;
  publicKey: OfficerPublicKey;
}

/**
 * Opens an event and proves its author: the signature must verify and `officerId` must be
 * `b64(H(16, publicKey))`. The caller checks the author against the roster it trusts and the
 * event's `reportId` against the outer one.
 * @throws UnknownKeyError, IntegrityError (does not open, or signature/author invalid), InvalidContentError
 */
export async function openCaseEvent(item: { kid: string; sealed: string }, keys: readonly PoliceKeyPairEntry[]): Promise<OpenedCaseEvent> {
  const s = await sodium();
  const key = keys.find((k) => k.kid === item.kid);
  if (!key) throw new UnknownKeyError(item.kid);
  let sealed: Uint8Array;
  try {
    sealed = unb64(s, item.sealed);
  } catch {
    throw new IntegrityError('sealed is not base64url');
  }
  if (!SEALED_REPORT_SIZES.includes(sealed.length)) throw new IntegrityError('sealed length is not a bucket');
  const sk = unb64(s, key.secretKey);
  let p: Uint8Array;
  try {
    p = s.crypto_box_seal_open(sealed, unb64(s, key.publicKey), sk);
  } catch {
    throw new IntegrityError('event does not open with this key');
  } finally {
    s.memzero(sk);
  }
  let envelope: CaseEventEnvelope;
  try {
    envelope = v.parse(CaseEventEnvelope, JSON.parse(fromUtf8(unpad(s, p))));
  } catch (e) {
    if (e instanceof IntegrityError) throw e;
    throw new InvalidContentError('event envelope does not match the protocol');
  }
  const pk = unb64(s, envelope.publicKey);
  if (b64(s, H(s, 16, pk)) !== envelope.officerId) throw new IntegrityError('event author does not match its key');
  if (!s.crypto_sign_verify_detached(unb64(s, envelope.sig), utf8(LABEL + envelope.body), pk)) throw new IntegrityError('event signature is invalid');
  let body: unknown;
  try {
    body = JSON.parse(envelope.body);
  } catch {
    throw new InvalidContentError('event body is not JSON');
  }
  const r = v.safeParse(CaseEventBody, body);
  if (!r.success) throw new InvalidContentError('event body does not match the protocol');
  return { event: r.output, officerId: envelope.officerId, publicKey: envelope.publicKey };
}
