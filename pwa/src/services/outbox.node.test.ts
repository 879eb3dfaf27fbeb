import { describe, expect, it } from 'vitest';
import type { OutboxRow, SentRow } from './db.ts';
import { backoffMs, flushOutbox, MAX_PROOF_ROUNDS, withPow, type Lock, type OutboxStore } from './outbox.ts';

const BODY = JSON.stringify({ v: 1, id: 'AAAAAAAAAAAAAAAAAAAAAA', kid: 'k', sealed: 'c2VhbGVk', mailbox: 'm', pow: 'AAAAAAAAAAA' });

function memoryStore(rows: OutboxRow[], blobs: Record<string, Uint8Array<ArrayBuffer>> = {}) {
  const outbox = new Map(rows.map((r) => [r.id, { ...r }]));
  const sent: SentRow[] = [];
  const delivered: string[] = [];
  const store: OutboxStore = {
    async waiting() {
      return [...outbox.values()].filter((r) => r.state === 'waiting').sort((a, b) => (a.order ?? 0) - (b.order ?? 0)).map((r) => ({ ...r }));
    },
    async update(id, changes) {
      const row = outbox.get(id);
      if (row) outbox.set(id, { ...row, ...changes });
    },
    async markSent(id, receivedAt, receipt) {
      const row = outbox.get(id)!;
      outbox.delete(id);
      sent.push({ id, day: row.day, receivedAt, ...(receipt ? { receipt } : {}) });
    },
    async markDelivered(id) {
      outbox.delete(id);
      delivered.push(id);
    },
    async blobBytes(entryId, blobId) {
      return blobs[`${entryId}:${blobId}`];
    },
    // In these tests the "box" is the authorisation itself; null stands for a lost device key.
    async authorization(row) {
      return (row.auth as unknown as string | undefined) ?? null;
    },
  };
  return { store, outbox, sent, delivered };
}

/** A valid report id (16 bytes of b64) made from one letter, so answers parse. */
const rid = (letter: string) => letter.repeat(21) + 'A';
const entry = (id: string, extra: Partial<OutboxRow> = {}): OutboxRow => ({
  id, kind: 'report', target: '/api/v1/reports', body: BODY.replace('AAAAAAAAAAAAAAAAAAAAAA', rid(id)), state: 'waiting', day: '2026-11-23', attempts: 0, nextAttemptAt: 0, ...extra,
});

type Reply = { status: number; body?: unknown; headers?: Record<string, string> } | 'network';

/** A fetch that answers from a script and records every request body. */
function scriptedFetch(replies: Reply[]) {
  const calls: Array<{ url: string; body: string; contentType: string | null; method?: string; authorization?: string | null; pow?: string | null }> = [];
  const fetch = async (url: string, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    calls.push({ url, body: init?.body as string, contentType: headers.get('content-type'), ...(init?.method === 'GET' || init?.method === 'PUT' ? { method: init.method } : {}), ...(headers.has('x-pow') ? { pow: headers.get('x-pow') } : {}), ...(headers.has('authorization') ? { authorization: headers.get('authorization') } : {}) });
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

  it('keeps the Worker\'s receipt with the report it proves (issue 3)', async () => {
    const { store, sent } = memoryStore([entry('a')]);
    const sig = 'S'.repeat(85) + 'A'; // 64 bytes of b64, canonical
    const { fetch } = scriptedFetch([{ status: 201, body: { id: rid('a'), receivedAt: '2026-11-23T21:00:00Z', receipt: sig } }]);
    await flushOutbox({ store, fetch, lock: noLock });
    expect(sent).toEqual([{ id: 'a', day: '2026-11-23', receivedAt: '2026-11-23T21:00:00Z', receipt: sig }]);
  });
});

