/**
 * `sd keyring new | show | investigator`: officer and investigator keyrings (PROTOCOL §7).
 * A keyring is created on the holder's own computer; only its public key leaves it.
 */
import { basename } from 'node:path';
import { generateOfficerKey, generatePoliceKey, generateUnitKey, KDF_MODERATE } from '../../crypto/index.ts';
import type { KeyringInnerInput } from '../../schemas/keyring.ts';
import { oneOf, str, type Command } from '../lib/command.ts';
import { say } from '../lib/io.ts';
import { fingerprint } from '../../client/fingerprint.ts';
import { KDF_CHOICES, openKeyring, refuseExisting, writeNewKeyring } from '../lib/keyringFile.ts';
import { getPassphrase } from '../lib/passphrase.ts';

const KDF_NAMES = ['moderate', 'interactive', 'sensitive'] as const;

const kdfOf = (cmd: Command, value: string | boolean | undefined) => (value === undefined ? KDF_MODERATE : KDF_CHOICES[oneOf(cmd, 'kdf', value, KDF_NAMES)]!);

const PASSPHRASE_HELP = `Passphrase: --passphrase-file <path> (one trailing newline ignored), else env SD_PASSPHRASE,
else asked twice on the terminal without echo. At least 12 characters.`;

export const keyringNew: Command = {
  name: 'keyring new',
  summary: 'create an officer keyring (officer signing key, optional police keys)',
  help: `Usage: sd keyring new --out <file> [--with-police-from <keyring>] [--kdf moderate|interactive|sensitive]

Creates a passphrase-protected officer keyring holding a new officer key (Ed25519) and
prints the officer id and public key to give to an administrator ("sd officer add").
Refuses to overwrite an existing file.

Options:
  --out <file>                  the new keyring file
  --with-police-from <keyring>  copy the police keys of another keyring (unlocked first)
  --from-passphrase-file <path> passphrase of that other keyring (else env SD_FROM_PASSPHRASE, else asked)
  --kdf <strength>              Argon2id strength: moderate (default), interactive (fast, for tests), sensitive
  --passphrase-file <path>      passphrase of the new keyring

${PASSPHRASE_HELP}`,
  options: { out: { type: 'string' }, 'with-police-from': { type: 'string' }, 'from-passphrase-file': { type: 'string' }, kdf: { type: 'string' }, 'passphrase-file': { type: 'string' } },
  required: ['out'],
  async run({ values }, io) {
    const out = str(values.out)!;
    const kdf = kdfOf(this, values.kdf);
    refuseExisting(out);
    const from = str(values['with-police-from']);
    const police = from ? (await openKeyring(io, from, { file: str(values['from-passphrase-file']), envVar: 'SD_FROM_PASSPHRASE' })).inner.police : [];
    const passphrase = await getPassphrase(io, { file: str(values['passphrase-file']), envVar: 'SD_PASSPHRASE', what: `new keyring ${basename(out)}`, create: true });
    const officer = await generateOfficerKey();
    await writeNewKeyring(out, { v: 1, police, officer }, passphrase, kdf);
    say(io, `Created keyring ${out}`);
    say(io, `officerId:   ${officer.officerId}`);
    say(io, `public key:  ${officer.publicKey}`);
    say(io, `fingerprint: ${fingerprint(officer.officerId)}`);
    say(io, `police keys: ${police.length ? police.map((k) => k.kid).join(', ') : 'none yet (an administrator grants them: sd grant accept)'}`);
    say(io, 'Give the public key to an administrator ("sd officer add --public-key …"). Keep the passphrase apart from the file.');
  },
};

export const keyringShow: Command = {
  name: 'keyring show',
  summary: 'unlock a keyring and list its key ids (never its secrets)',
  help: `Usage: sd keyring show <file> [--passphrase-file <path>]

Unlocks the keyring and prints its officer id and the ids (kid) of the police keys it holds,
newest first. Secret keys are never printed.

Passphrase: --passphrase-file <path>, else env SD_PASSPHRASE, else asked on the terminal.`,
  options: { 'passphrase-file': { type: 'string' } },
  positionals: ['file'],
  async run({ values, positionals }, io) {
    const k = await openKeyring(io, positionals[0]!, { file: str(values['passphrase-file']) });
    say(io, `keyring:     ${k.path}`);
    say(io, `kdf:         argon2id13, opslimit ${k.kdf.opslimit}, memlimit ${k.kdf.memlimit / 1024 / 1024} MiB`);
    const o = k.inner.officer;
    if (o) {
      say(io, `officerId:   ${o.officerId}`);
      say(io, `public key:  ${o.publicKey}`);
      say(io, `fingerprint: ${fingerprint(o.officerId)}`);
    } else say(io, 'officer:     none (investigator unit keyring)');
    say(io, `police keys (${k.inner.police.length}, newest first):`);
    for (const p of k.inner.police) say(io, `  ${p.kid}  ${fingerprint(p.kid)}  public key ${p.publicKey}`);
  },
};

export const keyringInvestigator: Command = {
  name: 'keyring investigator',
  summary: 'create an investigator unit keyring (its own key, no police keys, no officer)',
  help: `Usage: sd keyring investigator --out <file> [--kdf moderate|interactive|sensitive] [--passphrase-file <path>]

Creates the keyring of an investigator unit (PROTOCOL §7): a decryption key of its own,
to which officers re-seal the case files they forward. It holds no police key and no
officer key, so it can neither read the report stream nor sign API requests.
Prints the unit key's id and public key. Refuses to overwrite an existing file.

${PASSPHRASE_HELP}`,
  options: { out: { type: 'string' }, kdf: { type: 'string' }, 'passphrase-file': { type: 'string' } },
  required: ['out'],
  async run({ values }, io) {
    const out = str(values.out)!;
    const kdf = kdfOf(this, values.kdf);
    refuseExisting(out);
    const passphrase = await getPassphrase(io, { file: str(values['passphrase-file']), envVar: 'SD_PASSPHRASE', what: `new keyring ${basename(out)}`, create: true });
    const unit = await generateUnitKey();
    // A unit's keyring keeps its key pair where police keys go (PROTOCOL §7).
    const inner: KeyringInnerInput = { v: 1, police: [unit], officer: undefined };
    await writeNewKeyring(out, inner, passphrase, kdf);
    say(io, `Created investigator unit keyring ${out}`);
    say(io, `unit kid:    ${unit.kid}`);
    say(io, `public key:  ${unit.publicKey}`);
    say(io, `fingerprint: ${fingerprint(unit.kid)}`);
    say(io, 'Give the public key (not the file) to the officers who forward case files to this unit.');
  },
};
