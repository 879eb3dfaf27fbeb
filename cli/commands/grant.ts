/**
 * `sd grant accept`: fetch the grant an admin sealed to me (PROTOCOL §5), open it with my
 * officer key, and add the police keys to my keyring (same passphrase, newest first).
 */
import { IntegrityError, InvalidContentError, openGrant } from '../../crypto/index.ts';
import { GrantAnswer } from '../../schemas/grant-api.ts';
import { str, type Command } from '../lib/command.ts';
import { ApiError } from '../../client/signedRequest.ts';
import { CliError } from '../lib/errors.ts';
import { say } from '../lib/io.ts';
import { mergePoliceKeys } from '../../client/keyringRules.ts';
import { officerOf, rewriteKeyring } from '../lib/keyringFile.ts';
import { signedClient } from './officer.ts';

export const grantAccept: Command = {
  name: 'grant accept',
  summary: 'add the police keys an administrator granted you to your keyring',
  help: `Usage: sd grant accept --api <url> --keyring <my keyring>

Fetches the grant sealed to your officer key, opens it, and adds the police keys to your
keyring (rewritten with the same passphrase). Keys you already hold are not duplicated.

Options:
  --api <url>               the Worker's origin
  --keyring <file>          your own keyring
  --passphrase-file <path>  its passphrase (else env SD_PASSPHRASE, else asked on the terminal)`,
  options: { api: { type: 'string' }, keyring: { type: 'string' }, 'passphrase-file': { type: 'string' } },
  required: ['api', 'keyring'],
  async run({ values }, io) {
    const { api, keyring } = await signedClient(io, values);
    const { body } = await api.request({ method: 'GET', target: '/api/v1/officers/me/grant', answer: GrantAnswer }).catch((e: unknown) => {
      if (e instanceof ApiError && e.code === 'not_found') throw new CliError('no grant waits for you yet: ask an administrator to run "sd officer grant <your officerId>"');
      throw e;
    });
    let police;
    try {
      ({ police } = await openGrant(body.sealed, officerOf(keyring)));
    } catch (e) {
      if (e instanceof IntegrityError || e instanceof InvalidContentError) throw new CliError(`the grant does not open with this keyring's officer key (${e.message})`);
      throw e;
    }
    const merged = mergePoliceKeys(keyring.inner.police, police);
    if (merged.added.length === 0) return say(io, `Nothing new: keyring ${str(values.keyring)} already holds every granted key (${police.map((k) => k.kid).join(', ')}).`);
    await rewriteKeyring(keyring, { ...keyring.inner, police: merged.police });
    say(io, `Added police key(s) ${merged.added.join(', ')} to ${keyring.path}; it now holds ${merged.police.length}.`);
  },
};
