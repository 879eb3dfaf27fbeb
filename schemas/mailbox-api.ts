/**
 * The follow-up conversation on the wire (PROTOCOL §4): message objects, the reporter's and
 * the officers' message endpoints, and the frames of the live channel (docs/api.md
 * "Follow-up"). Additive to `api.ts`; imports nothing from it, so it may be re-exported
 * anywhere without an import cycle.
 */
import * as v from 'valibot';
import { b64Bytes, b64OneOf } from './encoding.ts';
import { SEALED_MESSAGE_SIZES } from './limits.ts';
import { IsoTime } from './time.ts';

const Seq = v.pipe(v.number(), v.integer(), v.minValue(1));
const Next = v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0)));

/** Who wrote a message: the only authorship fact the Worker knows. */
export const MessageFrom = v.picklist(['police', 'reporter']);
export type MessageFrom = v.InferOutput<typeof MessageFrom>;

/** `nonce ‖ crypto_box_easy(padded JSON)`: 1064, 4136, 16424 or 65576 bytes, else `400`. */
export const SealedMessage = b64OneOf(SEALED_MESSAGE_SIZES);

/** A stored message (PROTOCOL §4): `seq` counts per report from 1; `at` is to the minute. */
export const MessageItem = v.object({
  seq: Seq,
  from: MessageFrom,
  kid: b64Bytes(16),
  sealed: SealedMessage,
  at: IsoTime,
});
export type MessageItem = v.InferOutput<typeof MessageItem>;

/** `POST /api/v1/mailbox/{id}` and `POST /api/v1/reports/{id}/messages` body. */
export const PostMessageBody = v.object({ kid: b64Bytes(16), sealed: SealedMessage });
export type PostMessageBody = v.InferOutput<typeof PostMessageBody>;

/** `201` answer to a stored message. */
export const PostMessageAnswer = v.object({ seq: Seq, at: IsoTime });
export type PostMessageAnswer = v.InferOutput<typeof PostMessageAnswer>;

/**
 * One report's conversation, both directions, ascending `seq`
 * (`GET /api/v1/mailbox/{id}`, `GET /api/v1/reports/{id}/messages`); `after`/`next` are `seq`s.
 */
export const MessageList = v.object({ messages: v.array(MessageItem), next: Next });
export type MessageList = v.InferOutput<typeof MessageList>;

/**
 * An item of the officers' inbox (`GET /api/v1/messages`): a message with its `reportId` and
 * its `arrival`, the town-wide arrival number that `after` and `next` of the inbox count in
 * (docs/api.md): `seq` stays the per-report number.
 */
export const InboxMessage = v.object({ ...MessageItem.entries, reportId: b64Bytes(16), arrival: Seq });
export type InboxMessage = v.InferOutput<typeof InboxMessage>;

/** `GET /api/v1/messages`: every message in arrival order; `next` is an `arrival`. */
export const InboxList = v.object({ messages: v.array(InboxMessage), next: Next });
export type InboxList = v.InferOutput<typeof InboxList>;

/** The reporter's credential scheme: `Authorization: Mailbox <b64 mailboxSecret>` (PROTOCOL §4). */
export const MAILBOX_SCHEME = 'Mailbox';

/** The `Authorization` value for a mailbox secret (HTTP header, or first live frame). */
export function mailboxAuthorization(mailboxSecretB64: string): string {
  return `${MAILBOX_SCHEME} ${mailboxSecretB64}`;
}

/** Messages a reporter may post to one mailbox in any 60 minutes (docs/api.md), then `429`. */
export const MAILBOX_MESSAGES_PER_HOUR = 30;

// ---- Live channel (WebSocket; docs/api.md "Live channel") ----

/** The officers' live channel; an officer signs its first frame over `GET` and this target. */
export const OFFICER_LIVE_TARGET = '/api/v1/live';
/** The reporter's live channel for report `id`. */
export function mailboxLiveTarget(id: string): string {
  return `/api/v1/mailbox/${id}/live`;
}
/** Time a socket has to send its first (authorisation) frame. */
export const LIVE_AUTH_TIMEOUT_MS = 10_000;
/** Close code of a socket whose first frame fails or never comes (RFC 6455 "policy violation"). */
export const LIVE_CLOSE_POLICY = 1008;
/** A frame a client may send once `ready` to check the socket; the answer is {@link LivePong}. */
export const LIVE_PING = 'ping';

export const LiveReady = v.object({ type: v.literal('ready') });
export const LivePong = v.object({ type: v.literal('pong') });
/** A new message in the reporter's conversation. */
export const LiveMessage = v.object({ type: v.literal('message'), message: MessageItem });
/** A new message anywhere in the town (officer hub). */
export const LiveInboxMessage = v.object({ type: v.literal('message'), message: InboxMessage });
/** A new report arrived (officer hub): `seq` is the report's list cursor. */
export const LiveReport = v.object({ type: v.literal('report'), seq: Seq, id: b64Bytes(16) });

/** Frames the server sends on `GET /api/v1/mailbox/{id}/live`. */
export const ReporterLiveFrame = v.variant('type', [LiveReady, LivePong, LiveMessage]);
export type ReporterLiveFrame = v.InferOutput<typeof ReporterLiveFrame>;
/** Frames the server sends on `GET /api/v1/live`. */
export const OfficerLiveFrame = v.variant('type', [LiveReady, LivePong, LiveInboxMessage, LiveReport]);
export type OfficerLiveFrame = v.InferOutput<typeof OfficerLiveFrame>;
