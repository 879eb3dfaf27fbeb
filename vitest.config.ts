import { defineConfig } from 'vitest/config';

// Unit tests that run in Node: schemas, crypto (real libsodium), CLI, generators.
// Worker tests run inside workerd (worker/vitest.config.ts); browser tests in e2e/.
export default defineConfig({
  test: {
    include: ['worker/test/**/*.node.test.ts', 'schemas/**/*.test.ts', 'client/**/*.test.ts', 'crypto/**/*.test.ts', 'cli/**/*.test.ts', 'scripts/**/*.test.ts', 'pwa/src/**/*.node.test.ts', 'viewer/src/**/*.node.test.ts', 'tests/**/*.test.{ts,tsx}'],
    testTimeout: 30_000,
  },
});
