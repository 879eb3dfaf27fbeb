/**
 * `npm run verify-app -- <origin> [hash list]`: checks that an origin serves exactly the app
 * built here (docs/deployment.md, "Checking the served app"). Rebuild first with the town's
 * deployment file; the hash list defaults to `dist/pwa.sha256`. Exit code 0 when every file
 * matches, 1 when one differs or is missing, 2 on a usage error.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildDigest, parseHashes, verifyServed } from './appHashes.ts';

async function main(argv: string[]): Promise<number> {
  const [origin, list = 'dist/pwa.sha256'] = argv;
  if (!origin || origin === '--help' || origin === '-h') {
    console.log('usage: npm run verify-app -- <origin> [hash list, default dist/pwa.sha256]\n  e.g. npm run verify-app -- https://signalement.ville.example');
    return origin ? 0 : 2;
  }
  let url: URL;
  try {
    url = new URL(origin);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('not http(s)');
  } catch {
    console.error(`verify-app: "${origin}" is not an http(s) origin`);
    return 2;
  }
  let files;
  try {
    files = parseHashes(readFileSync(resolve(list), 'utf8'));
  } catch (e) {
    console.error(`verify-app: cannot read the hash list ${list}: ${(e as Error).message} (build first: npm run build)`);
    return 2;
  }
  console.log(`build digest ${buildDigest(files)} (${list})`);
  const { checked, mismatches } = await verifyServed(url.origin, files);
  for (const m of mismatches) console.log(`${m.problem === 'missing' ? 'MISSING' : 'DIFFERENT'} ${m.path}: ${m.detail}`);
  if (mismatches.length) {
    console.log(`${mismatches.length} of ${checked} files differ from this build: do not trust this app.`);
    return 1;
  }
  console.log(`all ${checked} files served by ${url.origin} match this build.`);
  return 0;
}

main(process.argv.slice(2)).then((code) => (process.exitCode = code));
