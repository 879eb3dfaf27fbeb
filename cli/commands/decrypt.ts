/**
 * `sd decrypt`: open one stored report (a list item as the API returns it) to stdout, with
 * the same flags as `sd export`. Works offline: no API, only the keyring.
 */
import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { ReportItem } from '../../schemas/api.ts';
import { firstIssuePath } from '../../schemas/issues.ts';
import { ApiClient, parseApiOrigin } from '../lib/api.ts';
import { saveAttachments } from '../lib/attachments.ts';
import { str, type Command } from '../lib/command.ts';
import { CliError, UsageError } from '../lib/errors.ts';
import { say, warn } from '../lib/io.ts';
import { officerOf, openKeyring } from '../lib/keyringFile.ts';
import { openExportEntry } from '../lib/openExportEntry.ts';

export const decryptReport: Command = {
  name: 'decrypt',
  summary: 'decrypt one report item (as the API returns it) to stdout',
  help: `Usage: sd decrypt --keyring <file> [--api <url> --attachments <dir> [--force]] <report.json>

Opens one report as "GET /api/v1/reports/{id}" returns it ({seq, id, kid, sealed, ...}) and
prints {seq, id, receivedAt, kid, flag, report} as JSON. Exits 1 when the report cannot be
read (flag unknown_key, undecryptable or invalid_content). Works offline, unless
--attachments asks for the report's attachments, which are downloaded from --api.

Options:
  --keyring <file>          an officer keyring holding the police keys
  --passphrase-file <path>  its passphrase (else env SD_PASSPHRASE, else asked on the terminal)
  --attachments <dir>       also download (signed), decrypt and write the report's attachments
                            to <dir>/<report id>/<name>, names made safe; needs --api
  --api <url>               the Worker's origin, for --attachments
  --force                   overwrite attachment files that exist`,
  options: { keyring: { type: 'string' }, 'passphrase-file': { type: 'string' }, attachments: { type: 'string' }, api: { type: 'string' }, force: { type: 'boolean' } },
  required: ['keyring'],
  positionals: ['report.json'],
  async run({ values, positionals }, io) {
    const file = positionals[0]!;
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new CliError(`cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code ?? 'not JSON'}`);
    }
    const item = v.safeParse(ReportItem, json);
    if (!item.success) {
      const where = firstIssuePath(item.issues);
      throw new CliError(`${file} is not a report item as the API returns it${where ? ` (field "${where}")` : ''}`);
    }
    const dir = str(values.attachments);
    const origin = dir ? parseApiOrigin(str(values.api)) : null;
    if (!dir && values.api !== undefined) throw new UsageError('--api is only used with --attachments <dir>');
    const keyring = await openKeyring(io, str(values.keyring)!, { file: str(values['passphrase-file']) });
    const entry = await openExportEntry(item.output, keyring.inner.police);
    if (!entry.report) throw new CliError(`report ${entry.id} cannot be read: ${entry.flag}`);
    say(io, JSON.stringify(entry, null, 2));
    if (entry.flag) warn(io, `warning: report ${entry.id} is flagged ${entry.flag}`);
    if (dir && origin) {
      const tally = await saveAttachments(io, new ApiClient(io, origin, officerOf(keyring)), [entry], dir, values.force === true);
      warn(io, `Attachments: ${tally.saved} saved to ${dir}${tally.failed ? `, ${tally.failed} failed (see above)` : ''}.`);
    }
  },
};
