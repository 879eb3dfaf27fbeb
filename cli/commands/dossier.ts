/**
 * `sd dossier open`: reads a forwarded dossier (issue 4 "Export and forward") with an
 * investigator unit's keyring (PROTOCOL §7: the unit's own key only). The dossier is opened
 * on this computer (crypto `openDossier`), its author proven by the signature; the police
 * keyring, or any other, cannot open it. Works offline: no API. `--attachments <dir>` writes the
 * attachments the file carries (schemas/dossier.ts `blobs`), decrypted with the keys inside
 * the sealed body and named like `sd export --attachments` (cli/lib/attachments.ts).
 */
import { readFileSync, statSync } from 'node:fs';
import * as v from 'valibot';
import { forgetSecretKeys, IntegrityError, InvalidContentError, openDossier, UnknownKeyError } from '../../crypto/index.ts';
import { unitKeysOf } from '../../schemas/keyring.ts';
import { DossierFile, type BlobLeftOutReason, type DossierBody } from '../../schemas/dossier.ts';
import { fromB64 } from '../../schemas/encoding.ts';
import { saveAttachmentsFrom, type BlobSupply } from '../lib/attachments.ts';
import { str, type Command } from '../lib/command.ts';
import { CliError } from '../lib/errors.ts';
import { fingerprint } from '../../client/fingerprint.ts';
import { say, warn, type Io } from '../lib/io.ts';
import { openKeyring } from '../lib/keyringFile.ts';
import { reportTable } from '../../client/exports/reportTable.ts';

/** Far above a real dossier of a thousand reports with their conversations. */
const MAX_DOSSIER_BYTES = 200 * 1024 * 1024;

const STATUS: Record<string, string> = { nouveau: 'Nouveau', 'a-verifier': 'À vérifier', verifie: 'Vérifié', transmis: 'Transmis', classe: 'Classé sans suite' };

