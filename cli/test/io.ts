/** An in-memory {@link Io} for running the CLI in-process in tests. */
import type { Io } from '../lib/io.ts';

export interface TestIo extends Io {
  out: string;
  err: string;
}

export function testIo(env: Record<string, string | undefined> = {}, now = () => new Date()): TestIo {
  const io: TestIo = {
    out: '',
    err: '',
    stdout: (t) => void (io.out += t),
    stderr: (t) => void (io.err += t),
    env,
    fetch: globalThis.fetch,
    now,
  };
  return io;
}
