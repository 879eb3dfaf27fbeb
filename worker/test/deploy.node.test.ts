/**
 * The Worker as Cloudflare would take it: `wrangler.toml` keeps Workers Logs and traces off
 * (they would record headers and IPs), `wrangler deploy --dry-run` bundles it, and the
 * bundle holds no libsodium (which cannot run in workerd, STACK.md) but the precompiled
 * WebAssembly BLAKE2b.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { experimental_readRawConfig } from 'wrangler';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_API } from '../../scripts/configure.ts';
import { apiWranglerToml } from '../../scripts/deployment.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), 'worker-helper-deploy-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

describe('wrangler.toml', () => {
  const { rawConfig } = experimental_readRawConfig({ config: join(ROOT, 'wrangler.toml') });

  it('keeps observability and its logs off', () => {
    expect(rawConfig.observability?.enabled).toBe(false);
    expect(rawConfig.observability?.logs?.enabled).toBe(false);
    expect(rawConfig.observability?.logs?.invocation_logs).toBe(false);
    expect(rawConfig.logpush ?? false).toBe(false);
    expect(rawConfig.tail_consumers ?? []).toEqual([]);
  });

  it('runs the Worker only for /api/* with the bindings it uses', () => {
    expect(rawConfig.main).toBe('worker/src/index.ts');
    expect(rawConfig.compatibility_flags).toContain('nodejs_compat');
    expect(rawConfig.assets).toMatchObject({ binding: 'ASSETS', run_worker_first: ['/api/*'] });
    expect(rawConfig.d1_databases?.[0]).toMatchObject({ binding: 'DB', migrations_dir: 'worker/migrations' });
    expect(rawConfig.r2_buckets?.[0]).toMatchObject({ binding: 'BLOBS' });
    expect(rawConfig.triggers?.crons?.length).toBeGreaterThan(0);
  });

  it('declares the live channel objects and the flood gate as SQLite-backed Durable Objects', () => {
    expect(rawConfig.durable_objects?.bindings).toEqual([
      { name: 'MAILBOX_LIVE', class_name: 'MailboxLive' },
      { name: 'OFFICER_HUB', class_name: 'OfficerHub' },
      { name: 'FLOOD_GATE', class_name: 'FloodGate' },
    ]);
    expect(rawConfig.migrations).toEqual([
      { tag: 'v1', new_sqlite_classes: ['MailboxLive', 'OfficerHub'] },
      { tag: 'v2', new_sqlite_classes: ['FloodGate'] },
    ]);
  });

  it('is what the generator writes (npm run configure -- --demo)', () => {
    expect(readFileSync(join(ROOT, 'wrangler.toml'), 'utf8')).toBe(apiWranglerToml(DEMO_API));
  });
});

describe('worker/ sources', () => {
  it('never import libsodium or crypto/ (Node-side tests aside)', () => {
    const offenders = files(join(ROOT, 'worker'))
      .filter((f) => /\.(ts|js|mjs)$/.test(f) && !f.endsWith('.node.test.ts'))
      .filter((f) => /from\s+['"][^'"]*(libsodium|\/crypto\/(?!fixtures\/))[^'"]*['"]|import\(\s*['"][^'"]*libsodium/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(ROOT, f));
    expect(offenders).toEqual([]);
  });
});

describe('wrangler deploy --dry-run', () => {
  it('bundles the Worker, without libsodium', async () => {
    const assets = join(tmp, 'assets');
    const out = join(tmp, 'out');
    mkdirSync(assets);
    writeFileSync(join(assets, 'index.html'), '<!doctype html><title>dry run</title>');
    const { stdout } = await promisify(execFile)(
      join(ROOT, 'node_modules/.bin/wrangler'),
      ['deploy', '--dry-run', '--outdir', out, '--assets', assets, '--config', join(ROOT, 'wrangler.toml')],
      { cwd: ROOT, env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false', NO_COLOR: '1' }, timeout: 60_000 },
    );
    expect(stdout).toContain('--dry-run: exiting now.');
    const bundle = readFileSync(join(out, 'index.js'), 'utf8');
    expect(bundle).toContain('stopdeal-sig-v1');
    expect(bundle).toContain('stopdeal-receipt-v1');
    expect(bundle).toMatch(/export\s*\{[^}]*\bMailboxLive\b[^}]*\}/);
    expect(bundle).toMatch(/export\s*\{[^}]*\bOfficerHub\b[^}]*\}/);
    expect(bundle).toMatch(/export\s*\{[^}]*\bFloodGate\b[^}]*\}/);
    expect(bundle).not.toMatch(/libsodium|crypto_box_seal|sodium_init/);
    // BLAKE2b ships as a WebAssembly module beside the bundle (compiled at deploy, never at
    // run time), byte for byte the committed blake2b.wasm; no JavaScript BLAKE2b is left.
    const wasm = readdirSync(out).filter((n) => n.endsWith('-blake2b.wasm'));
    expect(wasm).toHaveLength(1);
    expect(bundle).toContain(`from "./${wasm[0]}"`);
    expect(readFileSync(join(out, wasm[0]!)).equals(readFileSync(join(ROOT, 'worker/src/verify/blake2b.wasm')))).toBe(true);
    expect(bundle).not.toContain('@noble/hashes');
  }, 60_000);
});
