/** Scans a folder's files (SQLite `-wal`/`-shm` included) and logs for canary strings. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) out.push(...filesUnder(p));
    else if (st.isFile()) out.push(p);
  }
  return out;
}

/** Files (and the log, if given) in which any of `needles` occurs, as UTF-8 or UTF-16LE. */
export function findCanaries(dir: string, needles: string[], extraFiles: string[] = []): Array<{ file: string; needle: string }> {
  const hits: Array<{ file: string; needle: string }> = [];
  for (const file of [...filesUnder(dir), ...extraFiles]) {
    const bytes = readFileSync(file);
    for (const needle of needles) {
      if (bytes.includes(Buffer.from(needle, 'utf8')) || bytes.includes(Buffer.from(needle, 'utf16le'))) hits.push({ file, needle });
    }
  }
  return hits;
}
