/** Bindings the tests see: the Worker's own plus the migrations the config injects. */
import type { D1Migration } from 'cloudflare:test';
import type { Env as WorkerEnv } from '../src/env.ts';

declare global {
  namespace Cloudflare {
    interface Env extends WorkerEnv {
      TEST_MIGRATIONS: D1Migration[];
      /** fast-check runs per endpoint group: 200, or 10,000 under `STRESS=1` (worker/vitest.config.ts). */
      FUZZ_RUNS: string;
    }
  }
}
