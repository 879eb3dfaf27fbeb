/**
 * `sd dossier open`: reads a forwarded dossier (issue 4 "Export and forward") with an
 * investigator unit's keyring (PROTOCOL §7: the unit's own key only). The dossier is opened
 * on this computer (crypto `openDossier`), its author proven by the signature; the police
 * keyring, or any other, cannot open it. Works offline: no API.
 */
import { readFileSync, statSync } from 'node:fs';
import { IntegrityError, InvalidContentError, openDossier, UnknownKeyError } from '../../crypto/index.ts';
import type { DossierBody } from '../../schemas/dossier.ts';
import { str, type Command } from '../lib/command.ts';
import { CliError } from '../lib/errors.ts';
import { fingerprint } from '../lib/fingerprint.ts';
import { say, type Io } from '../lib/io.ts';
import { openKeyring } from '../lib/keyringFile.ts';
import { reportTable } from '../lib/reportTable.ts';

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
    for (const a of r.report.attachments ?? []) say(io, `attachment: blob ${a.blob}  key ${a.key}  ${a.mime}  ${a.size} bytes${a.name ? `  "${a.name}"` : ''}`);
    say(io, `-- case file (${r.caseFile.length} event(s))`);
    for (const e of r.caseFile) say(io, `  ${eventLine(e, who)}`);
    say(io, `-- conversation (${r.messages.length} message(s))`);
    for (const m of r.messages) say(io, `  ${m.at}  ${m.from === 'reporter' ? 'resident' : 'police'}: ${m.body.split('\n').join('\n    ')}`);
  });
}

export const dossierOpen: Command = {
  name: 'dossier open',
  summary: 'open a forwarded dossier with an investigator unit keyring',
  help: `Usage: sd dossier open --keyring <unit keyring> [--json] <dossier file>

Opens a dossier forwarded by an officer (viewer: "Transmettre à une unité d'enquête") with
the keyring of the unit it was sealed for ("sd keyring investigator"), checks the forwarding
officer's signature, and prints each report with its case file and conversation. With
--json, prints {"officerId","publicKey","dossier"} instead. The output is plaintext: keep it
on an encrypted disk.

Options:
  --keyring <file>          the investigator unit's keyring
  --passphrase-file <path>  its passphrase (else env SD_PASSPHRASE, else asked on the terminal)
  --json                    machine-readable output`,
  options: { keyring: { type: 'string' }, 'passphrase-file': { type: 'string' }, json: { type: 'boolean' } },
  required: ['keyring'],
  positionals: ['dossier file'],
  async run({ values, positionals }, io) {
    const file = positionals[0]!;
    const json = readDossier(file);
    const keyring = await openKeyring(io, str(values.keyring)!, { file: str(values['passphrase-file']) });
    let opened;
    try {
      opened = await openDossier(json, keyring.inner.police);
    } catch (e) {
      if (e instanceof UnknownKeyError) {
        const kid = (json as { kid?: unknown }).kid;
        throw new CliError(`this dossier is sealed for the unit key ${String(kid)} (${typeof kid === 'string' ? fingerprint(kid) : '?'}), which keyring ${keyring.path} does not hold: only that unit's keyring opens it`);
      }
      if (e instanceof InvalidContentError) throw new CliError(`${file} is not a Stop Deal dossier (${e.message})`);
      if (e instanceof IntegrityError) throw new CliError(`${file} does not open with this keyring, or was altered (${e.message})`);
      throw e;
    } finally {
      for (const k of keyring.inner.police) k.secretKey = '';
    }
    if (values.json) say(io, JSON.stringify({ officerId: opened.officerId, publicKey: opened.publicKey, dossier: opened.body }, null, 2));
    else humanReadable(io, opened.body, opened.officerId);
  },
};
