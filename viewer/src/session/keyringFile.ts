/**
 * Reading a keyring file an officer picks or drops (PROTOCOL §7), and saying precisely
 * what is wrong with it before any Argon2id work. Pure apart from `File.text()`.
 */
import { checkKeyringShape, KeyringShapeError, type KeyringFile } from '../../../schemas/keyring.ts';

/** Far above a real keyring (under 1 KiB per key): a bigger file is not one. */
export const KEYRING_FILE_MAX_BYTES = 1_100_000;

export type KeyringFileProblemKind = 'too-large' | 'not-json' | 'not-keyring' | 'field';

/** Why a file is not a usable keyring; `field` names the invalid part (e.g. `kdf.salt`). */
export class KeyringFileProblem extends Error {
  override name = 'KeyringFileProblem';
  constructor(
    readonly kind: KeyringFileProblemKind,
    readonly field?: string,
  ) {
    super(field ? `keyring field "${field}" is missing or invalid` : `not a keyring file (${kind})`);
  }
}

/**
 * Checks parsed JSON as a keyring file (schemas/keyring.ts). A value that has none of a
 * keyring's fields is "not a keyring"; one that has some is a keyring with an invalid field, named.
 */
export function checkKeyringJson(json: unknown): KeyringFile {
  try {
    return checkKeyringShape(json);
  } catch (e) {
    if (!(e instanceof KeyringShapeError)) throw e;
    if (!e.keyringLike) throw new KeyringFileProblem('not-keyring');
    throw new KeyringFileProblem('field', e.field || 'v');
  }
}

/** Parses a keyring file's text. */
export function parseKeyringText(text: string): KeyringFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new KeyringFileProblem('not-json');
  }
  return checkKeyringJson(json);
}

/** Reads a picked or dropped file as a keyring. */
export async function readKeyringFile(file: Blob): Promise<KeyringFile> {
  if (file.size > KEYRING_FILE_MAX_BYTES) throw new KeyringFileProblem('too-large');
  return parseKeyringText(await file.text());
}
