/**
 * `sd officer add | list | revoke | grant`: the roster (PROTOCOL §5), signed with an admin
 * keyring. Grants seal the admin's police keys to an officer's own key, so the Worker
 * only ever relays ciphertext.
 */
import * as v from 'valibot';
import { officerIdOf, sealGrant } from '../../crypto/index.ts';
import { EnrolOfficerAnswer, EnrolOfficerBody, OfficerList, type OfficerItem } from '../../schemas/api.ts';
import { GrantBody, GrantStoredAnswer } from '../../schemas/grant-api.ts';
import type { OfficerPublicKey } from '../../schemas/keys.ts';
import { ApiClient, parseApiOrigin } from '../lib/api.ts';
import { oneOf, str, type Command } from '../lib/command.ts';
import { ApiError } from '../../client/signedRequest.ts';
import { CliError, isCliFailure, UsageError } from '../lib/errors.ts';
import { say, warn, type Io } from '../lib/io.ts';
import { fingerprint } from '../../client/fingerprint.ts';
import { officerOf, openKeyring, type OpenedKeyring } from '../lib/keyringFile.ts';

const API_OPTIONS = { api: { type: 'string' }, keyring: { type: 'string' }, 'passphrase-file': { type: 'string' } } as const;
const API_HELP = `  --api <url>               the Worker's origin, e.g. https://signalement.example.fr
  --keyring <file>          your administrator keyring (signs the request)
  --passphrase-file <path>  its passphrase (else env SD_PASSPHRASE, else asked on the terminal)`;

/** Opens the keyring and an API client signing as its officer. */
export async function signedClient(io: Io, values: Record<string, string | boolean | undefined>): Promise<{ api: ApiClient; keyring: OpenedKeyring }> {
  const origin = parseApiOrigin(str(values.api));
  const keyring = await openKeyring(io, str(values.keyring)!, { file: str(values['passphrase-file']) });
  return { api: new ApiClient(io, origin, officerOf(keyring)), keyring };
}

/** Seals every police key of the admin's keyring to an officer and posts the grant. */
async function postGrant(api: ApiClient, keyring: OpenedKeyring, officerId: string, publicKey: OfficerPublicKey): Promise<string[]> {
  if (keyring.inner.police.length === 0) throw new CliError(`keyring ${keyring.path} holds no police key to grant`);
  const body: GrantBody = { sealed: await sealGrant({ v: 1, police: keyring.inner.police }, publicKey) };
  await api.request({ method: 'POST', target: `/api/v1/officers/${officerId}/grant`, body, answer: GrantStoredAnswer });
  return keyring.inner.police.map((k) => k.kid);
}

export const officerAdd: Command = {
  name: 'officer add',
  summary: 'enrol an officer on the roster (optionally granting the police keys)',
  help: `Usage: sd officer add --api <url> --keyring <admin keyring> --public-key <b64> --role officer|admin [--grant]

Enrols the officer whose public key is given (printed by "sd keyring new" on their computer).
With --grant, also seals every police key of your keyring to that officer; they add them to
their keyring with "sd grant accept".

Options:
${API_HELP}
  --public-key <b64>        the officer's public key (43 characters of base64url)
  --role <role>             officer (reads reports) or admin (also manages the roster)
  --grant                   also grant your police keys to this officer`,
  options: { ...API_OPTIONS, 'public-key': { type: 'string' }, role: { type: 'string' }, grant: { type: 'boolean' } },
  required: ['api', 'keyring', 'public-key', 'role'],
  async run({ values }, io) {
    const role = oneOf(this, 'role', values.role, ['officer', 'admin'] as const);
    const body = v.safeParse(EnrolOfficerBody, { publicKey: str(values['public-key']), role });
    if (!body.success) throw new UsageError('--public-key is not an officer public key (32 bytes in base64url, 43 characters)');
    const { api, keyring } = await signedClient(io, values);
    const { body: answer } = await api.request({ method: 'POST', target: '/api/v1/officers', body: body.output, answer: EnrolOfficerAnswer }).catch((e: unknown) => {
      if (e instanceof ApiError && e.code === 'id_conflict') throw new CliError('this public key is already on the roster with another role, or was revoked (see: sd officer list)');
      throw e;
    });
    if (answer.officerId !== (await officerIdOf(body.output.publicKey))) throw new CliError('the API answered an officerId that does not match the public key');
    say(io, `Enrolled ${answer.officerId} as ${answer.role} (fingerprint ${fingerprint(answer.officerId)})`);
    if (values.grant) {
      const kids = await postGrant(api, keyring, answer.officerId, body.output.publicKey).catch((e: unknown) => {
        if (isCliFailure(e)) throw new CliError(`enrolled, but the grant failed: ${e.message}; retry with "sd officer grant ${answer.officerId}"`);
        throw e;
      });
      say(io, `Granted police key(s) ${kids.join(', ')}; the officer runs "sd grant accept" to add them to their keyring.`);
    }
  },
};

