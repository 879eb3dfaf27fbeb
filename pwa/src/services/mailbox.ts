/**
 * The reporter's calls to its mailbox (PROTOCOL §4), on the app's own origin, authorised by
 * `Authorization: Mailbox <b64 mailboxSecret>`: read the conversation, post an answer.
 * A missing or wrong secret and an unknown id answer the same `404`, and so does this
 * module: `unknown`, never a hint which. Used by the page and the service worker (the
 * outbox delivers answers), so the `fetch` is passed in; no `window`, no `document`.
 */
import * as v from 'valibot';
import { MessageList, PostMessageAnswer, type MessageItem } from '../../../schemas/mailbox-api.ts';
import { failureOf, request, type Fetch, type PostOutcome } from './api.ts';

/** `/api/v1/mailbox/{id}`: where a report's conversation is read and answered. */
export const mailboxPath = (id: string): string => `/api/v1/mailbox/${id}`;

/** The report id of a mailbox path (the outbox stores the path as an answer's target). */
export function mailboxIdOf(target: string): string | null {
  return /^\/api\/v1\/mailbox\/([\w-]+)$/.exec(target)?.[1] ?? null;
}

/** Largest page asked for (PROTOCOL §5: at most 500). */
const PAGE = 500;
/** A conversation is short; this bounds a misbehaving server's paging. */
const MAX_PAGES = 20;

export type MailboxRead =
  | { kind: 'ok'; messages: MessageItem[] }
  | { kind: 'unknown' }
  | { kind: 'network_error' }
  | { kind: 'server_error'; status: number };

/**
 * Every message after `after`, all pages, ascending `seq` (§4, §5). `404` is `unknown`:
 * a mistyped code, a report never received or deleted, a wrong secret alike.
 */
export async function readMailbox(fetchFn: Fetch, target: string, authorization: string, after = 0, timeoutMs = 15_000): Promise<MailboxRead> {
  const messages: MessageItem[] = [];
  let cursor = after;
  for (let page = 0; page < MAX_PAGES; page++) {
    let res: Response;
    try {
      res = await fetchFn(`${target}?after=${cursor}&limit=${PAGE}`, request({ method: 'GET', headers: { Authorization: authorization }, signal: AbortSignal.timeout(timeoutMs) }));
    } catch {
      return { kind: 'network_error' };
    }
    if (res.status === 404) {
      await res.body?.cancel();
      return { kind: 'unknown' };
    }
    if (res.status !== 200) {
      await res.body?.cancel();
      return { kind: 'server_error', status: res.status };
    }
    const parsed = v.safeParse(MessageList, await res.json().catch(() => null));
    if (!parsed.success) return { kind: 'server_error', status: 200 };
    messages.push(...parsed.output.messages);
    if (parsed.output.next === null || parsed.output.next <= cursor) break;
    cursor = parsed.output.next;
  }
  return { kind: 'ok', messages };
}

export type MessagePostOutcome = { kind: 'stored'; seq: number; at: string } | Exclude<PostOutcome, { kind: 'stored' }>;

/** `POST /api/v1/mailbox/{id}` with the stored body, byte for byte; only `201` stores (§4). */
export async function postAnswer(fetchFn: Fetch, target: string, authorization: string, body: string, now = Date.now(), timeoutMs = 30_000): Promise<MessagePostOutcome> {
  let res: Response;
  try {
    res = await fetchFn(target, request({ method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: authorization }, body, signal: AbortSignal.timeout(timeoutMs) }));
  } catch {
    return { kind: 'network_error' };
  }
  if (res.status === 201) {
    const answer = v.safeParse(PostMessageAnswer, await res.json().catch(() => null));
    // Stored whatever the body says; a body we cannot read only loses the seq.
    return answer.success ? { kind: 'stored', seq: answer.output.seq, at: answer.output.at } : { kind: 'stored', seq: 0, at: '' };
  }
  return failureOf(res, now);
}