describe('outbox: answers to the police (issue 3, PROTOCOL §4)', () => {
  const MAILBOX = (r: string) => `/api/v1/mailbox/${rid(r)}`;
  /** A sealed message of the smallest bucket (1064 bytes as b64), told apart by `n`. */
  const sealedOf = (n: number) => ('B'.repeat(n) + 'A'.repeat(1419)).slice(0, 1419);
  const answer = (id: string, mailbox: string, n: number, extra: Partial<OutboxRow> = {}): OutboxRow => ({
    id, kind: 'message', target: MAILBOX(mailbox), mailboxId: rid(mailbox), body: JSON.stringify({ kid: 'k', sealed: sealedOf(n) }),
    state: 'waiting', day: '2026-11-23', attempts: 0, nextAttemptAt: 0, order: n, auth: `Mailbox secret-${mailbox}` as never, ...extra,
  });
  const posted = (seq: number) => ({ status: 201, body: { seq, at: '2026-11-23T21:40:00Z' } });
  const listed = (...items: Array<{ seq: number; from: 'police' | 'reporter'; sealed: string }>) => ({ status: 200, body: { messages: items.map((m) => ({ ...m, kid: 'A'.repeat(22), at: '2026-11-23T21:40:00Z' })), next: null } });

  it('posts the stored body to its mailbox with its authorisation, in the order written; 201 delivers it', async () => {
    const { store, outbox, delivered, sent } = memoryStore([answer('m2', 'x', 2), answer('m1', 'x', 1)]);
    const { fetch, calls } = scriptedFetch([posted(1), posted(2)]);
    const r = await flushOutbox({ store, fetch, lock: noLock });
    expect(calls).toEqual([
      { url: MAILBOX('x'), body: answer('m1', 'x', 1).body, contentType: 'application/json', authorization: 'Mailbox secret-x' },
      { url: MAILBOX('x'), body: answer('m2', 'x', 2).body, contentType: 'application/json', authorization: 'Mailbox secret-x' },
    ]);
    expect(delivered).toEqual(['m1', 'm2']);
    expect(r).toMatchObject({ sent: ['m1', 'm2'], waiting: 0 });
    expect(outbox.size).toBe(0);
    expect(sent).toEqual([]); // answers are not reports
  });

  it('after a lost answer, looks in the conversation before posting again: never stored twice', async () => {
    const { store, outbox, delivered } = memoryStore([answer('m1', 'x', 1, { sinceSeq: 3 })]);
    // The POST reached the Worker, but its answer never came back.
    const first = scriptedFetch(['network']);
    await flushOutbox({ store, fetch: first.fetch, lock: noLock, now: () => 0, random: () => 0.5 });
    expect(outbox.get('m1')).toMatchObject({ state: 'waiting', unsure: true, attempts: 1, nextAttemptAt: 3000 });
    const second = scriptedFetch([listed({ seq: 4, from: 'police', sealed: sealedOf(9) }, { seq: 5, from: 'reporter', sealed: sealedOf(1) })]);
    await flushOutbox({ store, fetch: second.fetch, lock: noLock }, { force: true });
    expect(second.calls).toEqual([{ url: `${MAILBOX('x')}?after=3&limit=500`, body: undefined, contentType: null, method: 'GET', authorization: 'Mailbox secret-x' }]);
    expect(delivered).toEqual(['m1']);
  });

  it('posts again, once, when the lost answer is not in the conversation', async () => {
    const { store, delivered } = memoryStore([answer('m1', 'x', 1, { unsure: true })]);
    const { fetch, calls } = scriptedFetch([listed({ seq: 1, from: 'police', sealed: sealedOf(1) }), posted(2)]);
    await flushOutbox({ store, fetch, lock: noLock });
    expect(calls.map((c) => c.method ?? 'POST')).toEqual(['GET', 'POST']);
    expect(delivered).toEqual(['m1']);
  });

  it('a 5xx may have stored it too: it is checked before the next post', async () => {
    const { store, outbox } = memoryStore([answer('m1', 'x', 1)]);
    const { fetch } = scriptedFetch([{ status: 503 }]);
    await flushOutbox({ store, fetch, lock: noLock });
    expect(outbox.get('m1')).toMatchObject({ state: 'waiting', unsure: true });
  });

  it('a 429 holds only that mailbox; reports and other mailboxes go on', async () => {
    const rows = [answer('m1', 'x', 1), answer('m2', 'x', 2), answer('n1', 'y', 3), entry('r', { order: 4 })];
    const { store, outbox, delivered, sent } = memoryStore(rows);
    const { fetch, calls } = scriptedFetch([{ status: 429, body: { error: { code: 'rate_limited', message: 'x' } }, headers: { 'Retry-After': '600' } }, posted(1), stored('r')]);
    const r = await flushOutbox({ store, fetch, lock: noLock, now: () => 1_000 }, { force: true });
    expect(calls.map((c) => c.url)).toEqual([MAILBOX('x'), MAILBOX('y'), '/api/v1/reports']);
    expect(delivered).toEqual(['n1']);
    expect(sent.map((s) => s.id)).toEqual(['r']);
    expect(outbox.get('m1')).toMatchObject({ holdUntil: 601_000 });
    expect(outbox.get('m2')).toMatchObject({ holdUntil: 601_000 });
    expect(r.nextAttemptAt).toBe(601_000);
  });

  it('keeps a refused answer, marked with its code (404: the mailbox is gone or the secret wrong)', async () => {
    const { store, outbox } = memoryStore([answer('m1', 'x', 1), answer('m2', 'y', 2)]);
    const { fetch } = scriptedFetch([error(404, 'not_found'), error(422, 'unknown_key')]);
    const r = await flushOutbox({ store, fetch, lock: noLock });
    expect(r.rejected).toEqual(['m1', 'm2']);
    expect(outbox.get('m1')).toMatchObject({ state: 'rejected', errorCode: 'not_found' });
    expect(outbox.get('m2')).toMatchObject({ state: 'rejected', errorCode: 'unknown_key' });
  });

  it('an answer whose authorisation no longer opens is kept as refused, and nothing is sent', async () => {
    const { store, outbox } = memoryStore([answer('m1', 'x', 1, { auth: undefined })]);
    const { fetch, calls } = scriptedFetch([]);
    await flushOutbox({ store, fetch, lock: noLock });
    expect(calls).toEqual([]);
    expect(outbox.get('m1')).toMatchObject({ state: 'rejected', errorCode: 'no_key' });
  });

  it('stops at a network failure, with the reports after it still waiting', async () => {
    const { store, outbox } = memoryStore([answer('m1', 'x', 1), entry('r', { order: 2 })]);
    const { fetch, calls } = scriptedFetch(['network']);
    const r = await flushOutbox({ store, fetch, lock: noLock });
    expect(calls).toHaveLength(1);
    expect(r.waiting).toBe(2);
    expect(outbox.get('r')).toMatchObject({ attempts: 0 });
  });
});


