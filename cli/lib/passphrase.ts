/**
 * Where a passphrase comes from, in this order: `--passphrase-file <path>` (UTF-8, one
 * trailing newline is not part of it, as for `.dev/demo-passphrase.txt`, PROTOCOL §7),
 * the environment variable (`SD_PASSPHRASE` by default), or a hidden prompt on the
 * terminal, asked twice when a keyring is being created.
 */
import { readFileSync } from 'node:fs';
import { MIN_PASSPHRASE_CHARS, passphraseLongEnough } from '../../client/keyringRules.ts';
import { CliError } from './errors.ts';
import type { Io } from './io.ts';

export interface PassphraseSource {
  /** `--passphrase-file` (or its equivalent for a second keyring). */
  file?: string;
  /** Environment variable to read when no file is given. */
  envVar: string;
  /** What the passphrase opens, for prompts and messages: "keyring admin.json". */
  what: string;
  /** True when the passphrase will protect a new keyring: asked twice, minimum length. */
  create?: boolean;
}

/** Reads a passphrase file: strict UTF-8, one trailing newline (LF or CRLF) removed. */
export function readPassphraseFile(path: string): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(path));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(`cannot read passphrase file ${path}: ${code === 'ENOENT' ? 'no such file' : code ?? 'not UTF-8 text'}`);
  }
  return text.replace(/\r?\n$/, '');
}

export async function getPassphrase(io: Io, src: PassphraseSource): Promise<string> {
  let passphrase: string;
  if (src.file !== undefined) passphrase = readPassphraseFile(src.file);
  else if (io.env[src.envVar] !== undefined) passphrase = io.env[src.envVar]!;
  else if (io.prompt) {
    passphrase = await io.prompt(src.create ? `New passphrase for ${src.what}: ` : `Passphrase for ${src.what}: `);
    if (src.create && passphraseLongEnough(passphrase)) {
      const again = await io.prompt('Type it again: ');
      if (again !== passphrase) throw new CliError('the two passphrases differ; nothing was written');
    }
  } else {
    throw new CliError(`no passphrase for ${src.what}: give --passphrase-file, set ${src.envVar}, or run in a terminal`);
  }
  if (passphrase.length === 0) throw new CliError(`empty passphrase for ${src.what}`);
  if (src.create && !passphraseLongEnough(passphrase)) {
    throw new CliError(`the passphrase for ${src.what} is too short: use at least ${MIN_PASSPHRASE_CHARS} characters (a few random words)`);
  }
  return passphrase;
}
