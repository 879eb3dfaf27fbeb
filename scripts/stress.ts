/**
 * `npm run test:stress` (outside `npm test`): the stress suite, with `STRESS=1` so each file
 * takes its full counts (docs/hostile-traffic.md "Stress suite"). To add a file, add it to
 * its config's list below. Each config runs bounded in time; traffic goes to 127.0.0.1 only
 * (the e2e instance of e2e/global-setup.ts, on `E2E_PORT_BASE` if set).
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const SUITES: { config: string; files: string[]; minutes: number; env?: Record<string, string> }[] = [
  { config: 'worker/vitest.config.ts', files: ['worker/test/fuzz.test.ts'], minutes: 30 },
  { config: 'e2e/vitest.config.ts', files: ['e2e/hostile-http.test.ts', 'e2e/load.test.ts', 'e2e/pwa-chaos.test.ts', 'e2e/viewer-flood.test.ts'], minutes: 60 },
  // The app against the real raised effort: its own instance with a tiny effort target (skipped in `npm test`).
  { config: 'e2e/vitest.config.ts', files: ['e2e/pwa-effort-live.test.ts'], minutes: 15, env: { E2E_EFFORT_TARGET: '3', E2E_PORT_BASE: String(Number(process.env.E2E_PORT_BASE ?? 18787) + 1000) } },
];

function runSuite(s: (typeof SUITES)[number]): Promise<number> {
  return new Promise((done) => {
    const child = spawn(resolve('node_modules/.bin/vitest'), ['run', '--config', s.config, ...s.files], {
      env: { ...process.env, STRESS: '1', ...s.env },
      stdio: 'inherit',
      detached: true,
    });
    const timer = setTimeout(() => {
      console.error(`stress: ${s.config} passed its ${s.minutes} min bound; stopping it`);
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        /* already gone */
      }
    }, s.minutes * 60_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      done(code ?? 1);
    });
  });
}

let failed = 0;
for (const s of SUITES) {
  console.log(`stress: ${s.config}: ${s.files.join(' ')}`);
  if ((await runSuite(s)) !== 0) failed++;
}
process.exit(failed ? 1 : 0);
