/**
 * Keyring files on disk (PROTOCOL §7): read and unlock with clear one-line errors,
 * write atomically with owner-only permissions. Plaintext secret keys stay in memory.
 */
import { existsSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import {
  createKeyring, KDF_INTERACTIVE, KDF_MODERATE, KeyringFormatError, parseKeyringFile, randomB64, unlockKeyring,
  WrongPassphraseError, type KdfStrength,
} from '../../crypto/index.ts';
import type { KeyringInner, KeyringInnerInput, OfficerKeyEntry } from '../../schemas/keyring.ts';
import { CliError } from './errors.ts';
import type { Io } from './io.ts';
import { getPassphrase } from './passphrase.ts';

/** libsodium's SENSITIVE (4, 1 GiB): the upper end the protocol allows. */
export const KDF_SENSITIVE: KdfStrength = { opslimit: 4, memlimit: 1024 * 1024 * 1024 };
export const KDF_CHOICES: Record<string, KdfStrength> = { interactive: KDF_INTERACTIVE, moderate: KDF_MODERATE, sensitive: KDF_SENSITIVE };

export interface OpenedKeyring {
  path: string;
  passphrase: string;
  /** The file's Argon2id strength, kept when the keyring is rewritten. */
  kdf: KdfStrength;
  inner: KeyringInner;
}

/** Reads a keyring file's JSON; a missing or non-JSON file is a one-line error. */
function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(`cannot read keyring ${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code}`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new CliError(`${path} is not a keyring file: not JSON`);
  }
}

/** Checks a keyring file's shape without a passphrase (before asking for one). */
export function checkKeyringFile(path: string): KdfStrength {
  const json = readJson(path);
  try {
    return parseKeyringFile(json).kdf;
  } catch (e) {
    if (e instanceof KeyringFormatError) throw new CliError(`${path} is not a valid keyring: ${e.message}`);
    throw e;
  }
}

/** Unlocks a keyring file, asking for its passphrase from the given source. */
export async function openKeyring(io: Io, path: string, source: { file?: string; envVar?: string }): Promise<OpenedKeyring> {
  const kdf = checkKeyringFile(path);
  const passphrase = await getPassphrase(io, { file: source.file, envVar: source.envVar ?? 'SD_PASSPHRASE', what: `keyring ${basename(path)}` });
  try {
    const inner = await unlockKeyring(readJson(path), passphrase);
    return { path, passphrase, kdf: { opslimit: kdf.opslimit, memlimit: kdf.memlimit }, inner };
  } catch (e) {
    if (e instanceof WrongPassphraseError) throw new CliError(`wrong passphrase for keyring ${path} (or the file is damaged)`);
    if (e instanceof KeyringFormatError) throw new CliError(`${path} is not a valid keyring: ${e.message}`);
    throw e;
  }
}

/** The officer key a signed request needs; an investigator keyring has none. */
export function officerOf(k: OpenedKeyring): OfficerKeyEntry {
  if (!k.inner.officer) throw new CliError(`keyring ${k.path} holds no officer key (an investigator unit keyring cannot sign requests)`);
  return k.inner.officer;
}

/** Refuses to touch an existing file (creation commands never overwrite). */
export function refuseExisting(path: string): void {
  if (existsSync(path)) throw new CliError(`${path} already exists; choose another file (nothing was written)`);
}

/** Wraps and writes a new keyring; refuses to overwrite. */
export async function writeNewKeyring(path: string, inner: KeyringInnerInput, passphrase: string, kdf: KdfStrength): Promise<void> {
  refuseExisting(path);
  const file = await createKeyring(inner, passphrase, kdf);
  try {
    writeFileSync(path, JSON.stringify(file, null, 2) + '\n', { flag: 'wx', mode: 0o600 });
  } catch (e) {
    throw new CliError(`cannot write keyring ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/**
 * Rewrites an unlocked keyring with new content, same passphrase and strength (fresh salt
 * and nonce). Written to a temporary file then renamed, so a crash never leaves half a file.
 */
export async function rewriteKeyring(k: OpenedKeyring, inner: KeyringInner): Promise<void> {
  const file = await createKeyring(inner, k.passphrase, k.kdf);
  const tmp = `${k.path}.${(await randomB64(6)).replace(/[-_]/g, 'x')}.tmp`;
  try {
    writeFileSync(tmp, JSON.stringify(file, null, 2) + '\n', { flag: 'wx', mode: 0o600 });
    renameSync(tmp, k.path);
  } catch (e) {
    if (existsSync(tmp)) unlinkSync(tmp);
    throw new CliError(`cannot rewrite keyring ${k.path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  k.inner = inner;
}
