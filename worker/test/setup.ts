/**
 * Before every test: empty every binding and re-apply the D1 migrations, because this
 * pool line does not isolate storage per test (STACK.md).
 */
import { applyD1Migrations, reset } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeEach } from 'vitest';

beforeEach(async () => {
  await reset();
  await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
});
