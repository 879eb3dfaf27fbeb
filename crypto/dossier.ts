/**
 * Forwarding dossiers (issue 4, schemas/dossier.ts): signed by the forwarding officer, padded
 * to a multiple of 64 KiB, sealed to the investigator unit's public key. Only a keyring holding
 * that unit key opens it (the CLI, or a viewer with the unit's keyring).
 */
import * as v from 'valibot';
import { DossierBody, DossierEnvelope, DossierFile, type DossierBodyInput } from '../schemas/dossier.ts';
import type { OfficerKeyEntry, UnitKeyPairEntry } from '../schemas/keyring.ts';
import type { Kid, OfficerId, OfficerPublicKey, UnitPublicKey } from '../schemas/keys.ts';
import { b64, fromUtf8, H, unb64, utf8 } from './bytes.ts';
import { IntegrityError, InvalidContentError, UnknownKeyError } from './errors.ts';
import { sodium } from './sodium.ts';

const LABEL = 'stopdeal-dossier-v1\n';
const BLOCK = 65536;

/** Seals a dossier for a unit key `{kid, publicKey}`, signed by `officer`. */
export async function sealDossier(body: DossierBodyInput, officer: OfficerKeyEntry, unit: { kid: Kid; publicKey: UnitPublicKey }): Promise<DossierFile> {
  const s = await sodium();
  const text = JSON.stringify(v.parse(DossierBody, body));
  const sk = unb64(s, officer.secretKey);
  const sig = s.crypto_sign_detached(utf8(LABEL + text), sk);
  s.memzero(sk);
  const envelope = utf8(JSON.stringify({ v: 1, body: text, officerId: officer.officerId, publicKey: officer.publicKey, sig: b64(s, sig) }));
  const padded = s.pad(envelope, BLOCK);
  return { v: 1, kind: 'stopdeal-dossier', kid: unit.kid, sealed: b64(s, s.crypto_box_seal(padded, unb64(s, unit.publicKey))) };
}

/**
 * Opens a dossier file with the unit's keys (`unitKeysOf` of its keyring) and proves who forwarded it.
 * @throws InvalidContentError (not a dossier), UnknownKeyError, IntegrityError
 */
export async function openDossier(json: unknown, keys: readonly UnitKeyPairEntry[]): Promise<{ body: DossierBody; officerId: OfficerId; publicKey: OfficerPublicKey }> {
  const file = v.safeParse(DossierFile, json);
  if (!file.success) throw new InvalidContentError('not a Stop Deal dossier file');
  const s = await sodium();
  const key = keys.find((k) => k.kid === file.output.kid);
  if (!key) throw new UnknownKeyError(file.output.kid);
  const sk = unb64(s, key.secretKey);
  let padded: Uint8Array;
  try {
    padded = s.crypto_box_seal_open(unb64(s, file.output.sealed), unb64(s, key.publicKey), sk);
  } catch {
    throw new IntegrityError('dossier does not open with this key');
  } finally {
    s.memzero(sk);
  }
  if (padded.length % BLOCK !== 0) throw new IntegrityError('dossier padding is wrong');
  let envelope: v.InferOutput<typeof DossierEnvelope>;
  try {
    envelope = v.parse(DossierEnvelope, JSON.parse(fromUtf8(s.unpad(padded, BLOCK))));
  } catch {
    throw new InvalidContentError('dossier envelope does not match the protocol');
  }
  const pk = unb64(s, envelope.publicKey);
  if (b64(s, H(s, 16, pk)) !== envelope.officerId) throw new IntegrityError('dossier author does not match its key');
  if (!s.crypto_sign_verify_detached(unb64(s, envelope.sig), utf8(LABEL + envelope.body), pk)) throw new IntegrityError('dossier signature is invalid');
  const r = v.safeParse(DossierBody, JSON.parse(envelope.body));
  if (!r.success) throw new InvalidContentError('dossier body does not match the protocol');
  return { body: r.output, officerId: envelope.officerId, publicKey: envelope.publicKey };
}
