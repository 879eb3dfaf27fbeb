/**
 * The reporter's side of the follow-up (PROTOCOL §4): read and answer the conversation of
 * one report with `Authorization: Mailbox <b64 mailboxSecret>`, and open its live channel.
 * Checked in order: `413`, `415`, `404` (authorisation, unknown or malformed id, no
 * mailbox: one identical body), `400`, `422`, then the per-mailbox `429`. A post of
 * byte-identical `sealed` already stored from the reporter is a retry: `200` with its `{seq, at}`.
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import { ReportId } from '../../../schemas/api.ts';
import { acceptedKids } from '../../../schemas/deployment.ts';
import { MAX_JSON_BODY } from '../../../schemas/limits.ts';
import { MAILBOX_MESSAGES_PER_HOUR, PostMessageBody, type MessageList, type PostMessageAnswer } from '../../../schemas/mailbox-api.ts';
import { isoMinute } from '../../../schemas/time.ts';
import { mailboxOnly } from '../auth/mailbox.ts';
import type { AppEnv } from '../context.ts';
import { parseJsonBody } from '../http/body.ts';
import { Refusal } from '../http/errors.ts';
import { jsonBody } from '../http/jsonBody.ts';
import { otherMethods } from '../http/methods.ts';
import { listQueryOf } from '../http/query.ts';
import { requireUpgrade, upgradeTo } from '../http/upgrade.ts';
import { mailboxChannelName } from '../live/mailboxLive.ts';
import { announceMessage } from '../live/notify.ts';
import { insertMessage, listMessages, reporterMessagesSince } from '../store/messages.ts';

export const mailbox = new Hono<AppEnv>();

const HOUR_MS = 3_600_000;

/**
 * `429 rate_limited` when the reporter already posted {@link MAILBOX_MESSAGES_PER_HOUR}
 * messages to this mailbox in the last 60 minutes (counted from the stored rows, to the
 * minute: no IP, no extra state). `Retry-After` is when the oldest of them leaves the window.
 */
async function checkMailboxRate(db: D1Database, reportId: string, now: Date): Promise<void> {
  const since = isoMinute(new Date(now.getTime() - HOUR_MS + 60_000));
  const { count, oldest } = await reporterMessagesSince(db, reportId, since);
  if (count < MAILBOX_MESSAGES_PER_HOUR) return;
  const freeAt = Date.parse(oldest ?? since) + HOUR_MS;
  throw new Refusal('rate_limited', { 'Retry-After': String(Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000))) });
}

// The live channel: authenticated by its first frame, never by the URL (docs/api.md).
mailbox.get('/:id/live', async (c) => {
  const id = c.req.param('id');
  if (!v.is(ReportId, id)) throw new Refusal('not_found');
  requireUpgrade(c);
  return upgradeTo(c, c.env.MAILBOX_LIVE.get(c.env.MAILBOX_LIVE.idFromName(mailboxChannelName(id))));
});
mailbox.all('/:id/live', otherMethods(['GET']));

mailbox.get('/:id', mailboxOnly(), async (c) => {
  const q = listQueryOf(c.req.url);
  const page: MessageList = await listMessages(c.env.DB, c.req.param('id'), q.after, q.limit);
  return c.json(page);
});

mailbox.post('/:id', jsonBody(MAX_JSON_BODY), mailboxOnly(), async (c) => {
  const parsed = v.safeParse(PostMessageBody, parseJsonBody(c.var.body));
  if (!parsed.success) throw new Refusal('bad_request');
  const now = new Date();
  if (!acceptedKids(c.var.deployment, now).includes(parsed.output.kid)) throw new Refusal('unknown_key');
  const reportId = c.req.param('id');
  await checkMailboxRate(c.env.DB, reportId, now);
  const outcome = await insertMessage(c.env.DB, { reportId, from: 'reporter', kid: parsed.output.kid, sealed: parsed.output.sealed, at: isoMinute(now) });
  // Deleted between the check and the insert: as unknown as any other id.
  if (!outcome) throw new Refusal('not_found');
  // A byte-identical retry (docs/api.md) answers the stored message and tells nobody again.
  if (outcome.kind === 'stored') announceMessage(c, outcome.message);
  const answer: PostMessageAnswer = { seq: outcome.message.seq, at: outcome.message.at };
  return c.json(answer, outcome.kind === 'stored' ? 201 : 200);
});
mailbox.all('/:id', otherMethods(['GET', 'POST']));
