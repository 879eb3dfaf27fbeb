/**
 * The live channel (docs/api.md "Live channel"): WebSockets through Durable Objects with
 * hibernation, reached through the Worker's real `fetch`. Authenticated by the first frame
 * only; a failing first frame, or none within 10 s, closes with 1008; only authenticated
 * sockets hear anything; a message stored over HTTP reaches its mailbox and the officer hub.
 */
import { runDurableObjectAlarm, runInDurableObject, SELF } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { toB64 } from '../../schemas/encoding.ts';
import { LIVE_AUTH_TIMEOUT_MS, mailboxLiveTarget, OFFICER_LIVE_TARGET, OfficerLiveFrame, ReporterLiveFrame } from '../../schemas/mailbox-api.ts';
import { MAX_PENDING_SOCKETS, type SocketAttachment } from '../src/live/channel.ts';
import { mailboxChannelName } from '../src/live/mailboxLive.ts';
import { OFFICER_HUB_NAME } from '../src/live/officerHub.ts';
import { TEST_API_ORIGIN } from './deployment.ts';
import {
  bootstrapAdmin, call, enrol, errorOf, mailboxCall, newMailbox, newMessage, newOfficerKey, newReport, officerCall, randomBytes, signature, submit,
  type TestMailbox, type TestOfficer,
} from './helpers.ts';
import { closeSockets, openSocket, type TestSocket } from './live.ts';

let admin: TestOfficer;
let box: TestMailbox;

beforeEach(async () => {
  admin = await bootstrapAdmin();
  box = await newMailbox();
});

afterEach(() => {
  closeSockets();
});

/** Nothing arrives for a while (the time a push takes here, many times over). */
const QUIET_MS = 300;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function reporterSocket(b: TestMailbox = box): Promise<TestSocket> {
  const s = await openSocket(mailboxLiveTarget(b.id));
  s.ws.send(b.authorization);
  expect(v.parse(ReporterLiveFrame, await s.next())).toEqual({ type: 'ready' });
  return s;
}

async function officerSocket(o: TestOfficer = admin): Promise<TestSocket> {
  const s = await openSocket(OFFICER_LIVE_TARGET);
  s.ws.send(await signature(o, 'GET', OFFICER_LIVE_TARGET, ''));
  expect(v.parse(OfficerLiveFrame, await s.next())).toEqual({ type: 'ready' });
  return s;
}

const hubStub = () => env.OFFICER_HUB.get(env.OFFICER_HUB.idFromName(OFFICER_HUB_NAME));
const mailboxStub = (id: string) => env.MAILBOX_LIVE.get(env.MAILBOX_LIVE.idFromName(mailboxChannelName(id)));

describe('upgrades', () => {
  it('answers 101 on both channels, with no secret in the URL', async () => {
    const res = await SELF.fetch(TEST_API_ORIGIN + mailboxLiveTarget(box.id), { headers: { Upgrade: 'websocket' } });
    expect(res.status).toBe(101);
    res.webSocket!.accept();
    res.webSocket!.close(1000);
    const hub = await SELF.fetch(TEST_API_ORIGIN + OFFICER_LIVE_TARGET, { headers: { Upgrade: 'WebSocket' } });
    expect(hub.status).toBe(101);
    hub.webSocket!.accept();
    hub.webSocket!.close(1000);
  });

  it('refuses a request that is not an upgrade, another method, or a malformed id', async () => {
    for (const path of [OFFICER_LIVE_TARGET, mailboxLiveTarget(box.id)]) {
      expect((await errorOf(await call(path))).code).toBe('bad_request');
      const post = await call(path, { method: 'POST', headers: { Upgrade: 'websocket' } });
      expect(post.headers.get('Allow')).toBe('GET, HEAD');
      expect((await errorOf(post)).code).toBe('method_not_allowed');
    }
    expect((await errorOf(await call('/api/v1/mailbox/nope/live', { headers: { Upgrade: 'websocket' } }))).code).toBe('not_found');
    expect((await call(OFFICER_LIVE_TARGET, { method: 'HEAD', headers: { Upgrade: 'websocket' } })).status).toBe(400);
  });

  it(`refuses upgrades with 429 while ${MAX_PENDING_SOCKETS} sockets are still unauthenticated`, async () => {
    const pending = await Promise.all(Array.from({ length: MAX_PENDING_SOCKETS - 1 }, () => openSocket(OFFICER_LIVE_TARGET)));
    const authed = await officerSocket(); // authenticated sockets do not count
    expect(pending).toHaveLength(MAX_PENDING_SOCKETS - 1);
    const last = await openSocket(OFFICER_LIVE_TARGET);
    const res = await call(OFFICER_LIVE_TARGET, { headers: { Upgrade: 'websocket' } });
    expect(res.headers.get('Retry-After')).toBe('10');
    expect((await errorOf(res)).code).toBe('rate_limited');
    // Another channel is not affected; a socket that authenticates frees a place.
    (await openSocket(mailboxLiveTarget(box.id))).close();
    last.ws.send(await signature(admin, 'GET', OFFICER_LIVE_TARGET, ''));
    expect(await last.next()).toEqual({ type: 'ready' });
    (await openSocket(OFFICER_LIVE_TARGET)).close();
    authed.close();
  });

  it('upgrades an unknown mailbox id too: existence is never told before the first frame', async () => {
    const s = await openSocket(mailboxLiveTarget(toB64(randomBytes(16))));
    s.ws.send(box.authorization);
    expect(await s.closesWithin(2000)).toBe(1008);
  });
});