describe('outbox: reports with photos (issue R, PROTOCOL §6)', () => {
  const b1 = 'B'.repeat(42) + 'A';
  const b2 = 'C'.repeat(42) + 'A';
  const withPhotos = (id: string, extra: Partial<OutboxRow> = {}) => entry(id, { blobs: [{ id: b1, pow: 'p1' }, { id: b2, pow: 'p2' }], ...extra });
  const bytes = (id: string) => ({ [`${id}:${b1}`]: new Uint8Array([1]), [`${id}:${b2}`]: new Uint8Array([2]) });
  const put = (id: string) => ({ status: 201, body: { blob: id } });
  const deps = (store: OutboxStore, fetch: ReturnType<typeof scriptedFetch>['fetch'], extra = {}) => ({ store, fetch, lock: noLock, now: () => 1_000, random: () => 0.5, ...extra });

  it('uploads every blob, in order, before posting the report; the entry goes after the report\'s 2xx', async () => {
    const m = memoryStore([withPhotos('a')], bytes('a'));
    const f = scriptedFetch([put(b1), { status: 200, body: { blob: b2 } }, stored('a')]);
    const summary = await flushOutbox(deps(m.store, f.fetch));
    expect(f.calls.map((c) => `${c.method ?? 'POST'} ${c.url}`)).toEqual([`PUT /api/v1/blobs/${b1}`, `PUT /api/v1/blobs/${b2}`, 'POST /api/v1/reports']);
    expect(f.calls[0]).toMatchObject({ contentType: 'application/octet-stream', pow: 'p1' });
    expect(Array.from(f.calls[1]!.body as unknown as Uint8Array)).toEqual([2]);
    expect(summary.sent).toEqual(['a']);
    expect(m.outbox.size).toBe(0);
  });

  it('after a failure between blobs, resumes with the blob not yet held, and never posts the report early', async () => {
    const m = memoryStore([withPhotos('a')], bytes('a'));
    const first = scriptedFetch([put(b1), 'network']);
    await flushOutbox(deps(m.store, first.fetch));
    expect(first.calls.map((c) => c.method ?? 'POST')).toEqual(['PUT', 'PUT']);
    expect(m.outbox.get('a')!.blobs).toEqual([{ id: b1, pow: 'p1', uploaded: true }, { id: b2, pow: 'p2' }]);
    expect(m.outbox.get('a')!.state).toBe('waiting');
    const second = scriptedFetch([put(b2), stored('a')]);
    await flushOutbox(deps(m.store, second.fetch), { force: true });
    expect(second.calls.map((c) => c.url)).toEqual([`/api/v1/blobs/${b2}`, '/api/v1/reports']);
    expect(m.sent.map((r) => r.id)).toEqual(['a']);
  });

  it('a report lost after its blobs went through posts only the report again', async () => {
    const m = memoryStore([withPhotos('a')], bytes('a'));
    await flushOutbox(deps(m.store, scriptedFetch([put(b1), put(b2), 'network']).fetch));
    const again = scriptedFetch([{ status: 200, body: { id: rid('a'), receivedAt: '2026-11-23T21:00:00Z' } }]);
    await flushOutbox(deps(m.store, again.fetch), { force: true });
    expect(again.calls.map((c) => c.url)).toEqual(['/api/v1/reports']);
    expect(m.outbox.size).toBe(0);
  });

  it('recomputes a blob\'s proof on pow_invalid and puts it again with the new X-Pow', async () => {
    const m = memoryStore([withPhotos('a')], bytes('a'));
    const f = scriptedFetch([error(400, 'pow_invalid'), put(b1), put(b2), stored('a')]);
    const reproved: string[] = [];
    await flushOutbox(deps(m.store, f.fetch, { reproveBlob: async (id: string) => (reproved.push(id), 'new-pow') }));
    expect(reproved).toEqual([b1]);
    expect(f.calls.map((c) => c.pow ?? null)).toEqual(['p1', 'new-pow', 'p2', null]);
    expect(m.sent.map((r) => r.id)).toEqual(['a']);
  });

  it('without a blob solver (service worker) leaves a pow_invalid blob for the page; the report is not posted', async () => {
    const m = memoryStore([withPhotos('a')], bytes('a'));
    const f = scriptedFetch([error(400, 'pow_invalid')]);
    await flushOutbox(deps(m.store, f.fetch));
    expect(f.calls).toHaveLength(1);
    expect(m.outbox.get('a')!.state).toBe('waiting');
  });

  it('a blob refused for good keeps the entry as not sent, and the report is never posted', async () => {
    const m = memoryStore([withPhotos('a'), entry('b', { order: 1 })], bytes('a'));
    const f = scriptedFetch([error(413, 'too_large'), stored('b')]);
    const summary = await flushOutbox(deps(m.store, f.fetch));
    expect(summary.rejected).toEqual(['a']);
    expect(m.outbox.get('a')).toMatchObject({ state: 'rejected', errorCode: 'too_large' });
    expect(f.calls.filter((c) => c.url === '/api/v1/reports').map((c) => JSON.parse(c.body).id)).toEqual([rid('b')]);
  });

  it('a 429 on a blob holds reports with photos until Retry-After; a report without photos goes on', async () => {
    const m = memoryStore([withPhotos('a'), withPhotos('c', { order: 1 }), entry('b', { order: 2 })], { ...bytes('a'), ...bytes('c') });
    const f = scriptedFetch([{ status: 429, headers: { 'Retry-After': '120' } }, stored('b')]);
    await flushOutbox(deps(m.store, f.fetch), { force: true });
    expect(f.calls.map((c) => c.url)).toEqual([`/api/v1/blobs/${b1}`, '/api/v1/reports']);
    expect(m.outbox.get('a')!.holdUntil).toBe(121_000);
    expect(m.sent.map((r) => r.id)).toEqual(['b']);
  });

  it('an entry whose blob bytes are lost is kept as not sent', async () => {
    const m = memoryStore([withPhotos('a')], {});
    const f = scriptedFetch([]);
    await flushOutbox(deps(m.store, f.fetch));
    expect(f.calls).toHaveLength(0);
    expect(m.outbox.get('a')).toMatchObject({ state: 'rejected', errorCode: 'blob_missing' });
  });
});

