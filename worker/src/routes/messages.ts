/**
 * The officers' side of the follow-up (PROTOCOL §4, §5): one report's conversation, a new
 * question to its reporter, and the town-wide inbox of every message in arrival order.
 * Officer checks: `413`, `415`, `401`, `403`, then `400`, `404` (unknown report or no
 * mailbox), `422`; a byte-identical retry answers `200` with the stored `{seq, at}`.
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import { ReportId } from '../../../schemas/api.ts';
import { acceptedKids } from '../../../schemas/deployment.ts';
import { PostMessageBody, type InboxList, type MessageList, type PostMessageAnswer } from '../../../schemas/mailbox-api.ts';
import { isoMinute } from '../../../schemas/time.ts';
import { officerOnly } from '../auth/officer.ts';
import type { AppEnv } from '../context.ts';
import { parseJsonBody } from '../http/body.ts';
import { Refusal } from '../http/errors.ts';
import { otherMethods } from '../http/methods.ts';
import { listQueryOf } from '../http/query.ts';
import { announceMessage } from '../live/notify.ts';
import { insertMessage, listInbox, listMessages } from '../store/messages.ts';
import { mailboxOf } from '../store/reports.ts';

/** Mounted at `/v1/reports/:id/messages`. */
export const reportMessages = new Hono<AppEnv>();

/** A report that exists and has a mailbox, else `404` (a malformed id names none). */
async function conversationOf(db: D1Database, id: string | undefined): Promise<string> {
  if (!v.is(ReportId, id)) throw new Refusal('not_found');
  if (typeof (await mailboxOf(db, id)) !== 'string') throw new Refusal('not_found');
  return id;
}

reportMessages.get('/', officerOnly({ role: 'officer' }), async (c) => {
  const q = listQueryOf(c.req.url);
  const id = await conversationOf(c.env.DB, c.req.param('id'));
  const page: MessageList = await listMessages(c.env.DB, id, q.after, q.limit);
  return c.json(page);
});

reportMessages.post('/', officerOnly({ role: 'officer', json: true }), async (c) => {
  const parsed = v.safeParse(PostMessageBody, parseJsonBody(c.var.body));
  if (!parsed.success) throw new Refusal('bad_request');
  const reportId = await conversationOf(c.env.DB, c.req.param('id'));
  const now = new Date();
  if (!acceptedKids(c.var.deployment, now).includes(parsed.output.kid)) throw new Refusal('unknown_key');
  const outcome = await insertMessage(c.env.DB, { reportId, from: 'police', kid: parsed.output.kid, sealed: parsed.output.sealed, at: isoMinute(now) });
  if (!outcome) throw new Refusal('not_found');
  // A retry after a lost answer (byte-identical `sealed`, docs/api.md): the stored `{seq, at}`, 200.
  if (outcome.kind === 'stored') announceMessage(c, outcome.message);
  const answer: PostMessageAnswer = { seq: outcome.message.seq, at: outcome.message.at };
  return c.json(answer, outcome.kind === 'stored' ? 201 : 200);
});
reportMessages.all('/', otherMethods(['GET', 'POST']));

/** Mounted at `/v1/messages`: every message, arrival order; `after`/`next` are `arrival`s. */
export const inbox = new Hono<AppEnv>();

inbox.get('/', officerOnly({ role: 'officer' }), async (c) => {
  const q = listQueryOf(c.req.url);
  const page: InboxList = await listInbox(c.env.DB, q.after, q.limit);
  return c.json(page);
});
inbox.all('/', otherMethods(['GET']));