describe('reporter socket', () => {
  it('is ready after a good first frame, then hears the police and its own messages', async () => {
    const s = await reporterSocket();
    const question = newMessage();
    const res = await officerCall(admin, 'POST', `/api/v1/reports/${box.id}/messages`, question);
    expect(res.status).toBe(201);
    const stored = (await res.json()) as { seq: number; at: string };
    expect(v.parse(ReporterLiveFrame, await s.next())).toEqual({ type: 'message', message: { seq: 1, from: 'police', kid: question.kid, sealed: question.sealed, at: stored.at } });
    expect((await mailboxCall(box.id, box.authorization, { body: newMessage() })).status).toBe(201);
    expect(await s.next()).toMatchObject({ type: 'message', message: { seq: 2, from: 'reporter' } });
    // The same object a poll answers.
    const polled = (await (await mailboxCall(box.id, box.authorization)).json()) as { messages: unknown[] };
    expect(polled.messages[0]).toEqual((JSON.parse(s.frames[1]!) as { message: unknown }).message);
  });

  it.each([
    ['a wrong secret', () => `Mailbox ${toB64(randomBytes(32))}`],
    ['another mailbox’s secret', () => 'other'],
    ['the header name too', () => `Authorization: ${box.authorization}`],
    ['an officer signature', () => 'officer'],
    ['an empty frame', () => ''],
    ['a huge frame', () => box.authorization + ' '.repeat(5000)],
    ['a trailing newline', () => box.authorization + '\r\n'],
  ])('closes with 1008 after %s', async (_, frame) => {
    let text = frame();
    if (text === 'other') text = (await newMailbox()).authorization;
    if (text === 'officer') text = await signature(admin, 'GET', mailboxLiveTarget(box.id), '');
    const s = await openSocket(mailboxLiveTarget(box.id));
    s.ws.send(text);
    expect(await s.closesWithin(2000)).toBe(1008);
    expect(s.frames).toEqual([]);
  });

  it('closes with 1008 after a binary first frame, even holding the secret', async () => {
    const s = await openSocket(mailboxLiveTarget(box.id));
    s.ws.send(new TextEncoder().encode(box.authorization));
    expect(await s.closesWithin(2000)).toBe(1008);
  });

  it('closes a report without mailbox like an unknown one', async () => {
    const plain = newReport();
    await submit(plain.body);
    const s = await openSocket(mailboxLiveTarget(plain.id));
    s.ws.send(box.authorization);
    expect(await s.closesWithin(2000)).toBe(1008);
  });

  it('answers ping with pong once ready and ignores other frames', async () => {
    const s = await reporterSocket();
    s.ws.send('ping');
    expect(await s.next()).toEqual({ type: 'pong' });
    s.ws.send('{"type":"message"}');
    s.ws.send(box.authorization);
    s.ws.send(new Uint8Array([1, 2, 3]));
    expect(await s.closesWithin(QUIET_MS)).toBeUndefined();
    s.ws.send('ping');
    expect(await s.next()).toEqual({ type: 'pong' });
  });

  it('closes when its report is deleted', async () => {
    const s = await reporterSocket();
    expect((await officerCall(admin, 'DELETE', `/api/v1/reports/${box.id}`)).status).toBe(204);
    expect(await s.closesWithin(2000)).toBe(1008);
  });
});

describe('nothing reaches a socket that is not authenticated for it', () => {
  it('unauthenticated, failed and other-mailbox sockets hear nothing', async () => {
    const silent = await openSocket(mailboxLiveTarget(box.id));
    const silentHub = await openSocket(OFFICER_LIVE_TARGET);
    const other = await newMailbox();
    const otherSocket = await reporterSocket(other);
    const good = await reporterSocket();
    expect((await officerCall(admin, 'POST', `/api/v1/reports/${box.id}/messages`, newMessage())).status).toBe(201);
    expect((await mailboxCall(box.id, box.authorization, { body: newMessage() })).status).toBe(201);
    await submit(newReport().body);
    expect(await good.next()).toMatchObject({ type: 'message', message: { seq: 1 } });
    expect(await good.next()).toMatchObject({ type: 'message', message: { seq: 2 } });
    await pause(QUIET_MS);
    expect(silent.frames).toEqual([]);
    expect(silentHub.frames).toEqual([]);
    expect(otherSocket.frames).toEqual([JSON.stringify({ type: 'ready' })]);
  });
});

