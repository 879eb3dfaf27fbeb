/**
 * `sd export`: every report, all pages (PROTOCOL §5 lists), opened on this computer and
 * written as JSON or CSV. Nothing is dropped: a report that cannot be read is written with
 * a flag. The output file holds plaintext, so it is created owner-only and never overwritten
 * unless asked.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as v from 'valibot';
import { toCsv } from '../../client/exports/csv.ts';
import { reportTable, type ExportEntry, type TableOptions } from '../../client/exports/reportTable.ts';
import { ReportList, type ReportItem } from '../../schemas/api.ts';
import { Deployment } from '../../schemas/deployment.ts';
import { LIST_MAX_LIMIT } from '../../schemas/limits.ts';
import type { ApiClient } from '../lib/api.ts';
import { saveAttachments } from '../lib/attachments.ts';
import { oneOf, str, type Command } from '../lib/command.ts';
import { CliError } from '../lib/errors.ts';
import { say, warn, type Io } from '../lib/io.ts';
import { openExportEntry } from '../lib/openExportEntry.ts';
import { signedClient } from './officer.ts';

/** Every stored report, following `next` until it is `null`. */
export async function fetchAllReports(api: ApiClient): Promise<ReportItem[]> {
  const out: ReportItem[] = [];
  for (let after = 0; ; ) {
    const { body } = await api.request({ method: 'GET', target: `/api/v1/reports?after=${after}&limit=${LIST_MAX_LIMIT}`, answer: ReportList });
    out.push(...body.reports);
    if (body.next === null) return out;
    if (body.next <= after) throw new CliError('the API answered a page cursor that does not advance');
    after = body.next;
  }
}

function tableOptions(deployPath: string | undefined): TableOptions {
  if (!deployPath) return {};
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(deployPath, 'utf8'));
  } catch {
    throw new CliError(`cannot read deployment file ${deployPath}`);
  }
  const r = v.safeParse(Deployment, json);
  if (!r.success) throw new CliError(`${deployPath} is not a valid deployment file`);
  return { districtNames: new Map(r.output.districts.features.map((f) => [f.properties.id, f.properties.name])), forms: r.output.forms };
}

/** Writes `text` to `out` (`-` = stdout), owner-only, refusing an existing file without `force`. */
export function writeOutput(io: Io, out: string, text: string, force: boolean): void {
  if (out === '-') return io.stdout(text);
  if (!force && existsSync(out)) throw new CliError(`${out} already exists; choose another file or add --force`);
  try {
    writeFileSync(out, text, { mode: 0o600, flag: force ? 'w' : 'wx' });
  } catch (e) {
    throw new CliError(`cannot write ${out}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

export const exportReports: Command = {
  name: 'export',
  summary: 'fetch, decrypt and write every report as JSON or CSV',
  help: `Usage: sd export --api <url> --keyring <file> --format json|csv --out <file> [--deploy deploy/<town>.json] [--attachments <dir>] [--force]

Fetches every report, decrypts it on this computer with the keyring's police keys, and
writes them in arrival order:
  json  an array of {seq, id, receivedAt, kid, flag, report}
  csv   one row per report, one column per form field (French labels), for a spreadsheet;
        cells that a spreadsheet would run as formulas are neutralised with a leading '
A report that cannot be read or looks wrong is kept with a flag (unknown_key,
undecryptable, invalid_content, id_mismatch, unknown_form, invalid_answers), never dropped.

Options:
  --api <url>               the Worker's origin
  --keyring <file>          an officer keyring holding the police keys
  --passphrase-file <path>  its passphrase (else env SD_PASSPHRASE, else asked on the terminal)
  --format <json|csv>       output format
  --out <file>              output file (created readable by you only), or - for stdout
  --deploy <file>           the town's deployment file: district names and its forms' columns
  --attachments <dir>       also download, decrypt and write each report's attachments (photos)
                            to <dir>/<report id>/<name>; names are made safe (no folders,
                            harmless extension; a file that is not the photo it claims to be
                            gets ".bin"). A failing attachment is reported and skipped.
  --force                   overwrite --out (and attachment files) if they exist

The output holds decrypted reports: keep it on an encrypted disk and delete it when done.`,
  options: {
    api: { type: 'string' }, keyring: { type: 'string' }, 'passphrase-file': { type: 'string' }, format: { type: 'string' },
    out: { type: 'string' }, deploy: { type: 'string' }, attachments: { type: 'string' }, force: { type: 'boolean' },
  },
  required: ['api', 'keyring', 'format', 'out'],
  async run({ values }, io) {
    const format = oneOf(this, 'format', values.format, ['json', 'csv'] as const);
    const out = str(values.out)!;
    const force = values.force === true;
    if (out !== '-' && !force && existsSync(out)) throw new CliError(`${out} already exists; choose another file or add --force`);
    const table = tableOptions(str(values.deploy));
    const { api, keyring } = await signedClient(io, values);
    const items = await fetchAllReports(api);
    const entries: ExportEntry[] = [];
    for (const item of items) entries.push(await openExportEntry(item, keyring.inner.police));
    if (format === 'json') writeOutput(io, out, JSON.stringify(entries, null, 2) + '\n', force);
    else {
      const { header, rows } = reportTable(entries, table);
      writeOutput(io, out, toCsv(header, rows), force);
    }
    const flagged = entries.filter((e) => e.flag);
    const summary = `Exported ${entries.length} report(s)${flagged.length ? `, ${flagged.length} flagged` : ''}${out === '-' ? '' : ` to ${out}`}.`;
    if (out === '-') warn(io, summary);
    else say(io, summary);
    for (const e of flagged) warn(io, `  report ${e.seq} (${e.id}): ${e.flag}`);
    const dir = str(values.attachments);
    if (dir) {
      const tally = await saveAttachments(io, api, entries, dir, force);
      const line = `Attachments: ${tally.saved} saved to ${dir}${tally.failed ? `, ${tally.failed} failed (see above)` : ''}.`;
      if (out === '-') warn(io, line);
      else say(io, line);
    }
    warn(io, 'This output holds decrypted reports: keep it on an encrypted disk and delete it when done.');
  },
};
