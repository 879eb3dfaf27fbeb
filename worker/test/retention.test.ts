/** `scheduled`: retention purges expired and too old reports with their blobs, and old nonces. */
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { toB64 } from '../../schemas/encoding.ts';
import { isoHour, isoSeconds } from '../../schemas/time.ts';
import worker from '../src/index.ts';
import { retentionCutoff } from '../src/retention.ts';
import { bootstrapAdmin, officerCall, randomBytes } from './helpers.ts';

const NOW = Date.parse('2026-11-23T10:17:00Z');

async function insertReport(receivedAt: string, expiresAt: string | null, blobs: string[] = []): Promise<string> {
  const id = toB64(randomBytes(16));
  await env.DB.prepare('INSERT INTO reports (id, kid, sealed, blobs, received_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)')
    .bind(id, 'AAAAAAAAAAAAAAAAAAAAAA', toB64(randomBytes(1072)), JSON.stringify(blobs), receivedAt, expiresAt)
    .run();
  return id;
}

async function runScheduled(at: number) {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ scheduledTime: at, cron: '17 * * * *' }), env, ctx);
  await waitOnExecutionContext(ctx);
}

const ids = async () => (await env.DB.prepare('SELECT id FROM reports ORDER BY seq').all<{ id: string }>()).results.map((r) => r.id);

describe('retention', () => {
  it('computes the cutoff in calendar months, to the hour', () => {
    expect(retentionCutoff(new Date('2026-11-23T10:17:00Z'), 12)).toBe('2025-11-23T10:00:00Z');
    expect(retentionCutoff(new Date('2026-03-31T00:30:00Z'), 1)).toBe('2026-03-03T00:00:00Z');
  });

  it('deletes reports past expiresAt or older than retention.months, with their blobs', async () => {
    const oldBlob = toB64(randomBytes(32));
    const expiredBlob = toB64(randomBytes(32));
    const keptBlob = toB64(randomBytes(32));
    for (const b of [oldBlob, expiredBlob, keptBlob]) await env.BLOBS.put(b, randomBytes(64));
    await insertReport('2025-11-23T09:00:00Z', null, [oldBlob]); // 12 months and an hour: gone
    const boundary = await insertReport('2025-11-23T10:00:00Z', null); // exactly 12 months: kept
    await insertReport('2026-11-20T10:00:00Z', '2026-11-23T10:17:00Z', [expiredBlob]); // expires now: gone
    const future = await insertReport('2026-11-20T10:00:00Z', '2026-11-23T10:18:00Z', [keptBlob]);
    const recent = await insertReport('2026-11-23T10:00:00Z', null);
    await runScheduled(NOW);
    expect(await ids()).toEqual([boundary, future, recent]);
    expect((await env.BLOBS.list()).objects.map((o) => o.key)).toEqual([keptBlob]);
  });

  it('forgets replay-cache pairs once ts + 300 has passed', async () => {
    const nowS = NOW / 1000;
    const stmt = env.DB.prepare('INSERT INTO replay_cache (officer_id, nonce, expires_at) VALUES (?, ?, ?)');
    await env.DB.batch([stmt.bind('o', 'past', nowS - 1), stmt.bind('o', 'now', nowS), stmt.bind('o', 'future', nowS + 200)]);
    await runScheduled(NOW);
    const left = await env.DB.prepare('SELECT nonce FROM replay_cache ORDER BY nonce').all<{ nonce: string }>();
    expect(left.results.map((r) => r.nonce)).toEqual(['future', 'now']);
  });

  it('purges a case an officer closed early through PUT expiry', async () => {
    const admin = await bootstrapAdmin();
    const closed = await insertReport(isoHour(new Date()), null);
    const open = await insertReport(isoHour(new Date()), null);
    const expiresAt = isoSeconds(new Date(Date.now() - 60_000));
    expect((await officerCall(admin, 'PUT', `/api/v1/reports/${closed}/expiry`, { expiresAt })).status).toBe(204);
    await runScheduled(Date.now());
    expect(await ids()).toEqual([open]);
  });
});
