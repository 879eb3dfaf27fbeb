/**
 * Key generation and identifiers (PROTOCOL §1): `kid = b64(H(16, policePublicKey))`,
 * `officerId = b64(H(16, officerPublicKey))`.
 */
import type { OfficerKeyEntry, PoliceKeyPairEntry } from '../schemas/keyring.ts';
import { b64, H, unb64 } from './bytes.ts';
import { sodium } from './sodium.ts';

/** `kid` of a police public key (b64 in, b64 out). */
export async function kidOf(publicKey: string): Promise<string> {
  const s = await sodium();
  return b64(s, H(s, 16, unb64(s, publicKey)));
}

/** `officerId` of an officer's Ed25519 public key (b64 in, b64 out). */
export const officerIdOf = kidOf;

/** A new police X25519 key pair, as a keyring lists it. */
export async function generatePoliceKey(): Promise<PoliceKeyPairEntry> {
  const s = await sodium();
  const kp = s.crypto_box_keypair();
  const entry = { kid: b64(s, H(s, 16, kp.publicKey)), publicKey: b64(s, kp.publicKey), secretKey: b64(s, kp.privateKey) };
  s.memzero(kp.privateKey);
  return entry;
}

/** A new officer Ed25519 key pair, as a keyring holds it. */
export async function generateOfficerKey(): Promise<OfficerKeyEntry> {
  const s = await sodium();
  const kp = s.crypto_sign_keypair();
  const entry = { officerId: b64(s, H(s, 16, kp.publicKey)), publicKey: b64(s, kp.publicKey), secretKey: b64(s, kp.privateKey) };
  s.memzero(kp.privateKey);
  return entry;
}
