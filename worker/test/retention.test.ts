/**
 * `scheduled`: retention purges expired and too old reports with their messages, events and
 * blobs, orphan blobs and old nonces, closes the purged reports' mailbox sockets, and touches
 * nothing else.
 */
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it } from 'vitest';
import { toB64 } from '../../schemas/encoding.ts';
import { mailboxLiveTarget } from '../../schemas/mailbox-api.ts';
import { isoHour, isoSeconds } from '../../schemas/time.ts';
import worker from '../src/index.ts';
import { orphanCutoff, retentionCutoff } from '../src/retention.ts';
import {
  bootstrapAdmin, mailboxCall, newBlob, newEvent, newMailbox, newMessage, officerCall, putBlob, randomBytes, signature, type TestMailbox,
} from './helpers.ts';
import { closeSockets, openSocket } from './live.ts';

afterEach(() => {
  closeSockets();
});

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

  it('computes the orphan cutoff: upload hours before it are at least 24 hours old', () => {
    expect(orphanCutoff(new Date('2026-11-23T10:17:00Z'))).toBe('2026-11-22T10:00:00Z');
    expect(orphanCutoff(new Date('2026-03-01T00:00:00Z'))).toBe('2026-02-28T00:00:00Z');
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

  it('takes a purged report’s messages, events and blobs, and nothing of the reports it keeps', async () => {
    const admin = await bootstrapAdmin();
    const boxes: TestMailbox[] = [await newMailbox(), await newMailbox()];
    const [gone, kept] = boxes as [TestMailbox, TestMailbox];
    // The third blob is named by nobody: an orphan once its hour is old.
    const [goneBlob, keptBlob, orphan] = [newBlob(), newBlob(), newBlob()];
    for (const b of [goneBlob, keptBlob, orphan]) expect((await putBlob(b)).status).toBe(201);
    const link = env.DB.prepare('INSERT INTO report_blobs (blob_id, report_id) VALUES (?, ?)');
    await env.DB.batch([
      env.DB.prepare('UPDATE reports SET blobs = ? WHERE id = ?').bind(JSON.stringify([goneBlob.id]), gone.id),
      env.DB.prepare('UPDATE reports SET blobs = ? WHERE id = ?').bind(JSON.stringify([keptBlob.id]), kept.id),
      link.bind(goneBlob.id, gone.id),
      link.bind(keptBlob.id, kept.id),
    ]);
    for (const b of boxes) {
      expect((await mailboxCall(b.id, b.authorization, { body: newMessage() })).status).toBe(201);
      expect((await officerCall(admin, 'POST', `/api/v1/reports/${b.id}/events`, newEvent())).status).toBe(201);
    }
    const now = Date.now();
    await env.DB.batch([
      env.DB.prepare('UPDATE reports SET expires_at = ? WHERE id = ?').bind(isoSeconds(new Date(now - 1000)), gone.id),
      env.DB.prepare('UPDATE blobs SET uploaded_at = ?').bind(isoHour(new Date(now - 30 * 3_600_000))),
    ]);
    await runScheduled(now);
    const left = async (sql: string) => (await env.DB.prepare(sql).all<Record<string, string>>()).results.map((r) => Object.values(r)[0]);
    expect(await ids()).toEqual([kept.id]);
    expect(await left('SELECT report_id FROM messages')).toEqual([kept.id]);
    expect(await left('SELECT report_id FROM events')).toEqual([kept.id]);
    expect(await left('SELECT report_id FROM report_blobs')).toEqual([kept.id]);
    expect(await left('SELECT id FROM blobs')).toEqual([keptBlob.id]);
    expect(await env.BLOBS.head(orphan.id)).toBeNull();
    expect((await env.BLOBS.list()).objects.map((o) => o.key)).toEqual([keptBlob.id]);
    // A second run finds nothing more to do.
    await runScheduled(now);
    expect(await ids()).toEqual([kept.id]);
    expect((await env.BLOBS.list()).objects.map((o) => o.key)).toEqual([keptBlob.id]);
  });

  it('closes the live sockets of a purged report’s mailbox (1008), and no other socket', async () => {
    const gone = await newMailbox();
    const kept = await newMailbox();
    const sockets = [];
    for (const b of [gone, kept]) {
      const s = await openSocket(mailboxLiveTarget(b.id));
      s.ws.send(b.authorization);
      expect(await s.next()).toEqual({ type: 'ready' });
      sockets.push(s);
    }
    const admin = await bootstrapAdmin();
    const hub = await openSocket('/api/v1/live');
    hub.ws.send(await signature(admin, 'GET', '/api/v1/live', ''));
    expect(await hub.next()).toEqual({ type: 'ready' });
    await env.DB.prepare("UPDATE reports SET received_at = '2020-01-01T00:00:00Z' WHERE id = ?").bind(gone.id).run();
    await runScheduled(Date.now());
    expect(await sockets[0]!.closesWithin(2000)).toBe(1008);
    expect(await sockets[1]!.closesWithin(300)).toBeUndefined();
    expect(await hub.closesWithin(100)).toBeUndefined();
  });
});
