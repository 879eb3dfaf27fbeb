/**
 * Key grants (PROTOCOL §5): an admin seals police secret keys to a new officer's Ed25519
 * key converted to X25519; the officer opens the grant with their own secret key.
 */
import * as v from 'valibot';
import { GrantInner, type OfficerKeyEntry } from '../schemas/keyring.ts';
import type { OfficerPublicKey } from '../schemas/keys.ts';
import { b64, fromUtf8, unb64, utf8 } from './bytes.ts';
import { IntegrityError, InvalidContentError } from './errors.ts';
import { sodium } from './sodium.ts';

/** Seals police key pairs to an officer's public key; returns the b64 `sealed` field. */
export async function sealGrant(grant: v.InferInput<typeof GrantInner>, officerPublicKey: OfficerPublicKey): Promise<string> {
  const s = await sodium();
  const curve = s.crypto_sign_ed25519_pk_to_curve25519(unb64(s, officerPublicKey));
  // PROTOCOL §5 seals `utf8(JSON)` as is; trailing spaces keep it the same JSON while padding
  // its length to a multiple of 1024, so the stored grant does not tell how many keys it holds.
  const json = JSON.stringify(v.parse(GrantInner, grant));
  const padded = json + ' '.repeat((1024 - (utf8(json).length % 1024)) % 1024);
  return b64(s, s.crypto_box_seal(utf8(padded), curve));
}

/** Opens a grant with the officer's own key pair. @throws IntegrityError, InvalidContentError */
export async function openGrant(sealed: string, officer: Pick<OfficerKeyEntry, 'publicKey' | 'secretKey'>): Promise<GrantInner> {
  const s = await sodium();
  const edSk = unb64(s, officer.secretKey);
  const sk = s.crypto_sign_ed25519_sk_to_curve25519(edSk);
  const pk = s.crypto_sign_ed25519_pk_to_curve25519(unb64(s, officer.publicKey));
  let plain: Uint8Array;
  try {
    plain = s.crypto_box_seal_open(unb64(s, sealed), pk, sk);
  } catch {
    throw new IntegrityError('grant does not open with this officer key');
  } finally {
    s.memzero(sk);
    s.memzero(edSk);
  }
  let json: unknown;
  try {
    json = JSON.parse(fromUtf8(plain));
  } catch {
    throw new InvalidContentError('grant is not JSON');
  }
  const r = v.safeParse(GrantInner, json);
  if (!r.success) throw new InvalidContentError('grant does not match the protocol');
  return r.output;
}
