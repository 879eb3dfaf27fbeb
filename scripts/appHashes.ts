/**
 * Published build hashes (DESIGN "Known limit"; docs/deployment.md, "Checking the served
 * app"): the web delivers the app's code from the operator, so anyone must be able to rebuild
 * it from the source and the town's deployment file and compare, file by file, with what the
 * town's origin serves. The builds are reproducible (the same bytes from any checkout path,
 * proven in e2e/reproducible.test.ts), so a list of SHA-256 sums is enough.
 *
 * The list is written next to each output folder (`dist/pwa.sha256`), in `sha256sum` format
 * (`<hex>  <path>`, sorted by path), so `sha256sum -c` can check a copy too.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export interface HashedFile {
  /** Path inside the app folder, `/`-separated, no leading `./`. */
  path: string;
  sha256: string;
}

/** Files of a build that are configuration for the static-assets server, never served. */
const NOT_SERVED = new Set(['_headers', '_redirects']);

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

function walk(dir: string, root: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) walk(full, root, out);
    else if (entry.isFile()) out.push(relative(root, full).split(sep).join('/'));
  }
}

/** Every file of a built app with its SHA-256, sorted by path (byte order, like `LC_ALL=C sort`). */
export function hashApp(dir: string): HashedFile[] {
  const paths: string[] = [];
  walk(dir, dir, paths);
  return paths
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((path) => ({ path, sha256: sha256(readFileSync(join(dir, path))) }));
}

/** The `sha256sum` text of a hash list. */
export function formatHashes(files: readonly HashedFile[]): string {
  return files.map((f) => `${f.sha256}  ${f.path}\n`).join('');
}

/** Parses `sha256sum` text; a line that is not `<64 hex>  <path>` is an error naming its number. */
export function parseHashes(text: string): HashedFile[] {
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line, i) => {
      const m = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
      if (!m) throw new Error(`line ${i + 1} is not "<sha256>  <path>"`);
      return { sha256: m[1]!, path: m[2]!.replace(/^\.\//, '') };
    });
}

/** One line that names a whole build: the SHA-256 of its hash list. */
export function buildDigest(files: readonly HashedFile[]): string {
  return sha256(formatHashes(files));
}

/** Writes `<dir>.sha256` and returns the build digest. */
export function writeHashes(dir: string): string {
  const files = hashApp(dir);
  writeFileSync(`${dir}.sha256`, formatHashes(files));
  return buildDigest(files);
}

/** The URL path a file is served at: `index.html` is the origin's `/`. */
export function servedPath(path: string): string {
  return path === 'index.html' ? '/' : `/${path.split('/').map(encodeURIComponent).join('/')}`;
}

export interface Mismatch {
  path: string;
  /** `missing`: not served (an error status); `different`: served with other bytes. */
  problem: 'missing' | 'different';
  detail: string;
}

/**
 * Fetches every served file of a hash list from `origin` and compares. Files the static
 * server never serves (`_headers`) are skipped. Redirects are not followed: a file must be
 * served at its own path.
 */
export async function verifyServed(origin: string, files: readonly HashedFile[], fetchImpl: typeof fetch = fetch): Promise<{ checked: number; mismatches: Mismatch[] }> {
  const mismatches: Mismatch[] = [];
  let checked = 0;
  for (const f of files) {
    if (NOT_SERVED.has(f.path)) continue;
    checked++;
    const url = new URL(servedPath(f.path), origin);
    let res: Response;
    try {
      res = await fetchImpl(url, { redirect: 'manual', cache: 'no-store' });
    } catch (e) {
      mismatches.push({ path: f.path, problem: 'missing', detail: `no answer (${(e as Error).message})` });
      continue;
    }
    if (res.status !== 200) {
      mismatches.push({ path: f.path, problem: 'missing', detail: `HTTP ${res.status}` });
      continue;
    }
    const got = sha256(new Uint8Array(await res.arrayBuffer()));
    if (got !== f.sha256) mismatches.push({ path: f.path, problem: 'different', detail: `served ${got}, built ${f.sha256}` });
  }
  return { checked, mismatches };
}
