/**
 * Non-negotiable: the Worker stores no IP, user agent or other request header, and logs
 * nothing about requests. Requests carry unique canaries in their headers; afterwards every
 * table of D1 (schema and rows), every R2 object and the live channel objects' storage and
 * socket attachments are dumped and searched for them.
 */
import { runInDurableObject, SELF } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { toB64 } from '../../schemas/encoding.ts';
import { mailboxLiveTarget, OFFICER_LIVE_TARGET } from '../../schemas/mailbox-api.ts';
import { mailboxChannelName } from '../src/live/mailboxLive.ts';
import { OFFICER_HUB_NAME } from '../src/live/officerHub.ts';
import { TEST_API_ORIGIN, TEST_POW_BITS, testDeployment } from './deployment.ts';
import {
  bootstrapAdmin, call, mailboxCall, newBlob, newEvent, newMailbox, newMessage, newOfficerKey, newReport, officerCall, putBlob, randomBytes, signature, submit,
  JSON_HEADERS,
} from './helpers.ts';
import { closeSockets } from './live.ts';

afterEach(() => {
  closeSockets();
});

const run = toB64(randomBytes(6));
const CANARIES = {
  'User-Agent': `CanaryAgent/${run}`,
  'CF-Connecting-IP': `203.0.113.77`,
  'X-Forwarded-For': `198.51.100.66, canary-xff-${run}`,
  'X-Real-IP': `192.0.2.55`,
  'CF-IPCountry': `canary-country-${run}`,
  Referer: `https://referrer.example/canary-${run}`,
  Cookie: `canary-cookie=${run}`,
  'Accept-Language': `canary-lang-${run}`,
  'X-Canary': `canary-header-${run}`,
};
const NEEDLES = [...Object.values(CANARIES).flatMap((v) => v.split(/[ ,]+/)), run];

/** Every table's schema and rows, as text. */
async function dumpD1(): Promise<{ text: string; tables: string[]; columns: string[] }> {
  const master = await env.DB.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master').all<{ type: string; name: string; sql: string | null }>();
  const tables = master.results.filter((r) => r.type === 'table' && !r.name.startsWith('_cf_')).map((r) => r.name);
  let text = JSON.stringify(master.results);
  const columns: string[] = [];
  for (const t of tables) {
    const rows = await env.DB.prepare(`SELECT * FROM "${t}"`).all();
    text += JSON.stringify(rows.results);
    const info = await env.DB.prepare(`PRAGMA table_info("${t}")`).all<{ name: string }>();
    columns.push(...info.results.map((c) => `${t}.${c.name}`));
  }
  return { text, tables, columns };
}

async function dumpR2(): Promise<string> {
  let text = '';
  for (const { key } of (await env.BLOBS.list()).objects) {
    const o = (await env.BLOBS.get(key))!;
    text += key + JSON.stringify(o.httpMetadata) + JSON.stringify(o.customMetadata) + new TextDecoder().decode(await o.arrayBuffer());
  }
  return text;
}

