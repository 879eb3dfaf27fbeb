/**
 * How a subcommand is declared and its arguments parsed (`node:util` parseArgs, strict):
 * each command lists its options, required ones and positionals, and gets `--help`.
 * Parse failures become one-line {@link UsageError}s naming the command's help.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './errors.ts';
import type { Io } from './io.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

export interface Command {
  /** Words after `sd`, e.g. `keyring new`. */
  name: string;
  summary: string;
  /** The usage line(s) and option list shown by `--help`. */
  help: string;
  options: Options;
  /** Options that must be given, by name. */
  required?: readonly string[];
  /** Names of positional arguments, all required, in order. */
  positionals?: readonly string[];
  run(args: ParsedArgs, io: Io): Promise<void>;
}

export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** A base64url key or id (16 or 32 bytes): it may start with `-`, like an option. */
const B64_VALUE = /^[A-Za-z0-9_-]{22}$|^[A-Za-z0-9_-]{43}$/;

/**
 * Ids and keys are base64url, so one in 64 starts with `-` and would be read as an option:
 * `--opt <value>` becomes `--opt=<value>`, and an id-shaped word that is not one of the
 * command's options goes after `--` as a positional.
 */
function keyValuesAsValues(cmd: Command, argv: readonly string[]): string[] {
  const end = argv.indexOf('--');
  const head = end < 0 ? [...argv] : argv.slice(0, end);
  const tail = end < 0 ? [] : argv.slice(end + 1);
  const isOption = (a: string) => a.startsWith('--') && a.slice(2).split('=')[0]! in cmd.options;
  const out: string[] = [];
  const moved: string[] = [];
  for (let i = 0; i < head.length; i++) {
    const a = head[i]!;
    const next = head[i + 1];
    if (isOption(a) && !a.includes('=') && cmd.options[a.slice(2)]?.type === 'string' && next !== undefined && next.startsWith('-') && B64_VALUE.test(next)) {
      out.push(`${a}=${next}`);
      i++;
    } else if (a.startsWith('-') && B64_VALUE.test(a) && !isOption(a) && a !== '-h') moved.push(a);
    else out.push(a);
  }
  return moved.length || end >= 0 ? [...out, '--', ...moved, ...tail] : out;
}

/** Parses `argv` for `cmd`; returns `'help'` when `--help` / `-h` is given. */
export function parseCommandArgs(cmd: Command, argv: readonly string[]): ParsedArgs | 'help' {
  // Help wins over any other mistake on the line, as people type it to find out what is wrong.
  const end = argv.indexOf('--');
  if ((end < 0 ? argv : argv.slice(0, end)).some((a) => a === '--help' || a === '-h')) return 'help';
  let parsed;
  try {
    parsed = parseArgs({ args: keyValuesAsValues(cmd, argv), options: { ...cmd.options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(`${describeParseError(e as Error & { code?: string })} (see: sd ${cmd.name} --help)`);
  }
  const values = parsed.values as ParsedArgs['values'];
  delete values.help;
  const expected = cmd.positionals ?? [];
  if (parsed.positionals.length < expected.length) throw new UsageError(`missing <${expected[parsed.positionals.length]}> (see: sd ${cmd.name} --help)`);
  if (parsed.positionals.length > expected.length) throw new UsageError(`unexpected argument "${parsed.positionals[expected.length]}" (see: sd ${cmd.name} --help)`);
  for (const name of cmd.required ?? []) {
    if (values[name] === undefined) throw new UsageError(`missing --${name} (see: sd ${cmd.name} --help)`);
  }
  return { values, positionals: parsed.positionals };
}

function describeParseError(e: Error & { code?: string }): string {
  const option = /'(-[^' ]*)/.exec(e.message)?.[1];
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${option ?? ''}`.trim();
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /argument missing/.test(e.message) ? `option ${option ?? ''} needs a value` : `option ${option ?? ''} takes no value`;
    default:
      return 'invalid arguments';
  }
}

/** A string option restricted to a few values. */
export function oneOf<T extends string>(cmd: Command, name: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (see: sd ${cmd.name} --help)`);
}

/** A string option's value (parseArgs types say string | boolean). */
export const str = (x: string | boolean | undefined): string | undefined => (typeof x === 'string' ? x : undefined);