describe('officer hub', () => {
  it('is ready after a good signature, then hears every message with reportId and arrival, and new reports', async () => {
    const other = await newMailbox();
    const s = await officerSocket();
    const rep = newReport();
    expect((await submit(rep.body)).status).toBe(201);
    expect(v.parse(OfficerLiveFrame, await s.next())).toEqual({ type: 'report', seq: 3, id: rep.id });
    // An idempotent retry is not a new report.
    expect((await submit(rep.body)).status).toBe(200);
    const m = newMessage();
    const res = await mailboxCall(other.id, other.authorization, { body: m });
    const stored = (await res.json()) as { seq: number; at: string };
    expect(v.parse(OfficerLiveFrame, await s.next())).toEqual({
      type: 'message',
      message: { seq: 1, from: 'reporter', kid: m.kid, sealed: m.sealed, at: stored.at, reportId: other.id, arrival: 1 },
    });
    await officerCall(admin, 'POST', `/api/v1/reports/${box.id}/messages`, newMessage());
    expect(await s.next()).toMatchObject({ type: 'message', message: { seq: 1, from: 'police', reportId: box.id, arrival: 2 } });
    // The same object the inbox answers.
    const inbox = (await (await officerCall(admin, 'GET', '/api/v1/messages')).json()) as { messages: unknown[] };
    expect(inbox.messages[1]).toEqual((JSON.parse(s.frames.at(-1)!) as { message: unknown }).message);
    await pause(QUIET_MS);
    expect(s.frames).toHaveLength(4);
  });

  it('reaches every officer connected', async () => {
    const o = await newOfficerKey();
    await enrol(o, 'officer');
    const a = await officerSocket();
    const b = await officerSocket(o);
    await mailboxCall(box.id, box.authorization, { body: newMessage() });
    expect(await a.next()).toMatchObject({ type: 'message' });
    expect(await b.next()).toMatchObject({ type: 'message' });
  });

  it('refuses a replayed nonce, from another socket or from an HTTP request', async () => {
    const frame = await signature(admin, 'GET', OFFICER_LIVE_TARGET, '');
    const first = await openSocket(OFFICER_LIVE_TARGET);
    first.ws.send(frame);
    expect(await first.next()).toEqual({ type: 'ready' });
    const replay = await openSocket(OFFICER_LIVE_TARGET);
    replay.ws.send(frame);
    expect(await replay.closesWithin(2000)).toBe(1008);
    // A nonce an HTTP request already used.
    const nonce = toB64(randomBytes(16));
    expect((await officerCall(admin, 'GET', '/api/v1/reports', undefined, { nonce })).status).toBe(200);
    const reused = await openSocket(OFFICER_LIVE_TARGET);
    reused.ws.send(await signature(admin, 'GET', OFFICER_LIVE_TARGET, '', { nonce }));
    expect(await reused.closesWithin(2000)).toBe(1008);
    // The socket's nonce is in the same replay cache: an HTTP request cannot reuse it.
    const n = /nonce="([^"]+)"/.exec(frame)![1]!;
    expect((await officerCall(admin, 'GET', '/api/v1/reports', undefined, { nonce: n })).status).toBe(401);
  });

  it.each([
    ['another target', (o: TestOfficer) => signature(o, 'GET', '/api/v1/reports', '')],
    ['another method', (o: TestOfficer) => signature(o, 'POST', OFFICER_LIVE_TARGET, '')],
    ['a body', (o: TestOfficer) => signature(o, 'GET', OFFICER_LIVE_TARGET, '{}')],
    ['an old ts', (o: TestOfficer) => signature(o, 'GET', OFFICER_LIVE_TARGET, '', { ts: Math.floor(Date.now() / 1000) - 301 })],
    ['a stranger', async () => signature(await newOfficerKey(), 'GET', OFFICER_LIVE_TARGET, '')],
    ['a mailbox secret', async () => box.authorization],
    ['a trailing newline', async (o: TestOfficer) => (await signature(o, 'GET', OFFICER_LIVE_TARGET, '')) + '\n'],
    ['a leading space', async (o: TestOfficer) => ' ' + (await signature(o, 'GET', OFFICER_LIVE_TARGET, ''))],
  ])('closes with 1008 after a signature with %s', async (_, make) => {
    const s = await openSocket(OFFICER_LIVE_TARGET);
    s.ws.send(await make(admin));
    expect(await s.closesWithin(2000)).toBe(1008);
    expect(s.frames).toEqual([]);
  });

  it('refuses a revoked officer, and closes a revoked officer’s open socket', async () => {
    const o = await newOfficerKey();
    await enrol(o, 'officer');
    const open = await officerSocket(o);
    const adminSocket = await officerSocket();
    expect((await officerCall(admin, 'DELETE', `/api/v1/officers/${o.officerId}`)).status).toBe(204);
    expect(await open.closesWithin(2000)).toBe(1008);
    const again = await openSocket(OFFICER_LIVE_TARGET);
    again.ws.send(await signature(o, 'GET', OFFICER_LIVE_TARGET, ''));
    expect(await again.closesWithin(2000)).toBe(1008);
    // Others stay connected.
    adminSocket.ws.send('ping');
    expect(await adminSocket.next()).toEqual({ type: 'pong' });
  });
});

