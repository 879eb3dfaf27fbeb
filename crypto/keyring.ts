/**
 * Passphrase-wrapped keyrings (PROTOCOL §7), shared by the viewer and the CLI. Needs the
 * sumo build ({@link useSumo}): Argon2id is not in the standard one. Argon2id parameters
 * are checked by the schema before any hashing, so a hostile file cannot exhaust memory.
 */
import * as v from 'valibot';
import { checkKeyringShape, KeyringFile, KeyringInner, KeyringShapeError, type KeyringInnerInput } from '../schemas/keyring.ts';
import { b64, fromUtf8, unb64, utf8 } from './bytes.ts';
import { KeyringFormatError, WrongPassphraseError } from './errors.ts';
import { sodium } from './sodium.ts';

export interface KdfStrength {
  opslimit: number;
  memlimit: number;
}

/** libsodium's MODERATE (3, 256 MiB): the default for real keyrings. */
export const KDF_MODERATE: KdfStrength = { opslimit: 3, memlimit: 256 * 1024 * 1024 };
/** libsodium's INTERACTIVE (2, 64 MiB): the floor; tests and the demo use it. */
export const KDF_INTERACTIVE: KdfStrength = { opslimit: 2, memlimit: 64 * 1024 * 1024 };

async function deriveKey(passphrase: string, salt: Uint8Array, kdf: KdfStrength): Promise<Uint8Array> {
  const s = await sodium();
  if (typeof s.crypto_pwhash !== 'function') throw new Error('keyrings need the sumo build of libsodium (call useSumo())');
  return s.crypto_pwhash(32, utf8(passphrase), salt, kdf.opslimit, kdf.memlimit, s.crypto_pwhash_ALG_ARGON2ID13);
}

/** Wraps a keyring's content under a passphrase. */
export async function createKeyring(inner: KeyringInnerInput, passphrase: string, kdf: KdfStrength = KDF_MODERATE): Promise<KeyringFile> {
  const s = await sodium();
  const content = v.parse(KeyringInner, inner);
  const salt = s.randombytes_buf(16);
  const nonce = s.randombytes_buf(24);
  const key = await deriveKey(passphrase, salt, kdf);
  const plain = utf8(JSON.stringify(content));
  const box = s.crypto_secretbox_easy(plain, nonce, key);
  s.memzero(key);
  s.memzero(plain);
  return v.parse(KeyringFile, {
    v: 1,
    kdf: { alg: 'argon2id13', opslimit: kdf.opslimit, memlimit: kdf.memlimit, salt: b64(s, salt) },
    nonce: b64(s, nonce),
    box: b64(s, box),
  });
}

/**
 * Drops secret keys held as b64 strings, as far as JavaScript allows: a string cannot be
 * overwritten, so each entry's `secretKey` becomes '' and the old string is left to the
 * garbage collector (the crypto verbs zero their own byte copies; a lock reloads the page).
 * '' is a key of no role, so entries are taken here by their shape alone.
 */
export function forgetSecretKeys(entries: readonly ({ secretKey: string } | undefined)[]): void {
  for (const e of entries) if (e) e.secretKey = '';
}

/** Checks a keyring file's shape (schemas/keyring.ts); the error says which part is wrong. */
export function parseKeyringFile(json: unknown): KeyringFile {
  try {
    return checkKeyringShape(json);
  } catch (e) {
    if (e instanceof KeyringShapeError) throw new KeyringFormatError(e.message);
    throw e;
  }
}

/**
 * Unlocks a keyring file (parsed JSON) with its passphrase.
 * @throws KeyringFormatError (not a keyring), WrongPassphraseError
 */
export async function unlockKeyring(json: unknown, passphrase: string): Promise<KeyringInner> {
  const file = parseKeyringFile(json);
  const s = await sodium();
  let salt: Uint8Array, nonce: Uint8Array, box: Uint8Array;
  try {
    salt = unb64(s, file.kdf.salt);
    nonce = unb64(s, file.nonce);
    box = unb64(s, file.box);
  } catch {
    throw new KeyringFormatError('keyring contains invalid base64url');
  }
  const key = await deriveKey(passphrase, salt, file.kdf);
  let plain: Uint8Array;
  try {
    plain = s.crypto_secretbox_open_easy(box, nonce, key);
  } catch {
    throw new WrongPassphraseError();
  } finally {
    s.memzero(key);
  }
  let inner: unknown;
  try {
    inner = JSON.parse(fromUtf8(plain));
  } catch {
    throw new KeyringFormatError('keyring content is not JSON');
  } finally {
    s.memzero(plain);
  }
  const r = v.safeParse(KeyringInner, inner);
  if (!r.success) throw new KeyringFormatError('keyring content does not match the protocol');
  return r.output;
}
