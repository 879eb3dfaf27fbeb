/**
 * The case file (PROTOCOL §5 events, issue 4): status, assignee, tags, notes, forwarding and
 * expiry, each an event sealed to the police key. Inside the seal an event is
 * `{v, body, officerId, publicKey, sig}` where `body` is the event's JSON **as a string** and
 * `sig` signs `utf8("stopdeal-event-v1\n" + body)`: signing the exact string means any client
 * verifies the same bytes, whatever its JSON serialiser (docs/decisions.md).
 */
import * as v from 'valibot';
import { b64Bytes, b64OneOf } from './encoding.ts';
import { Kid, OfficerId, OfficerPublicKey } from './keys.ts';
import { SEALED_REPORT_SIZES } from './limits.ts';
import { IsoTime } from './time.ts';

/** Case statuses, in workflow order. Values are frozen: they live inside sealed events. */
export const CASE_STATUSES = ['nouveau', 'a-verifier', 'verifie', 'transmis', 'classe'] as const;
export const CaseStatus = v.picklist(CASE_STATUSES);
export type CaseStatus = v.InferOutput<typeof CaseStatus>;

const Tag = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(40));
const OfficerRef = OfficerId;

const common = {
  v: v.literal(1),
  reportId: b64Bytes(16),
  at: IsoTime,
  /** Display name the author chose in their viewer (optional; officers see it, the Worker does not). */
  authorName: v.optional(v.pipe(v.string(), v.maxLength(80))),
};

export const CaseEventBody = v.variant('type', [
  v.object({ ...common, type: v.literal('status'), status: CaseStatus }),
  v.object({ ...common, type: v.literal('assign'), assignee: v.nullable(OfficerRef), assigneeName: v.optional(v.pipe(v.string(), v.maxLength(80))) }),
  v.object({ ...common, type: v.literal('tags'), add: v.optional(v.array(Tag), []), remove: v.optional(v.array(Tag), []) }),
  v.object({ ...common, type: v.literal('note'), text: v.pipe(v.string(), v.minLength(1), v.maxLength(20000)) }),
  v.object({
    ...common,
    type: v.literal('forward'),
    /** The investigator unit: its name and the kid of the key the dossier was sealed to. */
    unit: v.pipe(v.string(), v.minLength(1), v.maxLength(120)),
    unitKid: Kid,
    /** Every report in the same dossier, this one included. */
    reportIds: v.pipe(v.array(b64Bytes(16)), v.minLength(1), v.maxLength(10000)),
  }),
  v.object({ ...common, type: v.literal('expiry'), expiresAt: IsoTime }),
]);
export type CaseEventBody = v.InferOutput<typeof CaseEventBody>;
export type CaseEventBodyInput = v.InferInput<typeof CaseEventBody>;

/** What is sealed: the body as a string, and who signed it. */
export const CaseEventEnvelope = v.object({
  v: v.literal(1),
  body: v.pipe(v.string(), v.maxLength(60000)),
  officerId: OfficerId,
  publicKey: OfficerPublicKey,
  sig: b64Bytes(64),
});
export type CaseEventEnvelope = v.InferOutput<typeof CaseEventEnvelope>;

/** `POST /api/v1/reports/{id}/events` body (PROTOCOL §5); sealed = a report-sized sealed box. */
export const PostEventBody = v.object({ kid: b64Bytes(16), sealed: b64OneOf(SEALED_REPORT_SIZES) });

/** A stored event as officers list it (`GET /api/v1/events`). */
export const EventItem = v.object({
  seq: v.pipe(v.number(), v.integer(), v.minValue(1)),
  reportId: b64Bytes(16),
  kid: b64Bytes(16),
  sealed: b64OneOf(SEALED_REPORT_SIZES),
  at: IsoTime,
});
export type PostEventBody = v.InferOutput<typeof PostEventBody>;
export type EventItem = v.InferOutput<typeof EventItem>;
export const EventList = v.object({ events: v.array(EventItem), next: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0))) });
export type EventList = v.InferOutput<typeof EventList>;
