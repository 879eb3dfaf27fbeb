/**
 * Key generation and identifiers (PROTOCOL §1): `kid = b64(H(16, policePublicKey))`,
 * `officerId = b64(H(16, officerPublicKey))`. The two are the same hash of different roles,
 * so they are two functions with two types (schemas/keys.ts): one cannot stand for the other.
 */
import * as v from 'valibot';
import { OfficerKeyEntry, PoliceKeyPairEntry, UnitKeyPairEntry } from '../schemas/keyring.ts';
import { Kid, OfficerId, type OfficerPublicKey, type PolicePublicKey, type UnitPublicKey } from '../schemas/keys.ts';
import { b64, H, unb64 } from './bytes.ts';
import { sodium } from './sodium.ts';

/** `kid` of an X25519 public key that things are sealed to: a police key or a unit key. */
export async function kidOf(publicKey: PolicePublicKey | UnitPublicKey): Promise<Kid> {
  const s = await sodium();
  return v.parse(Kid, b64(s, H(s, 16, unb64(s, publicKey))));
}

/** `officerId` of an officer's Ed25519 public key. */
export async function officerIdOf(publicKey: OfficerPublicKey): Promise<OfficerId> {
  const s = await sodium();
  return v.parse(OfficerId, b64(s, H(s, 16, unb64(s, publicKey))));
}

/** A new X25519 key pair with its kid, parsed as `schema` says its role is. */
async function boxKeyPair<T>(schema: v.GenericSchema<unknown, T>): Promise<T> {
  const s = await sodium();
  const kp = s.crypto_box_keypair();
  const entry = v.parse(schema, { kid: b64(s, H(s, 16, kp.publicKey)), publicKey: b64(s, kp.publicKey), secretKey: b64(s, kp.privateKey) });
  s.memzero(kp.privateKey);
  return entry;
}

/** A new police X25519 key pair, as a keyring lists it. */
export function generatePoliceKey(): Promise<PoliceKeyPairEntry> {
  return boxKeyPair(PoliceKeyPairEntry);
}

/** A new investigator unit X25519 key pair (its keyring lists it where police keys go, PROTOCOL §7). */
export function generateUnitKey(): Promise<UnitKeyPairEntry> {
  return boxKeyPair(UnitKeyPairEntry);
}

/** A new officer Ed25519 key pair, as a keyring holds it. */
export async function generateOfficerKey(): Promise<OfficerKeyEntry> {
  const s = await sodium();
  const kp = s.crypto_sign_keypair();
  const entry = v.parse(OfficerKeyEntry, { officerId: b64(s, H(s, 16, kp.publicKey)), publicKey: b64(s, kp.publicKey), secretKey: b64(s, kp.privateKey) });
  s.memzero(kp.privateKey);
  return entry;
}
