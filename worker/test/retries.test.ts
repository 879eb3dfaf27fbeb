/**
 * Idempotent retries (docs/api.md "Retries"): a post whose answer was lost is sent again with
 * byte-identical `sealed`; the Worker answers `200` with the stored `{seq, at}` and stores no
 * second copy: officer messages, reporter messages and case-file events alike. What is not
 * a retry (other bytes, another report, the other side) is stored as usual.
 */
import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { toB64 } from '../../schemas/encoding.ts';
import { PostEventAnswer } from '../../schemas/events-api.ts';
import { MAILBOX_MESSAGES_PER_HOUR, PostMessageAnswer } from '../../schemas/mailbox-api.ts';
import {
  bootstrapAdmin, enrol, errorOf, mailboxCall, newEvent, newMailbox, newMessage, newOfficerKey, officerCall, randomBytes, storeReports,
  type TestMailbox, type TestOfficer,
} from './helpers.ts';

let admin: TestOfficer;
let officer: TestOfficer;
let box: TestMailbox;

beforeEach(async () => {
  admin = await bootstrapAdmin();
  officer = await newOfficerKey();
  await enrol(officer, 'officer');
  box = await newMailbox();
});

const count = async (table: 'messages' | 'events') => (await env.DB.prepare(`SELECT COUNT(*) AS n FROM ${table}`).first<{ n: number }>())!.n;

/** One way to post `{kid, sealed}` to report `id`. */
interface Poster {
  name: string;
  table: 'messages' | 'events';
  post(id: string, body: { kid: string; sealed: string }): Promise<Response>;
  body(): { kid: string; sealed: string };
  /** A report this poster may post to. */
  target(): Promise<TestMailbox>;
}

const posters: Poster[] = [
  {
    name: 'officer message',
    table: 'messages',
    post: (id, body) => officerCall(officer, 'POST', `/api/v1/reports/${id}/messages`, body),
    body: () => newMessage(),
    target: () => newMailbox(),
  },
  {
    name: 'reporter message',
    table: 'messages',
    post: async (id, body) => {
      const b = id === box.id ? box : undefined;
      if (!b) throw new Error('reporter posts only to the test mailbox');
      return mailboxCall(b.id, b.authorization, { body });
    },
    body: () => newMessage(),
    target: async () => box,
  },
  {
    name: 'case-file event',
    table: 'events',
    post: (id, body) => officerCall(officer, 'POST', `/api/v1/reports/${id}/events`, body),
    body: () => newEvent(),
    target: () => newMailbox(),
  },
];

describe.each(posters)('$name', (p) => {
  it('answers a byte-identical retry 200 with the stored {seq, at}, and stores one copy', async () => {
    const t = await p.target();
    const body = p.body();
    const first = await p.post(t.id, body);
    expect(first.status).toBe(201);
    const stored = (await first.json()) as { seq: number; at: string };
    for (let i = 0; i < 3; i++) {
      const again = await p.post(t.id, body);
      expect(again.status).toBe(200);
      expect(await again.json()).toEqual(stored);
    }
    expect(await count(p.table)).toBe(1);
  });

  it('stores other bytes, even of the same size and kid, as a new item', async () => {
    const t = await p.target();
    const a = p.body();
    expect((await p.post(t.id, a)).status).toBe(201);
    const b = { ...p.body(), kid: a.kid };
    expect(b.sealed.length).toBe(a.sealed.length);
    const res = await p.post(t.id, b);
    expect(res.status).toBe(201);
    expect(await count(p.table)).toBe(2);
  });

  it('stores concurrent identical posts once: one 201, the others 200 with the same answer', async () => {
    const t = await p.target();
    const body = p.body();
    const answers = await Promise.all(Array.from({ length: 5 }, () => p.post(t.id, body)));
    expect(answers.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 201]);
    const bodies = await Promise.all(answers.map((r) => r.json()));
    for (const b of bodies) expect(b).toEqual(bodies[0]);
    expect(await count(p.table)).toBe(1);
  });

  it('still checks a retry like any post: a bad body is 400, an unknown kid 422', async () => {
    const t = await p.target();
    const body = p.body();
    expect((await p.post(t.id, body)).status).toBe(201);
    expect((await errorOf(await p.post(t.id, { ...body, kid: toB64(randomBytes(16)) }))).code).toBe('unknown_key');
    expect((await errorOf(await p.post(t.id, { ...body, sealed: body.sealed.slice(4) }))).code).toBe('bad_request');
    expect(await count(p.table)).toBe(1);
  });
});

describe('what is not a retry', () => {
  it('the same event bytes on another report are another event', async () => {
    const [a, b] = await storeReports(2);
    const body = newEvent();
    const first = v.parse(PostEventAnswer, await (await officerCall(officer, 'POST', `/api/v1/reports/${a}/events`, body)).json());
    const res = await officerCall(officer, 'POST', `/api/v1/reports/${b}/events`, body);
    expect(res.status).toBe(201);
    expect(v.parse(PostEventAnswer, await res.json()).seq).toBe(first.seq + 1);
  });

  it('the same message bytes from the other side are stored (a retry comes through the endpoint that stored it)', async () => {
    const body = newMessage();
    expect((await officerCall(officer, 'POST', `/api/v1/reports/${box.id}/messages`, body)).status).toBe(201);
    const res = await mailboxCall(box.id, box.authorization, { body });
    expect(res.status).toBe(201);
    expect(v.parse(PostMessageAnswer, await res.json()).seq).toBe(2);
    // And each side's retry finds its own.
    const again = await officerCall(admin, 'POST', `/api/v1/reports/${box.id}/messages`, body);
    expect([again.status, ((await again.json()) as PostMessageAnswer).seq]).toEqual([200, 1]);
  });

  it('an event retry after its report was deleted is 404, like any post', async () => {
    const [a] = await storeReports(1);
    const body = newEvent();
    expect((await officerCall(officer, 'POST', `/api/v1/reports/${a}/events`, body)).status).toBe(201);
    expect((await officerCall(admin, 'DELETE', `/api/v1/reports/${a}`)).status).toBe(204);
    expect((await errorOf(await officerCall(officer, 'POST', `/api/v1/reports/${a}/events`, body))).code).toBe('not_found');
  });

  it('a reporter retry over the hourly limit is refused like any post (429 comes before 200, PROTOCOL §3 order)', async () => {
    const body = newMessage();
    expect((await mailboxCall(box.id, box.authorization, { body })).status).toBe(201);
    for (let i = 1; i < MAILBOX_MESSAGES_PER_HOUR; i++) expect((await mailboxCall(box.id, box.authorization, { body: newMessage() })).status).toBe(201);
    const res = await mailboxCall(box.id, box.authorization, { body });
    expect(res.status).toBe(429);
    expect(await count('messages')).toBe(MAILBOX_MESSAGES_PER_HOUR);
  });
});