describe('outbox: the effort follows the Worker (issue 7, PROTOCOL §3, §6)', () => {
  const powInvalid = (powBits?: number) => ({ status: 400, body: { error: { code: 'pow_invalid', message: 'x', ...(powBits === undefined ? {} : { powBits }) } } });
  /** A solver that records what it was asked and answers a proof named after the effort. */
  const solver = () => {
    const asked: Array<{ id: string; sealed: string; bits: number; entryId: string }> = [];
    const reprove = async (id: string, sealed: string, bits: number, entryId: string) => (asked.push({ id, sealed, bits, entryId }), `pow-${bits}`);
    return { asked, reprove };
  };
  const without = (body: string) => {
    const { pow: _pow, ...rest } = JSON.parse(body) as Record<string, unknown>;
    return rest;
  };

  it('solves again at the effort the Worker names, for the same id and sealed bytes, and remembers it', async () => {
    const m = memoryStore([entry('a', { powBits: 8 })]);
    const f = scriptedFetch([powInvalid(14), stored('a')]);
    const learnt: number[] = [];
    let keptWhileSolving: OutboxRow | undefined;
    const s = solver();
    await flushOutbox({
      store: m.store, fetch: f.fetch, lock: noLock, learnEffort: async (b) => void learnt.push(b),
      reprove: async (...args) => ((keptWhileSolving = m.outbox.get('a')), s.reprove(...args)),
    });
    expect(s.asked).toEqual([{ id: rid('a'), sealed: 'c2VhbGVk', bits: 14, entryId: 'a' }]);
    expect(learnt).toEqual([14]);
    // The entry is there, with the effort recorded, all the while the phone solves.
    expect(keptWhileSolving).toMatchObject({ state: 'waiting', needsPow: true, powBits: 14, body: entry('a').body });
    expect(f.calls).toHaveLength(2);
    expect(without(f.calls[1]!.body)).toEqual(without(f.calls[0]!.body));
    expect(f.calls[1]!.body).toBe(withPow(entry('a').body, 'pow-14'));
    expect(m.sent.map((r) => r.id)).toEqual(['a']);
    expect(m.outbox.size).toBe(0);
  });

  it('takes a 200 (stored meanwhile) and a 201 alike after a new proof', async () => {
    const m = memoryStore([entry('a', { order: 1 }), entry('b', { order: 2 })]);
    const f = scriptedFetch([powInvalid(12), { status: 200, body: { id: rid('a'), receivedAt: '2026-11-23T21:00:00Z' } }, powInvalid(12), stored('b')]);
    const s = solver();
    const summary = await flushOutbox({ store: m.store, fetch: f.fetch, lock: noLock, reprove: s.reprove });
    expect(summary.sent).toEqual(['a', 'b']);
    expect(s.asked.map((x) => `${x.entryId}@${x.bits}`)).toEqual(['a@12', 'b@12']);
    expect(m.outbox.size).toBe(0);
  });

  it('follows several rises in a row; only `pow` ever changes, nothing is sealed again', async () => {
    const m = memoryStore([entry('a', { powBits: 8 })]);
    const f = scriptedFetch([powInvalid(10), powInvalid(13), powInvalid(17), stored('a')]);
    const learnt: number[] = [];
    const s = solver();
    await flushOutbox({ store: m.store, fetch: f.fetch, lock: noLock, reprove: s.reprove, learnEffort: async (b) => void learnt.push(b) });
    expect(s.asked.map((x) => x.bits)).toEqual([10, 13, 17]);
    expect(learnt).toEqual([10, 13, 17]);
    expect(f.calls.map((c) => JSON.parse(c.body).pow)).toEqual(['AAAAAAAAAAA', 'pow-10', 'pow-13', 'pow-17']);
    for (const c of f.calls) {
      expect(without(c.body)).toEqual(without(entry('a').body));
      expect(Object.keys(JSON.parse(c.body))).toEqual(Object.keys(JSON.parse(entry('a').body)));
    }
    expect(s.asked.every((x) => x.id === rid('a') && x.sealed === 'c2VhbGVk')).toBe(true);
    expect(m.sent.map((r) => r.id)).toEqual(['a']);
  });

  it('an older Worker that names no effort: one bit more than last time, at most 32', async () => {
    const m = memoryStore([entry('a', { powBits: 12, order: 1 }), entry('b', { order: 2 }), entry('c', { powBits: 32, order: 3 })]);
    const f = scriptedFetch([powInvalid(), powInvalid(), stored('a'), powInvalid(), stored('b'), powInvalid(), stored('c')]);
    const s = solver();
    const learnt: number[] = [];
    // `b` was sealed before rows kept their effort: the effort known on the phone is its last.
    await flushOutbox({ store: m.store, fetch: f.fetch, lock: noLock, reprove: s.reprove, knownEffort: async () => 9, learnEffort: async (b) => void learnt.push(b) });
    expect(s.asked.map((x) => `${x.entryId}@${x.bits}`)).toEqual(['a@13', 'a@14', 'b@10', 'c@32']);
    expect(learnt).toEqual([]); // a guess is not the Worker's word: new reports keep the known effort
    expect(m.sent.map((r) => r.id)).toEqual(['a', 'b', 'c']);
  });

  it('an effort it cannot read is still only a proof to redo, never a refusal', async () => {
    const m = memoryStore([entry('a', { powBits: 8 })]);
    const f = scriptedFetch([powInvalid(99), stored('a')]);
    const s = solver();
    await flushOutbox({ store: m.store, fetch: f.fetch, lock: noLock, reprove: s.reprove });
    expect(s.asked.map((x) => x.bits)).toEqual([9]);
    expect(m.sent.map((r) => r.id)).toEqual(['a']);
  });

  it('keeps the entry when the Worker keeps asking: it backs off and goes on from the recorded effort', async () => {
    const m = memoryStore([entry('a', { powBits: 8 })]);
    const endless = Array.from({ length: MAX_PROOF_ROUNDS + 1 }, () => powInvalid(20));
    const first = scriptedFetch(endless);
    const s = solver();
    const summary = await flushOutbox({ store: m.store, fetch: first.fetch, lock: noLock, reprove: s.reprove, now: () => 0, random: () => 0.5 });
    expect(s.asked).toHaveLength(MAX_PROOF_ROUNDS);
    expect(summary).toMatchObject({ rejected: [], waiting: 1, nextAttemptAt: backoffMs(1, () => 0.5) });
    expect(m.outbox.get('a')).toMatchObject({ state: 'waiting', needsPow: true, powBits: 20, attempts: 1 });
    // Next time the proof is solved first, at 20 bits, and a single POST delivers it.
    const again = scriptedFetch([stored('a')]);
    await flushOutbox({ store: m.store, fetch: again.fetch, lock: noLock, reprove: s.reprove }, { force: true });
    expect(s.asked.at(-1)!.bits).toBe(20);
    expect(again.calls).toHaveLength(1);
    expect(JSON.parse(again.calls[0]!.body).pow).toBe('pow-20');
    expect(m.sent.map((r) => r.id)).toEqual(['a']);
  });

  it('the service worker records the effort on the entry and leaves it; the page proves at it before posting', async () => {
    const m = memoryStore([entry('a', { powBits: 8 })]);
    const sw = scriptedFetch([powInvalid(18)]);
    await flushOutbox({ store: m.store, fetch: sw.fetch, lock: noLock });
    expect(m.outbox.get('a')).toMatchObject({ state: 'waiting', needsPow: true, powBits: 18, body: entry('a').body });
    // Another service worker pass does not post a proof it knows fails.
    const sw2 = scriptedFetch([]);
    await flushOutbox({ store: m.store, fetch: sw2.fetch, lock: noLock }, { force: true });
    expect(sw2.calls).toHaveLength(0);
    const page = scriptedFetch([stored('a')]);
    const s = solver();
    await flushOutbox({ store: m.store, fetch: page.fetch, lock: noLock, reprove: s.reprove }, { force: true });
    expect(s.asked.map((x) => x.bits)).toEqual([18]);
    expect(page.calls.map((c) => JSON.parse(c.body).pow)).toEqual(['pow-18']);
    expect(m.sent.map((r) => r.id)).toEqual(['a']);
  });

  it('a search abandoned (page closed) loses nothing: the entry waits with its effort', async () => {
    const m = memoryStore([entry('a', { powBits: 8 })]);
    const f = scriptedFetch([powInvalid(22)]);
    const abandoned = flushOutbox({ store: m.store, fetch: f.fetch, lock: noLock, reprove: async () => { throw new DOMException('gone', 'AbortError'); } });
    await expect(abandoned).rejects.toThrow();
    expect(m.outbox.get('a')).toMatchObject({ state: 'waiting', needsPow: true, powBits: 22, body: entry('a').body });
  });

  describe('blobs (X-Pow)', () => {
    const b1 = 'B'.repeat(42) + 'A';
    const b2 = 'C'.repeat(42) + 'A';
    const photos = (id: string, extra: Partial<OutboxRow> = {}) => entry(id, { powBits: 8, blobs: [{ id: b1, pow: 'p1' }, { id: b2, pow: 'p2' }], ...extra });
    const bytes = (id: string) => ({ [`${id}:${b1}`]: new Uint8Array([1, 1]), [`${id}:${b2}`]: new Uint8Array([2, 2]) });
    const put = (status = 201) => ({ status, body: {} });
    const blobSolver = () => {
      const asked: Array<{ id: string; bytes: number[]; bits: number; entryId: string }> = [];
      const reproveBlob = async (id: string, blob: Uint8Array<ArrayBuffer>, bits: number, entryId: string) => (asked.push({ id, bytes: Array.from(blob), bits, entryId }), `x-${bits}`);
      return { asked, reproveBlob };
    };

    it('solves a blob again at the effort named, several times in a row, with the same bytes; 200 and 201 both hold it', async () => {
      const m = memoryStore([photos('a')], bytes('a'));
      const f = scriptedFetch([powInvalid(11), powInvalid(15), put(200), powInvalid(16), put(201), stored('a')]);
      const s = blobSolver();
      const learnt: number[] = [];
      await flushOutbox({ store: m.store, fetch: f.fetch, lock: noLock, reproveBlob: s.reproveBlob, learnEffort: async (b) => void learnt.push(b) });
      expect(s.asked).toEqual([
        { id: b1, bytes: [1, 1], bits: 11, entryId: 'a' },
        { id: b1, bytes: [1, 1], bits: 15, entryId: 'a' },
        { id: b2, bytes: [2, 2], bits: 16, entryId: 'a' },
      ]);
      expect(f.calls.map((c) => `${c.method ?? 'POST'} ${c.pow ?? ''}`)).toEqual(['PUT p1', 'PUT x-11', 'PUT x-15', 'PUT p2', 'PUT x-16', 'POST ']);
      expect(f.calls.filter((c) => c.method === 'PUT').map((c) => Array.from(c.body as unknown as Uint8Array))).toEqual([[1, 1], [1, 1], [1, 1], [2, 2], [2, 2]]);
      expect(learnt).toEqual([11, 15, 16]);
      // The report itself is posted as sealed, byte for byte.
      expect(f.calls.at(-1)!.body).toBe(photos('a').body);
      expect(m.sent.map((r) => r.id)).toEqual(['a']);
    });

    it('an older Worker: one bit more than the blob\'s last proof', async () => {
      const m = memoryStore([photos('a')], bytes('a'));
      const f = scriptedFetch([powInvalid(), powInvalid(), put(), put(), stored('a')]);
      const s = blobSolver();
      await flushOutbox({ store: m.store, fetch: f.fetch, lock: noLock, reproveBlob: s.reproveBlob });
      expect(s.asked.map((x) => x.bits)).toEqual([9, 10]);
      expect(m.sent.map((r) => r.id)).toEqual(['a']);
    });

    it('the service worker records the blob\'s effort; the page proves it before uploading again', async () => {
      const m = memoryStore([photos('a')], bytes('a'));
      const sw = scriptedFetch([powInvalid(19)]);
      await flushOutbox({ store: m.store, fetch: sw.fetch, lock: noLock });
      expect(m.outbox.get('a')!.blobs).toEqual([{ id: b1, pow: 'p1', needsPow: true, powBits: 19 }, { id: b2, pow: 'p2' }]);
      const sw2 = scriptedFetch([]);
      await flushOutbox({ store: m.store, fetch: sw2.fetch, lock: noLock }, { force: true });
      expect(sw2.calls).toHaveLength(0); // no megabytes sent with a proof known to fail
      const page = scriptedFetch([put(), put(), stored('a')]);
      const s = blobSolver();
      await flushOutbox({ store: m.store, fetch: page.fetch, lock: noLock, reproveBlob: s.reproveBlob }, { force: true });
      expect(s.asked.map((x) => `${x.id === b1 ? 'b1' : 'b2'}@${x.bits}`)).toEqual(['b1@19']);
      expect(page.calls.map((c) => c.pow ?? null)).toEqual(['x-19', 'p2', null]);
      expect(m.sent.map((r) => r.id)).toEqual(['a']);
    });
  });
});
