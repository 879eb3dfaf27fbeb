import { defineConfig } from 'vitest/config';

// Browser and CLI tests against a real local instance (e2e/global-setup.ts): wrangler dev
// (workerd, local D1/R2) on ports 18787/18788 and Debian's Chromium via playwright-core.
export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 180_000,
    reporters: ['default'],
  },
});
