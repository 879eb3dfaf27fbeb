/**
 * The test town: the demo template with the known-answer police key and receipt key of
 * `crypto/fixtures/vectors.json` pinned, a low proof-of-work difficulty, and test origins.
 * Imported both by `worker/vitest.config.ts` (Node) and by the tests (workerd).
 */
import template from '../../deploy/demo.template.json' with { type: 'json' };
import vectors from '../../crypto/fixtures/vectors.json' with { type: 'json' };
import type { DeploymentInput } from '../../schemas/deployment.ts';

export const TEST_API_ORIGIN = 'http://127.0.0.1:28787';
export const TEST_VIEWER_ORIGIN = 'http://127.0.0.1:28788';
export const OTHER_VIEWER_ORIGIN = 'https://viewer.example.org';
export const TEST_POW_BITS = 6;
/**
 * The test town's effort target: high, so tests that store many reports never raise the
 * effort; the flood tests (flood.test.ts) use their own town with a small target.
 */
export const TEST_TARGET_PER_WINDOW = 100_000;

export function testDeployment(overrides: Partial<DeploymentInput> = {}): DeploymentInput {
  return {
    ...(template as unknown as DeploymentInput),
    apiOrigin: TEST_API_ORIGIN,
    viewerOrigins: [TEST_VIEWER_ORIGIN, OTHER_VIEWER_ORIGIN],
    powBits: TEST_POW_BITS,
    policeKeys: [{ kid: vectors.police.kid, publicKey: vectors.police.publicKey, status: 'active', createdAt: '2026-01-01T00:00:00Z' }],
    effort: { targetPerWindow: TEST_TARGET_PER_WINDOW },
    retention: { months: 12, closedMonths: 2 },
    receiptPublicKey: vectors.receiptKey.publicKey,
    ...overrides,
  };
}