function status(o: OfficerItem): string {
  return o.revokedAt ? `revoked ${o.revokedAt}` : 'active';
}

export const officerList: Command = {
  name: 'officer list',
  summary: 'list the roster',
  help: `Usage: sd officer list --api <url> --keyring <admin keyring> [--json]

Lists every officer on the roster, revoked ones included (their rows stay for history).

Options:
${API_HELP}
  --json                    print the roster as JSON`,
  options: { ...API_OPTIONS, json: { type: 'boolean' } },
  required: ['api', 'keyring'],
  async run({ values }, io) {
    const { api, keyring } = await signedClient(io, values);
    const { body } = await api.request({ method: 'GET', target: '/api/v1/officers', answer: OfficerList });
    if (values.json) return say(io, JSON.stringify(body.officers, null, 2));
    const me = keyring.inner.officer?.officerId;
    say(io, ['officerId'.padEnd(22), 'role'.padEnd(7), 'enrolled'.padEnd(20), 'status'].join('  '));
    for (const o of body.officers) {
      say(io, [o.officerId.padEnd(22), o.role.padEnd(7), o.createdAt.padEnd(20), status(o) + (o.officerId === me ? ' (you)' : '')].join('  '));
    }
  },
};

export const officerRevoke: Command = {
  name: 'officer revoke',
  summary: 'revoke an officer at once (then rotate the police key)',
  help: `Usage: sd officer revoke <officerId> --api <url> --keyring <admin keyring>

Revokes the officer at once: their signed requests are refused from now on. Keys already
granted cannot be taken back, so rotate the police key afterwards (docs/key-ceremony.md).

Options:
${API_HELP}`,
  options: { ...API_OPTIONS },
  required: ['api', 'keyring'],
  positionals: ['officerId'],
  async run({ values, positionals }, io) {
    const officerId = positionals[0]!;
    if (!/^[A-Za-z0-9_-]{22}$/.test(officerId)) throw new UsageError('<officerId> is 22 characters of base64url (see: sd officer list)');
    const { api, keyring } = await signedClient(io, values);
    if (officerId === keyring.inner.officer?.officerId) warn(io, 'warning: you are revoking your own officer key');
    await api.request({ method: 'DELETE', target: `/api/v1/officers/${officerId}` }).catch((e: unknown) => {
      if (e instanceof ApiError && e.code === 'not_found') throw new CliError(`no officer ${officerId} on the roster (see: sd officer list)`);
      throw e;
    });
    say(io, `Revoked ${officerId}.`);
    warn(io, 'Reminder: a revoked officer keeps the police keys already granted to them. Rotate now:');
    warn(io, '  1. sd police-key new --deploy deploy/<town>.json --keyring <admin keyring> --retire-old');
    warn(io, '  2. rebuild and redeploy the apps and the Worker (docs/deployment.md)');
    warn(io, '  3. sd officer grant <officerId> for every remaining officer');
  },
};

export const officerGrant: Command = {
  name: 'officer grant',
  summary: 'seal your police keys to an enrolled officer (after a rotation, or a late grant)',
  help: `Usage: sd officer grant <officerId> --api <url> --keyring <admin keyring>

Seals every police key of your keyring to that officer's public key (looked up on the
roster) and posts the grant; it replaces any earlier grant to them. The officer then runs
"sd grant accept".

Options:
${API_HELP}`,
  options: { ...API_OPTIONS },
  required: ['api', 'keyring'],
  positionals: ['officerId'],
  async run({ values, positionals }, io) {
    const officerId = positionals[0]!;
    const { api, keyring } = await signedClient(io, values);
    const { body } = await api.request({ method: 'GET', target: '/api/v1/officers', answer: OfficerList });
    const officer = body.officers.find((o) => o.officerId === officerId);
    if (!officer) throw new CliError(`no officer ${officerId} on the roster (see: sd officer list)`);
    if (officer.revokedAt) throw new CliError(`officer ${officerId} was revoked on ${officer.revokedAt}; nothing granted`);
    // The roster's key is checked against the id, so a tampered roster cannot redirect a grant.
    if ((await officerIdOf(officer.publicKey)) !== officerId) throw new CliError('the roster lists a public key that does not match this officerId');
    const kids = await postGrant(api, keyring, officerId, officer.publicKey);
    say(io, `Granted police key(s) ${kids.join(', ')} to ${officerId}; they run "sd grant accept".`);
  },
};