function readDossier(file: string): unknown {
  let text: string;
  try {
    if (statSync(file).size > MAX_DOSSIER_BYTES) throw new CliError(`${file} is too large to be a dossier`);
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if (e instanceof CliError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(`cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code}`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new CliError(`${file} is not a Stop Deal dossier: not JSON`);
  }
}

type CaseEntry = DossierBody['reports'][number]['caseFile'][number];

/** One case-file event as a line: when, who, what. */
function eventLine(e: CaseEntry, who: (id: string, name?: string) => string): string {
  const ev = e.event;
  const what = (() => {
    switch (ev.type) {
      case 'status':
        return `status → ${STATUS[ev.status] ?? ev.status}`;
      case 'assign':
        return ev.assignee ? `assigned to ${who(ev.assignee, ev.assigneeName)}` : 'unassigned';
      case 'tags':
        return [ev.add.length ? `tags + ${ev.add.join(', ')}` : '', ev.remove.length ? `tags − ${ev.remove.join(', ')}` : ''].filter(Boolean).join('; ');
      case 'note':
        return `note: ${ev.text}`;
      case 'forward':
        return `forwarded to "${ev.unit}" (${ev.reportIds.length} report(s))`;
      case 'expiry':
        return `erasure set to ${ev.expiresAt}`;
    }
  })();
  return `${ev.at}  ${who(e.officerId, e.authorName)}  ${what}`;
}

/** Why the file does not carry a blob, as the forwarding viewer recorded it. */
const LEFT_OUT: Record<BlobLeftOutReason | 'not-carried', string> = {
  missing: 'not in this dossier: the server no longer had it when it was forwarded (never uploaded, or already erased)',
  unavailable: 'not in this dossier: the server could not provide it when it was forwarded (ask the forwarding officer)',
  altered: 'not in this dossier: the server answered other bytes than the blob the report names when it was forwarded',
  'too-large': 'not in this dossier: over the dossier size cap for attachments (64 MiB; ask the forwarding officer)',
  'not-carried': 'not in this dossier file (made by an older version, or the file was altered)',
};

/** The blobs the dossier file carries, as a supply for cli/lib/attachments.ts. */
function dossierSupply(blobs: Readonly<Record<string, string>> | undefined, body: DossierBody): BlobSupply {
  const leftOut = new Map<string, BlobLeftOutReason>();
  for (const r of body.reports) for (const l of r.blobsLeftOut ?? []) leftOut.set(l.blob, l.reason);
  return {
    mismatch: 'the dossier file holds other bytes than the blob the report names (altered file)',
    async blob(ref) {
      const text = blobs && Object.hasOwn(blobs, ref.blob) ? blobs[ref.blob] : undefined;
      if (text === undefined) throw new CliError(LEFT_OUT[leftOut.get(ref.blob) ?? 'not-carried']);
      return fromB64(text);
    },
  };
}

/** The dossier as a person reads it: who sealed it, then each report, its case file, its conversation. */
function humanReadable(io: Io, body: DossierBody, officerId: string): void {
  const names = new Map<string, string>();
  for (const r of body.reports) for (const e of r.caseFile) if (e.authorName) names.set(e.officerId, e.authorName);
  if (body.fromName) names.set(officerId, body.fromName);
  const who = (id: string, claimed?: string) => {
    const name = claimed ?? names.get(id);
    return `${name ? `${name} ` : ''}[${fingerprint(id)}]`;
  };
  say(io, `Dossier for unit:  ${body.unit}`);
  say(io, `created:           ${body.createdAt}`);
  say(io, `sealed by:         ${who(officerId)} (officerId ${officerId}), signature verified`);
  say(io, `reports:           ${body.reports.length}`);
  body.reports.forEach((r, i) => {
    say(io);
    say(io, `== Report ${i + 1}/${body.reports.length}: ${r.id}`);
    if (r.report.id !== r.id) say(io, `WARNING: the sealed id ${r.report.id} differs from the outer id (a replayed copy?)`);
    const table = reportTable([{ seq: i + 1, id: r.id, receivedAt: r.receivedAt, kid: r.kid, flag: null, report: r.report }]);
    const row = table.rows[0]!;
    table.header.forEach((h, n) => {
      const cell = row[n];
      if (cell) say(io, `${h}: ${cell.includes('\n') ? '\n  ' + cell.split('\n').join('\n  ') : cell}`);
    });
    const left = new Map((r.blobsLeftOut ?? []).map((l) => [l.blob, l.reason]));
    for (const a of r.report.attachments ?? []) {
      const why = left.get(a.blob);
      say(io, `attachment: blob ${a.blob}  key ${a.key}  ${a.mime}  ${a.size} bytes${a.name ? `  "${a.name}"` : ''}${why ? `  (${LEFT_OUT[why]})` : ''}`);
    }
    say(io, `-- case file (${r.caseFile.length} event(s))`);
    for (const e of r.caseFile) say(io, `  ${eventLine(e, who)}`);
    say(io, `-- conversation (${r.messages.length} message(s))`);
    for (const m of r.messages) say(io, `  ${m.at}  ${m.from === 'reporter' ? 'resident' : 'police'}: ${m.body.split('\n').join('\n    ')}`);
  });
}

export const dossierOpen: Command = {
  name: 'dossier open',
  summary: 'open a forwarded dossier with an investigator unit keyring',
  help: `Usage: sd dossier open --keyring <unit keyring> [--json] [--attachments <dir> [--force]] <dossier file>

Opens a dossier forwarded by an officer (viewer: "Transmettre à une unité d'enquête") with
the keyring of the unit it was sealed for ("sd keyring investigator"), checks the forwarding
officer's signature, and prints each report with its case file and conversation. With
--json, prints {"officerId","publicKey","dossier"} instead. With --attachments, also writes
each attachment the dossier carries, decrypted, to <dir>/<report id>/<safe name> (as
"sd export --attachments" does); one the dossier does not carry is named on stderr. The
output is plaintext: keep it on an encrypted disk.

Options:
  --keyring <file>          the investigator unit's keyring
  --passphrase-file <path>  its passphrase (else env SD_PASSPHRASE, else asked on the terminal)
  --json                    machine-readable output
  --attachments <dir>       also write the decrypted attachments the dossier carries
  --force                   overwrite existing attachment files`,
  options: { keyring: { type: 'string' }, 'passphrase-file': { type: 'string' }, json: { type: 'boolean' }, attachments: { type: 'string' }, force: { type: 'boolean' } },
  required: ['keyring'],
  positionals: ['dossier file'],
  async run({ values, positionals }, io) {
    const file = positionals[0]!;
    const json = readDossier(file);
    const keyring = await openKeyring(io, str(values.keyring)!, { file: str(values['passphrase-file']) });
    let opened;
    try {
      opened = await openDossier(json, unitKeysOf(keyring.inner));
    } catch (e) {
      if (e instanceof UnknownKeyError) {
        const kid = (json as { kid?: unknown }).kid;
        throw new CliError(`this dossier is sealed for the unit key ${String(kid)} (${typeof kid === 'string' ? fingerprint(kid) : '?'}), which keyring ${keyring.path} does not hold: only that unit's keyring opens it`);
      }
      if (e instanceof InvalidContentError) throw new CliError(`${file} is not a Stop Deal dossier (${e.message})`);
      if (e instanceof IntegrityError) throw new CliError(`${file} does not open with this keyring, or was altered (${e.message})`);
      throw e;
    } finally {
      forgetSecretKeys(keyring.inner.police);
    }
    if (values.json) say(io, JSON.stringify({ officerId: opened.officerId, publicKey: opened.publicKey, dossier: opened.body }, null, 2));
    else humanReadable(io, opened.body, opened.officerId);
    const dir = str(values.attachments);
    if (dir) {
      // openDossier has accepted the file's shape, blobs included.
      const blobs = v.parse(DossierFile, json).blobs;
      const sets = opened.body.reports.map((r, i) => ({ id: r.id, label: `report ${i + 1} (${r.id})`, refs: r.report.attachments ?? [] }));
      const tally = await saveAttachmentsFrom(io, dossierSupply(blobs, opened.body), sets, dir, values.force === true);
      const line = `Attachments: ${tally.saved} saved to ${dir}${tally.failed ? `, ${tally.failed} not saved (see above)` : ''}.`;
      if (values.json) warn(io, line);
      else say(io, line);
      if (tally.saved) warn(io, 'The attachments written are decrypted evidence: keep them on an encrypted disk and delete them when done.');
    }
  },
};
