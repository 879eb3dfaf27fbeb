/**
 * The case file (PROTOCOL §5): officers post sealed events to a report and read every event
 * of the town in arrival order. The Worker sees only that an event exists: who did what is
 * inside the seal, signed by its author. Officer checks: `413`, `415`, `401`, `403`, then
 * `400`, `404` (unknown report), `422` (kid); a byte-identical retry answers `200` with the
 * stored `{seq, at}` (docs/api.md). `POST /api/v1/events` stores up to 500 events for any
 * reports at once, all or nothing, same checks (docs/api.md "Bulk case events").
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import { ReportId } from '../../../schemas/api.ts';
import { PostEventBody, type EventList } from '../../../schemas/caseFile.ts';
import { acceptedKids } from '../../../schemas/deployment.ts';
import { PostEventsBody, type PostEventAnswer, type PostEventsAnswer } from '../../../schemas/events-api.ts';
import { MAX_EVENTS_BODY } from '../../../schemas/limits.ts';
import { isoMinute } from '../../../schemas/time.ts';
import { officerOnly } from '../auth/officer.ts';
import type { AppEnv } from '../context.ts';
import { parseJsonBody } from '../http/body.ts';
import { Refusal } from '../http/errors.ts';
import { otherMethods } from '../http/methods.ts';
import { listQueryOf } from '../http/query.ts';
import { announceEvent } from '../live/notify.ts';
import { insertEvent, insertEvents, listEvents, missingReports } from '../store/events.ts';
import { reportExists } from '../store/reports.ts';

/** Mounted at `/v1/reports/:id/events`. */
export const reportEvents = new Hono<AppEnv>();

reportEvents.post('/', officerOnly({ role: 'officer', json: true }), async (c) => {
  const parsed = v.safeParse(PostEventBody, parseJsonBody(c.var.body));
  if (!parsed.success) throw new Refusal('bad_request');
  const reportId = c.req.param('id');
  // A malformed id names no report (docs/api.md): 404, like an unknown one.
  if (!v.is(ReportId, reportId) || !(await reportExists(c.env.DB, reportId))) throw new Refusal('not_found');
  const now = new Date();
  if (!acceptedKids(c.var.deployment, now).includes(parsed.output.kid)) throw new Refusal('unknown_key');
  const outcome = await insertEvent(c.env.DB, { reportId, kid: parsed.output.kid, sealed: parsed.output.sealed, at: isoMinute(now) });
  // Deleted between the check and the insert: as unknown as any other id.
  if (!outcome) throw new Refusal('not_found');
  if (outcome.kind === 'stored') announceEvent(c, outcome.event);
  const answer: PostEventAnswer = { seq: outcome.event.seq, at: outcome.event.at };
  return c.json(answer, outcome.kind === 'stored' ? 201 : 200);
});
reportEvents.all('/', otherMethods(['POST']));

/** Mounted at `/v1/events`: every event of the town, in arrival order (`seq`). */
export const events = new Hono<AppEnv>();

events.get('/', officerOnly({ role: 'officer' }), async (c) => {
  const q = listQueryOf(c.req.url);
  const page: EventList = await listEvents(c.env.DB, q.after, q.limit);
  return c.json(page);
});
// Bulk (a group closed in one action): the single endpoint's checks, once for the lot.
events.post('/', officerOnly({ role: 'officer', json: true, maxBody: MAX_EVENTS_BODY }), async (c) => {
  const parsed = v.safeParse(PostEventsBody, parseJsonBody(c.var.body));
  if (!parsed.success) throw new Refusal('bad_request');
  const list = parsed.output.events;
  if ((await missingReports(c.env.DB, list.map((e) => e.reportId))).length) throw new Refusal('not_found');
  const now = new Date();
  const kids = acceptedKids(c.var.deployment, now);
  if (list.some((e) => !kids.includes(e.kid))) throw new Refusal('unknown_key');
  const at = isoMinute(now);
  const outcomes = await insertEvents(c.env.DB, list.map((e) => ({ reportId: e.reportId, kid: e.kid, sealed: e.sealed, at })));
  if (!outcomes) throw new Refusal('not_found');
  // As the single endpoint: only new events are announced; all retries answer 200.
  for (const o of outcomes) if (o.kind === 'stored') announceEvent(c, o.event);
  const answer: PostEventsAnswer = { events: outcomes.map((o) => ({ seq: o.event.seq, at: o.event.at })) };
  return c.json(answer, outcomes.some((o) => o.kind === 'stored') ? 201 : 200);
});
events.all('/', otherMethods(['GET', 'POST']));
