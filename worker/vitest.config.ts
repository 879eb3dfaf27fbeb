import { fileURLToPath } from 'node:url';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import * as v from 'valibot';
import { defineConfig } from 'vitest/config';
import vectors from '../crypto/fixtures/vectors.json' with { type: 'json' };
import { Deployment } from '../schemas/deployment.ts';
import { testDeployment } from './test/deployment.ts';

// Worker tests inside workerd with real D1 and R2 (`npm run test:worker`). Storage is not
// isolated per test in this pool line: each test file resets it and re-applies the
// migrations in `beforeEach` (worker/test/setup.ts). Node-side tests (`*.node.test.ts`)
// run under the root vitest.config.ts instead.
const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here('..'),
  plugins: [
    cloudflareTest(async () => ({
      wrangler: { configPath: here('../wrangler.toml') },
      miniflare: {
        bindings: {
          // Checked here in Node, so a broken test town fails loudly before any test runs.
          DEPLOYMENT: JSON.stringify(v.parse(Deployment, testDeployment())),
          BOOTSTRAP_ADMIN_PUBLIC_KEY: vectors.officer.publicKey,
          // The known-answer receipt key, so receipts can be checked against libsodium's.
          RECEIPT_SIGNING_KEY: vectors.receiptKey.secretKey,
          TEST_MIGRATIONS: await readD1Migrations(here('migrations')),
          // Fuzz counts (worker/test/fuzz.test.ts): small in `npm test`, full in `npm run test:stress`.
          FUZZ_RUNS: process.env.STRESS === '1' ? '10000' : '200',
        },
        assets: { directory: here('test/assets'), binding: 'ASSETS', routerConfig: { has_user_worker: true, invoke_user_worker_ahead_of_assets: false } },
      },
    })),
  ],
  test: {
    include: ['worker/test/**/*.test.ts'],
    exclude: ['worker/test/**/*.node.test.ts'],
    setupFiles: ['worker/test/setup.ts'],
    testTimeout: 20_000,
  },
});
