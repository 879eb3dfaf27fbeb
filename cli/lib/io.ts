/**
 * Everything the CLI touches outside its arguments, passed in so that tests run the CLI
 * in-process with their own environment, output buffers and clock.
 */
import { readPassphraseFromTty } from './tty.ts';

export interface Io {
  /** Raw writes: callers add their own newlines. */
  stdout(text: string): void;
  stderr(text: string): void;
  env: Readonly<Record<string, string | undefined>>;
  fetch: typeof fetch;
  /** Asks for a passphrase without echo; absent when there is no terminal. */
  prompt?: (question: string) => Promise<string>;
  now(): Date;
}

/** The real process: stdout, stderr, environment, network, terminal. */
export function processIo(): Io {
  return {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    env: process.env,
    fetch: globalThis.fetch,
    prompt: process.stdin.isTTY ? readPassphraseFromTty : undefined,
    now: () => new Date(),
  };
}

/** Writes one line to stdout. */
export const say = (io: Io, line = '') => io.stdout(line + '\n');
/** Writes one line to stderr (warnings, reminders). */
export const warn = (io: Io, line: string) => io.stderr(line + '\n');
