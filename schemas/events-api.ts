/**
 * The case file on the wire, besides the shapes of `caseFile.ts` (PROTOCOL §5 events,
 * docs/api.md "Case-file events"): the answer to a stored event and the officer hub's frames,
 * now with events. Additive: `OfficerLiveFrame` (mailbox-api.ts) stays as it was; a client
 * that wants event frames parses {@link OfficerHubFrame}.
 */
import * as v from 'valibot';
import { b64Bytes } from './encoding.ts';
import { EventItem, PostEventBody } from './caseFile.ts';
import { MAX_EVENTS_PER_POST } from './limits.ts';
import { LiveInboxMessage, LivePong, LiveReady, LiveReport } from './mailbox-api.ts';
import { IsoTime } from './time.ts';

/** `201` (stored) / `200` (identical retry) answer to `POST /api/v1/reports/{id}/events`. */
export const PostEventAnswer = v.object({ seq: v.pipe(v.number(), v.integer(), v.minValue(1)), at: IsoTime });
export type PostEventAnswer = v.InferOutput<typeof PostEventAnswer>;

/**
 * `POST /api/v1/events` body (docs/api.md "Bulk case events", additive to PROTOCOL §5): up to
 * {@link MAX_EVENTS_PER_POST} events, each the single endpoint's body plus its report id.
 */
export const BulkEvent = v.object({ reportId: b64Bytes(16), ...PostEventBody.entries });
export type BulkEvent = v.InferOutput<typeof BulkEvent>;
export const PostEventsBody = v.object({ events: v.pipe(v.array(BulkEvent), v.minLength(1), v.maxLength(MAX_EVENTS_PER_POST)) });
export type PostEventsBody = v.InferOutput<typeof PostEventsBody>;
/** Its answer: one `{seq, at}` per event, in the order sent. */
export const PostEventsAnswer = v.object({ events: v.array(PostEventAnswer) });
export type PostEventsAnswer = v.InferOutput<typeof PostEventsAnswer>;

/** A new case-file event anywhere in the town (officer hub): the object `GET /api/v1/events` lists. */
export const LiveEvent = v.object({ type: v.literal('event'), event: EventItem });
export type LiveEvent = v.InferOutput<typeof LiveEvent>;

/** Every frame the server sends on `GET /api/v1/live`: {@link OfficerLiveFrame} plus events. */
export const OfficerHubFrame = v.variant('type', [LiveReady, LivePong, LiveInboxMessage, LiveReport, LiveEvent]);
export type OfficerHubFrame = v.InferOutput<typeof OfficerHubFrame>;
