/**
 * `npm run configure -- deploy/<town>.json [--out build/<town>] [--d1 <database id>]`
 * turns a town's deployment file into its Worker and viewer configuration
 * (docs/deployment.md). `npm run configure -- --demo` rewrites the committed demo configs
 * (root `wrangler.toml`, `viewer/wrangler.toml`) from the same generator.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { apiWranglerToml, loadDeployment, viewerWranglerToml, workerVars } from './deployment.ts';

/** The committed demo configuration: `npm start` supplies its variables via `.dev.vars`. */
export const DEMO_API = {
  name: 'stop-deal',
  main: 'worker/src/index.ts',
  assets: 'dist/pwa',
  migrations: 'worker/migrations',
  d1DatabaseId: '00000000-0000-4000-8000-000000000000',
  bucket: 'stop-deal-blobs',
};
export const DEMO_VIEWER = { name: 'stop-deal-viewer', assets: '../dist/viewer' };

async function main() {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { out: { type: 'string' }, d1: { type: 'string' }, demo: { type: 'boolean' } } });
  if (values.demo) {
    writeFileSync('wrangler.toml', apiWranglerToml(DEMO_API));
    writeFileSync('viewer/wrangler.toml', viewerWranglerToml(DEMO_VIEWER));
    console.log('wrote wrangler.toml and viewer/wrangler.toml');
    return;
  }
  const file = positionals[0];
  if (!file) throw new Error('usage: npm run configure -- deploy/<town>.json [--out build/<town>] [--d1 <database id>]');
  const d = await loadDeployment(file);
  const out = resolve(values.out ?? join('build', d.town.id));
  mkdirSync(out, { recursive: true });
  const rel = (p: string) => relative(out, resolve(p));
  writeFileSync(
    join(out, 'wrangler.toml'),
    apiWranglerToml({
      name: `stop-deal-${d.town.id}`,
      main: rel('worker/src/index.ts'),
      assets: rel(join(out, 'pwa')),
      migrations: rel('worker/migrations'),
      d1DatabaseId: values.d1 ?? '00000000-0000-4000-8000-000000000000',
      bucket: `stop-deal-${d.town.id}-blobs`,
      vars: workerVars(d),
    }),
  );
  writeFileSync(join(out, 'viewer.wrangler.toml'), viewerWranglerToml({ name: `stop-deal-${d.town.id}-viewer`, assets: 'viewer' }));
  console.log(`wrote ${relative('.', out)}/wrangler.toml and viewer.wrangler.toml; build the apps with STOPDEAL_DEPLOYMENT=${file}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e) => {
    console.error(`configure: ${(e as Error).message}`);
    process.exit(1);
  });
}
