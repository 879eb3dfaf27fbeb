/**
 * `sd`, the Stop Deal administration tool (`npm run sd -- <command>`): police keys,
 * keyrings, the officer roster, key grants, decryption and export. Everything secret is
 * handled on this computer with `crypto/`; the Worker only sees signed requests and
 * ciphertext. `main` takes its environment as an argument so tests run it in-process.
 */
import { pathToFileURL } from 'node:url';
import { useSumo } from '../crypto/index.ts';
import { decryptReport } from './commands/decrypt.ts';
import { dossierOpen } from './commands/dossier.ts';
import { receiptKeyNew } from './commands/receipt-key.ts';
import { exportReports } from './commands/export.ts';
import { grantAccept } from './commands/grant.ts';
import { keyringInvestigator, keyringNew, keyringShow } from './commands/keyring.ts';
import { officerAdd, officerGrant, officerList, officerRevoke } from './commands/officer.ts';
import { policeKeyNew } from './commands/police-key.ts';
import { parseCommandArgs, type Command } from './lib/command.ts';
import { isCliFailure } from './lib/errors.ts';
import { processIo, type Io } from './lib/io.ts';

export const COMMANDS: readonly Command[] = [
  policeKeyNew, keyringNew, keyringShow, keyringInvestigator,
  officerAdd, officerList, officerRevoke, officerGrant, grantAccept,
  exportReports, decryptReport, dossierOpen, receiptKeyNew,
];

function overview(prefix?: string): string {
  const shown = COMMANDS.filter((c) => !prefix || c.name.startsWith(prefix + ' '));
  const width = Math.max(...shown.map((c) => c.name.length));
  return `Usage: npm run sd -- <command> [options]     (sd <command> --help for details)

Commands:
${shown.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Passphrases: --passphrase-file <path>, else env SD_PASSPHRASE, else a hidden prompt.
Step by step: docs/key-ceremony.md
`;
}

/** Finds the command named by the first one or two words of `argv`. */
function lookup(argv: readonly string[]): { cmd: Command; rest: string[] } | undefined {
  for (const words of [2, 1]) {
    const name = argv.slice(0, words).join(' ');
    const cmd = COMMANDS.find((c) => c.name === name);
    if (cmd) return { cmd, rest: argv.slice(words) };
  }
  return undefined;
}

/** Runs the CLI; resolves to the process exit code (0 ok, 1 failure). */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    io.stdout(overview());
    return argv.length === 0 ? 1 : 0;
  }
  const found = lookup(argv);
  if (!found) {
    const group = COMMANDS.some((c) => c.name.startsWith(argv[0] + ' '));
    if (group && (argv.length === 1 || argv[1] === '--help' || argv[1] === '-h')) {
      io.stdout(overview(argv[0]));
      return argv.length === 1 ? 1 : 0;
    }
    io.stderr(`sd: unknown command "${argv.slice(0, group ? 2 : 1).join(' ')}" (see: sd --help)\n`);
    return 1;
  }
  try {
    const args = parseCommandArgs(found.cmd, found.rest);
    if (args === 'help') {
      io.stdout(found.cmd.help + '\n');
      return 0;
    }
    useSumo();
    await found.cmd.run(args, io);
    return 0;
  } catch (e) {
    if (isCliFailure(e)) io.stderr(`sd: ${e.message}\n`);
    else io.stderr(`sd: unexpected error: ${(e as Error).message ?? String(e)}\n`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // `sd … | head`: a reader that stops early is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  main(process.argv.slice(2), processIo()).then((code) => {
    process.exitCode = code;
  });
}
