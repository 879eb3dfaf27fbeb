import { describe, expect, it } from 'vitest';
import type { OutboxRow, SentRow } from './db.ts';
import { backoffMs, flushOutbox, withPow, type Lock, type OutboxStore } from './outbox.ts';

const BODY = JSON.stringify({ v: 1, id: 'AAAAAAAAAAAAAAAAAAAAAA', kid: 'k', sealed: 'c2VhbGVk', mailbox: 'm', pow: 'AAAAAAAAAAA' });

function memoryStore(rows: OutboxRow[]) {
  const outbox = new Map(rows.map((r) => [r.id, { ...r }]));
  const sent: SentRow[] = [];
  const store: OutboxStore = {
    async waiting() {
      return [...outbox.values()].filter((r) => r.state === 'waiting').map((r) => ({ ...r }));
    },
    async update(id, changes) {
      const row = outbox.get(id);
      if (row) outbox.set(id, { ...row, ...changes });
    },
    async markSent(id, receivedAt) {
      const row = outbox.get(id)!;
      outbox.delete(id);
      sent.push({ id, day: row.day, receivedAt });
    },
  };
  return { store, outbox, sent };
}

/** A valid report id (16 bytes of b64) made from one letter, so answers parse. */
const rid = (letter: string) => letter.repeat(21) + 'A';
const entry = (id: string, extra: Partial<OutboxRow> = {}): OutboxRow => ({ id, body: BODY.replace('AAAAAAAAAAAAAAAAAAAAAA', rid(id)), state: 'waiting', day: '2026-11-23', attempts: 0, nextAttemptAt: 0, ...extra });

type Reply = { status: number; body?: unknown; headers?: Record<string, string> } | 'network';

/** A fetch that answers from a script and records every request body. */
function scriptedFetch(replies: Reply[]) {
  const calls: Array<{ url: string; body: string; contentType: string | null }> = [];
  const fetch = async (url: string, init?: RequestInit) => {
    calls.push({ url, body: init?.body as string, contentType: new Headers(init?.headers).get('content-type') });
    const reply = replies.shift() ?? 'network';
    if (reply === 'network') throw new TypeError('Failed to fetch');
    return new Response(reply.body === undefined ? null : JSON.stringify(reply.body), { status: reply.status, headers: reply.headers });
  };
  return { fetch, calls };
}

const noLock: Lock = (fn) => fn();
const stored = (id: string) => ({ status: 201, body: { id: rid(id), receivedAt: '2026-11-23T21:00:00Z' } });
const error = (status: number, code: string) => ({ status, body: { error: { code, message: 'x' } } });