describe('privacy', () => {
  it('stores no request header anywhere and logs nothing', async () => {
    const logs = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => vi.spyOn(console, m));
    const admin = await bootstrapAdmin();
    const officer = await newOfficerKey();
    const headers = CANARIES;

    const r = newReport({ extra: { mailbox: toB64(randomBytes(32)), blobs: [toB64(randomBytes(32))] } });
    expect((await submit(r.body, { ...JSON_HEADERS, ...headers })).status).toBe(201);
    expect((await submit(r.body, { ...JSON_HEADERS, ...headers })).status).toBe(200);
    expect((await submit('{', { ...JSON_HEADERS, ...headers })).status).toBe(400);
    expect((await officerCall(admin, 'POST', '/api/v1/officers', { publicKey: officer.publicKey, role: 'officer' }, { headers })).status).toBe(201);
    expect((await officerCall(admin, 'POST', `/api/v1/officers/${officer.officerId}/grant`, { sealed: toB64(randomBytes(100)) }, { headers })).status).toBe(201);
    expect((await officerCall(officer, 'GET', '/api/v1/reports', undefined, { headers })).status).toBe(200);
    expect((await officerCall(officer, 'PUT', `/api/v1/reports/${r.id}/expiry`, { expiresAt: '2027-01-01T00:00:00Z' }, { headers })).status).toBe(204);
    expect((await officerCall(officer, 'GET', '/api/v1/officers/me/grant', undefined, { headers })).status).toBe(200);
    expect((await call('/api/v1/reports', { headers })).status).toBe(401);
    expect((await call('/api/v1/meta', { headers })).status).toBe(200);

    const d1 = await dumpD1();
    // Positive control: the dump holds what was stored.
    expect(d1.text).toContain(r.id);
    expect(d1.text).toContain(officer.officerId);
    expect(d1.tables).toEqual(expect.arrayContaining(['reports', 'officers', 'replay_cache', 'grants']));
    for (const needle of NEEDLES) expect(d1.text, needle).not.toContain(needle);
    for (const needle of NEEDLES) expect(await dumpR2(), needle).not.toContain(needle);
    // No column could hold one.
    for (const c of d1.columns) expect(c).not.toMatch(/ip|agent|header|addr|forward|referer|cookie|country|lang/i);
    // The Worker printed nothing at all.
    for (const spy of logs) {
      expect(spy).not.toHaveBeenCalled();
      spy.mockRestore();
    }
  });

  it('stores and logs nothing of the headers of mailbox, message and live traffic', async () => {
    const logs = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => vi.spyOn(console, m));
    const admin = await bootstrapAdmin();
    const headers = CANARIES;
    const box = await newMailbox();
    const m1 = newMessage();
    expect((await mailboxCall(box.id, box.authorization, { body: m1, headers })).status).toBe(201);
    expect((await mailboxCall(box.id, box.authorization, { headers })).status).toBe(200);
    expect((await mailboxCall(box.id, `Mailbox ${toB64(randomBytes(32))}`, { body: newMessage(), headers })).status).toBe(404);
    expect((await mailboxCall(toB64(randomBytes(16)), box.authorization, { headers })).status).toBe(404);
    expect((await officerCall(admin, 'POST', `/api/v1/reports/${box.id}/messages`, newMessage(), { headers })).status).toBe(201);
    expect((await officerCall(admin, 'GET', `/api/v1/reports/${box.id}/messages`, undefined, { headers })).status).toBe(200);
    expect((await officerCall(admin, 'GET', '/api/v1/messages', undefined, { headers })).status).toBe(200);
    expect((await call('/api/v1/receipt-key', { headers })).status).toBe(200);

    // Live sockets opened with the canaries in their upgrade requests; one authenticated each.
    const sockets: WebSocket[] = [];
    for (const [path, frame] of [
      [mailboxLiveTarget(box.id), box.authorization],
      [OFFICER_LIVE_TARGET, await signature(admin, 'GET', OFFICER_LIVE_TARGET, '')],
      [mailboxLiveTarget(box.id), undefined],
    ] as const) {
      const res = await SELF.fetch(TEST_API_ORIGIN + path, { headers: { ...headers, Upgrade: 'websocket' } });
      const ws = res.webSocket!;
      ws.accept();
      const ready = new Promise((resolve) => ws.addEventListener('message', resolve, { once: true }));
      if (frame) {
        ws.send(frame);
        await ready;
      }
      sockets.push(ws);
    }
    expect((await mailboxCall(box.id, box.authorization, { body: newMessage(), headers })).status).toBe(201);

    const d1 = await dumpD1();
    expect(d1.text).toContain(m1.sealed); // positive control
    expect(d1.tables).toEqual(expect.arrayContaining(['reports', 'messages', 'replay_cache']));
    for (const needle of NEEDLES) expect(d1.text, needle).not.toContain(needle);
    for (const c of d1.columns) expect(c).not.toMatch(/ip|agent|header|addr|forward|referer|cookie|country|lang/i);
    for (const stub of [env.MAILBOX_LIVE.get(env.MAILBOX_LIVE.idFromName(mailboxChannelName(box.id))), env.OFFICER_HUB.get(env.OFFICER_HUB.idFromName(OFFICER_HUB_NAME))]) {
      const text = await runInDurableObject(stub, async (_, state) => {
        const stored = [...(await state.storage.list()).entries()];
        const attachments = state.getWebSockets().map((ws) => ws.deserializeAttachment() as unknown);
        const tables = state.storage.sql.exec("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\_%' ESCAPE '\\'").toArray();
        return JSON.stringify({ stored, attachments, tables });
      });
      expect(text).toContain('"state":"open"'); // positive control: the attachments were read
      for (const needle of NEEDLES) expect(text, needle).not.toContain(needle);
      expect(text).not.toContain(box.secret);
    }
    for (const ws of sockets) ws.close(1000);
    for (const spy of logs) {
      expect(spy).not.toHaveBeenCalled();
      spy.mockRestore();
    }
  });

  it('stores and logs nothing of the headers of case-file events and blob uploads and downloads; R2 holds no metadata', async () => {
    const logs = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => vi.spyOn(console, m));
    const admin = await bootstrapAdmin();
    const headers = CANARIES;
    const blob = newBlob();
    const unnamed = newBlob();
    const r = newReport({ extra: { blobs: [blob.id] } });
    expect((await submit(r.body, { ...JSON_HEADERS, ...headers })).status).toBe(201);
    const event = newEvent();
    expect((await officerCall(admin, 'POST', `/api/v1/reports/${r.id}/events`, event, { headers })).status).toBe(201);
    expect((await officerCall(admin, 'POST', `/api/v1/reports/${r.id}/events`, event, { headers })).status).toBe(200);
    expect((await officerCall(admin, 'GET', '/api/v1/events', undefined, { headers })).status).toBe(200);
    for (const b of [blob, unnamed]) expect((await putBlob(b, headers)).status).toBe(201);
    expect((await putBlob(blob, { ...headers, 'Content-Type': 'application/octet-stream; canary=' + run })).status).toBe(200);
    expect((await putBlob({ ...newBlob(), pow: toB64(randomBytes(8)) }, headers)).status).toBe(400);
    const down = await officerCall(admin, 'GET', `/api/v1/blobs/${blob.id}`, undefined, { headers });
    expect(down.status).toBe(200);
    await down.arrayBuffer();

    const d1 = await dumpD1();
    expect(d1.text).toContain(event.sealed); // positive control
    expect(d1.text).toContain(blob.id);
    expect(d1.tables).toEqual(expect.arrayContaining(['events', 'blobs', 'report_blobs']));
    for (const needle of NEEDLES) expect(d1.text, needle).not.toContain(needle);
    for (const c of d1.columns) expect(c).not.toMatch(/ip|agent|header|addr|forward|referer|cookie|country|lang/i);
    const r2 = await dumpR2();
    expect(r2).toContain(unnamed.id); // positive control: the objects were read
    for (const needle of NEEDLES) expect(r2, needle).not.toContain(needle);
    for (const b of [blob, unnamed]) {
      const head = (await env.BLOBS.head(b.id))!;
      expect([head.customMetadata, head.httpMetadata]).toEqual([{}, {}]);
    }
    for (const spy of logs) {
      expect(spy).not.toHaveBeenCalled();
      spy.mockRestore();
    }
  });

  it('the flood gate keeps only its raise and window start, nothing of a request', async () => {
    const logs = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => vi.spyOn(console, m));
    const townId = `privacy-${run.toLowerCase().replace(/[^a-z0-9]/g, '')}`.slice(0, 40);
    const bindings = { DEPLOYMENT: JSON.stringify(testDeployment({ town: { id: townId, name: 'Privacy' }, effort: { targetPerWindow: 1 } })) };
    const r = newReport();
    expect((await submit(r.body, { ...JSON_HEADERS, ...CANARIES }, bindings)).status).toBe(201);
    const b = newBlob(undefined, TEST_POW_BITS + 1);
    expect((await putBlob(b, CANARIES, bindings)).status).toBe(201);
    expect((await call('/api/v1/meta', { headers: CANARIES }, bindings)).status).toBe(200);
    const stub = env.FLOOD_GATE.get(env.FLOOD_GATE.idFromName(townId));
    const { stored, tables } = await runInDurableObject(stub, async (_, state) => ({
      stored: [...(await state.storage.list()).entries()],
      tables: state.storage.sql.exec("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\_%' ESCAPE '\\'").toArray(),
    }));
    // Positive control: two stored units raised it twice, and that is all it holds.
    expect(stored).toEqual([['effort', { raise: 2, windowStart: expect.any(Number) }]]);
    expect(tables).toEqual([]);
    const text = JSON.stringify(stored);
    for (const needle of [...NEEDLES, r.id, b.id]) expect(text, needle).not.toContain(needle);
    for (const spy of logs) {
      expect(spy).not.toHaveBeenCalled();
      spy.mockRestore();
    }
  });

  it('logs only the class name of an unexpected error', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const brokenDb = {
      prepare() {
        throw new TypeError(`boom ${run}`);
      },
    } as unknown as D1Database;
    const res = await submit(newReport().body, { ...JSON_HEADERS, ...CANARIES }, { DB: brokenDb });
    expect(res.status).toBe(500);
    expect(await res.text()).toBe('{"error":{"code":"internal","message":"Internal error."}}');
    expect(spy.mock.calls).toEqual([['unexpected TypeError']]);
    spy.mockRestore();
  });
});
