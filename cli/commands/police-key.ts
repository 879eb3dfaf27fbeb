/**
 * `sd police-key new`: a new police key pair (PROTOCOL §1). The secret half goes into
 * the administrator's keyring first; only then is the public half pinned in the town's
 * deployment file, so a crash can never leave a pinned key nobody can open.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { checkDeployment } from '../../client/deploymentFile.ts';
import { generatePoliceKey, kidOf } from '../../crypto/index.ts';
import { isoSeconds } from '../../schemas/time.ts';
import { str, type Command } from '../lib/command.ts';
import { CliError } from '../lib/errors.ts';
import { say, warn } from '../lib/io.ts';
import { fingerprint } from '../../client/fingerprint.ts';
import { mergePoliceKeys } from '../../client/keyringRules.ts';
import { openKeyring, rewriteKeyring } from '../lib/keyringFile.ts';

interface RawKey {
  status?: unknown;
  retiredAt?: unknown;
  [k: string]: unknown;
}

function readDeployment(path: string): Record<string, unknown> & { policeKeys?: unknown } {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(`cannot read deployment file ${path}: ${code === 'ENOENT' ? 'no such file' : code ?? 'not JSON'}`);
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw new CliError(`${path} is not a deployment file`);
  return json as Record<string, unknown>;
}

export const policeKeyNew: Command = {
  name: 'police-key new',
  summary: 'create a police key, keep its secret in a keyring, pin its public key in the deployment file',
  help: `Usage: sd police-key new --deploy deploy/<town>.json --keyring <admin keyring> [--retire-old] [--passphrase-file <path>]

Creates a police key pair (X25519). The secret half is added to the given keyring (same
passphrase, newest first); the public half is added to the deployment file's policeKeys
as active. The reporter app seals with the newest active key once rebuilt and deployed.

Options:
  --deploy <file>           the town's deployment file (its other content is kept)
  --keyring <file>          the administrator keyring that receives the secret half
  --retire-old              mark the keys active until now as retired (retiredAt = now); the
                            Worker keeps accepting them for acceptRetiredDays (at least 90) days
  --passphrase-file <path>  passphrase of the keyring (else env SD_PASSPHRASE, else asked)

Afterwards: rebuild and redeploy the apps and the Worker, then grant the new key to every
remaining officer ("sd officer grant <officerId>").`,
  options: { deploy: { type: 'string' }, keyring: { type: 'string' }, 'retire-old': { type: 'boolean' }, 'passphrase-file': { type: 'string' } },
  required: ['deploy', 'keyring'],
  async run({ values }, io) {
    const deployPath = str(values.deploy)!;
    const keyringPath = str(values.keyring)!;
    const raw = readDeployment(deployPath);
    const keyring = await openKeyring(io, keyringPath, { file: str(values['passphrase-file']) });
    const now = isoSeconds(io.now());
    const police = await generatePoliceKey();
    const old = Array.isArray(raw.policeKeys) ? (raw.policeKeys as RawKey[]) : [];
    const kept = values['retire-old'] ? old.map((k) => (k.status === 'active' ? { ...k, status: 'retired', retiredAt: now } : k)) : old;
    const updated = { ...raw, policeKeys: [...kept, { kid: police.kid, publicKey: police.publicKey, status: 'active', createdAt: now }] };
    // Checked before anything is written: a deployment file that would not load stops here.
    try {
      await checkDeployment(updated, kidOf, deployPath);
    } catch (e) {
      throw new CliError(`${(e as Error).message} (nothing was written)`);
    }
    await rewriteKeyring(keyring, { ...keyring.inner, police: mergePoliceKeys(keyring.inner.police, [police]).police });
    const tmp = `${deployPath}.tmp`;
    try {
      writeFileSync(tmp, JSON.stringify(updated, null, 2) + '\n');
      renameSync(tmp, deployPath);
    } catch (e) {
      throw new CliError(`the key is in ${keyringPath}, but ${deployPath} could not be written (${(e as NodeJS.ErrnoException).code}); add it by hand: ${police.kid} ${police.publicKey}`);
    }
    const retired = values['retire-old'] ? old.filter((k) => k.status === 'active').length : 0;
    say(io, `New police key ${police.kid}`);
    say(io, `fingerprint: ${fingerprint(police.kid)}`);
    say(io, `public key:  ${police.publicKey}`);
    say(io, `secret half added to ${keyringPath}; public half pinned in ${deployPath} as active${retired ? `; ${retired} older key(s) marked retired` : ''}`);
    const stillActive = old.filter((k) => k.status === 'active').length - retired;
    if (stillActive > 0) warn(io, `note: ${stillActive} older key(s) stay active; the app seals with the newest one. Use --retire-old to retire them.`);
    say(io, 'Next: rebuild and redeploy (docs/deployment.md), then grant the key to each officer: sd officer grant <officerId>.');
  },
};