describe('outbox', () => {
  it('posts the stored body byte for byte and moves the entry to "sent" after a 201', async () => {
    const { store, outbox, sent } = memoryStore([entry('a')]);
    const { fetch, calls } = scriptedFetch([stored('a')]);
    const r = await flushOutbox({ store, fetch, lock: noLock });
    expect(calls).toEqual([{ url: '/api/v1/reports', body: entry('a').body, contentType: 'application/json' }]);
    expect(r).toMatchObject({ sent: ['a'], waiting: 0, nextAttemptAt: null });
    expect(outbox.size).toBe(0);
    expect(sent).toEqual([{ id: 'a', day: '2026-11-23', receivedAt: '2026-11-23T21:00:00Z' }]);
  });

  it('treats a 200 (already stored) as delivered', async () => {
    const { store, sent } = memoryStore([entry('a')]);
    const { fetch } = scriptedFetch([{ status: 200, body: { id: rid('a'), receivedAt: '2026-11-23T21:00:00Z' } }]);
    await flushOutbox({ store, fetch, lock: noLock });
    expect(sent.map((s) => s.id)).toEqual(['a']);
  });

  it('keeps the entry on a network error, backs off, and resends the same bytes later', async () => {
    const { store, outbox, sent } = memoryStore([entry('a'), entry('b')]);
    const { fetch, calls } = scriptedFetch(['network', stored('a'), stored('b')]);
    let t = 1_000;
    const r1 = await flushOutbox({ store, fetch, lock: noLock, now: () => t, random: () => 0.5 });
    expect(calls).toHaveLength(1); // stops at the first network failure
    expect(r1.waiting).toBe(2);
    expect(outbox.get('a')).toMatchObject({ attempts: 1, nextAttemptAt: 1_000 + backoffMs(1, () => 0.5) });
    // Not yet due and not forced: `a` waits (`b`, never tried, goes).
    await flushOutbox({ store, fetch, lock: noLock, now: () => t });
    expect(calls.filter((c) => c.body.includes(rid('a')))).toHaveLength(1);
    t += 60_000;
    await flushOutbox({ store, fetch, lock: noLock, now: () => t });
    const toA = calls.filter((c) => c.body.includes(rid('a')));
    expect(toA).toHaveLength(2);
    expect(toA[1]!.body).toBe(toA[0]!.body);
    expect(sent.map((s) => s.id).sort()).toEqual(['a', 'b']);
  });

  it('keeps the entry on a 5xx and on an unexpected 2xx', async () => {
    const { store, outbox } = memoryStore([entry('a')]);
    const { fetch } = scriptedFetch([{ status: 503 }, { status: 204 }]);
    await flushOutbox({ store, fetch, lock: noLock });
    expect(outbox.get('a')).toMatchObject({ state: 'waiting', attempts: 1 });
    await flushOutbox({ store, fetch, lock: noLock }, { force: true });
    expect(outbox.get('a')).toMatchObject({ state: 'waiting', attempts: 2 });
  });

  it('honours Retry-After on a 429, even when forced', async () => {
    const { store, outbox } = memoryStore([entry('a'), entry('b')]);
    const { fetch, calls } = scriptedFetch([{ status: 429, body: { error: { code: 'rate_limited', message: 'x' } }, headers: { 'Retry-After': '120' } }, stored('a'), stored('b')]);
    let t = 0;
    const r = await flushOutbox({ store, fetch, lock: noLock, now: () => t });
    expect(calls).toHaveLength(1);
    expect(outbox.get('a')).toMatchObject({ holdUntil: 120_000 });
    expect(r.nextAttemptAt).toBe(120_000);
    t = 119_000;
    await flushOutbox({ store, fetch, lock: noLock, now: () => t }, { force: true });
    expect(calls).toHaveLength(1);
    t = 120_000;
    await flushOutbox({ store, fetch, lock: noLock, now: () => t }, { force: true });
    expect(outbox.size).toBe(0);
  });

  it('keeps a refused entry, marked with its code, and goes on with the others', async () => {
    const { store, outbox, sent } = memoryStore([entry('a'), entry('b')]);
    const { fetch } = scriptedFetch([error(422, 'unknown_key'), stored('b')]);
    const r = await flushOutbox({ store, fetch, lock: noLock });
    expect(r.rejected).toEqual(['a']);
    expect(outbox.get('a')).toMatchObject({ state: 'rejected', errorCode: 'unknown_key' });
    expect(sent.map((s) => s.id)).toEqual(['b']);
    // A refused entry is not retried by later flushes.
    const again = scriptedFetch([]);
    await flushOutbox({ store, fetch: again.fetch, lock: noLock }, { force: true });
    expect(again.calls).toHaveLength(0);
    expect(outbox.get('a')!.state).toBe('rejected');
  });

  it('names a refusal without a protocol body by its status', async () => {
    const { store, outbox } = memoryStore([entry('a')]);
    const { fetch } = scriptedFetch([{ status: 404, body: 'nope' }]);
    await flushOutbox({ store, fetch, lock: noLock });
    expect(outbox.get('a')).toMatchObject({ state: 'rejected', errorCode: 'http_404' });
  });

  it('recomputes the proof of work on pow_invalid and retries at once with only `pow` changed', async () => {
    const { store, sent } = memoryStore([entry('a')]);
    const { fetch, calls } = scriptedFetch([error(400, 'pow_invalid'), stored('a')]);
    const reproved: string[] = [];
    await flushOutbox({ store, fetch, lock: noLock, reprove: async (id, sealed) => (reproved.push(`${id}:${sealed}`), 'BBBBBBBBBBB') });
    expect(reproved).toEqual([`${rid('a')}:c2VhbGVk`]);
    expect(calls[1]!.body).toBe(withPow(calls[0]!.body, 'BBBBBBBBBBB'));
    expect(JSON.parse(calls[1]!.body)).toEqual({ ...JSON.parse(calls[0]!.body), pow: 'BBBBBBBBBBB' });
    expect(Object.keys(JSON.parse(calls[1]!.body))).toEqual(Object.keys(JSON.parse(calls[0]!.body)));
    expect(sent).toHaveLength(1);
  });

  it('without a solver (service worker) marks pow_invalid for the page and keeps the entry', async () => {
    const { store, outbox, sent } = memoryStore([entry('a')]);
    const sw = scriptedFetch([error(400, 'pow_invalid')]);
    await flushOutbox({ store, fetch: sw.fetch, lock: noLock });
    expect(outbox.get('a')).toMatchObject({ state: 'waiting', needsPow: true });
    const page = scriptedFetch([stored('a')]);
    await flushOutbox({ store, fetch: page.fetch, lock: noLock, reprove: async () => 'CCCCCCCCCCC' }, { force: true });
    expect(JSON.parse(page.calls[0]!.body).pow).toBe('CCCCCCCCCCC');
    expect(sent).toHaveLength(1);
  });

  it('never sends twice when two flushes race for the lock', async () => {
    const { store, sent } = memoryStore([entry('a')]);
    let posts = 0;
    const slowFetch = async () => {
      posts++;
      await new Promise((r) => setTimeout(r, 20));
      return new Response(JSON.stringify({ id: 'a', receivedAt: '2026-11-23T21:00:00Z' }), { status: 201 });
    };
    let chain: Promise<unknown> = Promise.resolve();
    const lock: Lock = (fn) => {
      const run = chain.then(fn);
      chain = run.catch(() => undefined);
      return run;
    };
    await Promise.all([flushOutbox({ store, fetch: slowFetch, lock }, { force: true }), flushOutbox({ store, fetch: slowFetch, lock }, { force: true })]);
    expect(posts).toBe(1);
    expect(sent).toHaveLength(1);
  });

  it('backs off exponentially up to five minutes', () => {
    const mid = () => 0.5;
    expect([1, 2, 3, 4].map((n) => backoffMs(n, mid))).toEqual([3000, 6000, 12000, 24000]);
    expect(backoffMs(30, mid)).toBe(300_000);
    expect(backoffMs(1, () => 0)).toBe(2400);
    expect(backoffMs(1, () => 1)).toBe(3600);
  });
});