describe('first-frame deadline (a Durable Object alarm)', () => {
  it(`arms an alarm ${LIVE_AUTH_TIMEOUT_MS / 1000} s ahead and closes a silent socket with 1008 when it passes`, async () => {
    const silent = await openSocket(mailboxLiveTarget(box.id));
    const good = await reporterSocket();
    const stub = mailboxStub(box.id);
    const alarm = await runInDurableObject(stub, (_, state) => state.storage.getAlarm());
    expect(alarm).toBeGreaterThan(Date.now() + LIVE_AUTH_TIMEOUT_MS - 2000);
    expect(alarm).toBeLessThanOrEqual(Date.now() + LIVE_AUTH_TIMEOUT_MS);
    // Let the deadline pass without waiting 10 s: move it into the past, then run the alarm.
    await runInDurableObject(stub, (_, state) => {
      for (const ws of state.getWebSockets()) {
        const a = ws.deserializeAttachment() as SocketAttachment;
        if (a.state === 'pending') ws.serializeAttachment({ ...a, deadline: Date.now() - 1 });
      }
    });
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect(await silent.closesWithin(2000)).toBe(1008);
    expect(silent.frames).toEqual([]);
    // The authenticated socket is untouched, and no alarm is left armed.
    good.ws.send('ping');
    expect(await good.next()).toEqual({ type: 'pong' });
    expect(await runInDurableObject(stub, (_, state) => state.storage.getAlarm())).toBeNull();
  });

  it('re-arms for a socket whose deadline is still ahead', async () => {
    await openSocket(OFFICER_LIVE_TARGET);
    const stub = hubStub();
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    const next = await runInDurableObject(stub, (_, state) => state.storage.getAlarm());
    expect(next).toBeGreaterThan(Date.now());
  });
});

describe('notifications never fail the request', () => {
  it('stores and answers when the live channels are unreachable', async () => {
    const broken = { idFromName: () => { throw new Error('down'); }, get: () => { throw new Error('down'); } } as unknown as DurableObjectNamespace;
    const bindings = { MAILBOX_LIVE: broken, OFFICER_HUB: broken } as never;
    expect((await mailboxCall(box.id, box.authorization, { body: newMessage() }, bindings)).status).toBe(201);
    expect((await officerCall(admin, 'POST', `/api/v1/reports/${box.id}/messages`, newMessage(), { bindings })).status).toBe(201);
    expect((await submit(newReport().body, { 'Content-Type': 'application/json' }, bindings)).status).toBe(201);
    expect(((await (await mailboxCall(box.id, box.authorization)).json()) as { messages: unknown[] }).messages).toHaveLength(2);
  });

});

describe('latency', () => {
  it('pushes a message stored over HTTP to a live reporter and the hub well within a second (median of 20)', async () => {
    const reporter = await reporterSocket();
    const hub = await officerSocket();
    const toReporter: number[] = [];
    const toHub: number[] = [];
    for (let i = 0; i < 20; i++) {
      const body = JSON.stringify(newMessage());
      const t0 = performance.now();
      const post = SELF.fetch(`${TEST_API_ORIGIN}/api/v1/reports/${box.id}/messages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: await signature(admin, 'POST', `/api/v1/reports/${box.id}/messages`, body) },
        body,
      });
      await reporter.next();
      toReporter.push(performance.now() - t0);
      await hub.next();
      toHub.push(performance.now() - t0);
      expect((await post).status).toBe(201);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    console.info(`live push latency, median of 20: reporter ${median(toReporter).toFixed(1)} ms, hub ${median(toHub).toFixed(1)} ms`);
    expect(median(toReporter)).toBeLessThan(1000);
    expect(median(toHub)).toBeLessThan(1000);
  });
});
