import { describe, expect, it } from 'vitest';
import { parseCommandArgs, type Command } from './command.ts';
import { UsageError } from './errors.ts';

const cmd: Command = {
  name: 'thing do',
  summary: 'test',
  help: 'Usage: sd thing do <file> --out <file>',
  options: { out: { type: 'string' }, force: { type: 'boolean' } },
  required: ['out'],
  positionals: ['file'],
  run: async () => {},
};

describe('parseCommandArgs', () => {
  it('parses options and positionals', () => {
    expect(parseCommandArgs(cmd, ['a.json', '--out', 'b.csv', '--force'])).toEqual({ values: { out: 'b.csv', force: true }, positionals: ['a.json'] });
    expect(parseCommandArgs(cmd, ['--out=b.csv', 'a.json'])).toMatchObject({ values: { out: 'b.csv' } });
  });
  it('answers help before checking anything else', () => {
    expect(parseCommandArgs(cmd, ['--help'])).toBe('help');
    expect(parseCommandArgs(cmd, ['-h', '--bogus'])).toBe('help');
  });
  it.each([
    [['a.json', '--out', 'b', '--bogus'], 'unknown option --bogus (see: sd thing do --help)'],
    [['a.json', '--out'], 'option --out needs a value (see: sd thing do --help)'],
    [['a.json', '--force=yes', '--out', 'b'], 'option --force takes no value (see: sd thing do --help)'],
    [['a.json'], 'missing --out (see: sd thing do --help)'],
    [['--out', 'b'], 'missing <file> (see: sd thing do --help)'],
    [['a', 'b', '--out', 'c'], 'unexpected argument "b" (see: sd thing do --help)'],
  ])('refuses %j with a one-line message', (argv, message) => {
    expect(() => parseCommandArgs(cmd, argv)).toThrow(UsageError);
    expect(() => parseCommandArgs(cmd, argv)).toThrow(message);
  });
});

describe('ids and keys that start with a dash', () => {
  const cmd: Command = {
    name: 'officer revoke',
    summary: '',
    help: '',
    options: { api: { type: 'string' }, 'public-key': { type: 'string' }, force: { type: 'boolean' } },
    positionals: ['officerId'],
    run: async () => undefined,
  };
  it('reads a dash-led id as the positional and a dash-led key as an option value', () => {
    const id = '-IT3tTJw1bnAqzGmR4tGGg';
    const key = '-' + 'A'.repeat(42);
    expect(parseCommandArgs(cmd, [id, '--api', 'http://x', '--public-key', key])).toEqual({ values: { api: 'http://x', 'public-key': key }, positionals: [id] });
    expect(parseCommandArgs(cmd, ['--force', '--', id])).toEqual({ values: { force: true }, positionals: [id] });
  });
  it('still refuses a real unknown option', () => {
    expect(() => parseCommandArgs(cmd, ['x', '--nope'])).toThrow(/unknown option --nope/);
  });
});
