/**
 * Follow-up messages on the officers' side (PROTOCOL §4), in memory only:
 * - a reporter's answer was boxed with (police public key of `kid`, reporter secret key);
 * - an officer's question was boxed with (reporter public key `replyTo`, police secret key).
 * `crypto_box` derives the same shared key from (reporter public, police secret) as from
 * (police public, reporter secret), so officers open BOTH directions with the report's
 * `replyTo` and the police secret key the message's kid names (tested in Node).
 * Every failure becomes a reason on the message: nothing is dropped.
 */
import { IntegrityError, InvalidContentError, openMessage, sealMessage } from '../../../crypto/index.ts';
import type { PoliceKeyEntry } from '../../../schemas/deployment.ts';
import { fromB64, toB64 } from '../../../schemas/encoding.ts';
import type { PoliceKeyPairEntry } from '../../../schemas/keyring.ts';
import type { MessageFrom, MessageItem, PostMessageBody } from '../../../schemas/mailbox-api.ts';
import { isoSeconds } from '../../../schemas/time.ts';

/**
 * Why a message cannot be shown:
 * - `integrity`: does not open with the keys it names (altered, or sealed with another key);
 * - `unknown-key`: names a police kid this keyring does not hold;
 * - `invalid-content`: opens, but is not a protocol message;
 * - `no-reply-key`: the report gives no reporter key (unreadable report, or no `replyTo`).
 */
export type UnreadableReason = 'integrity' | 'unknown-key' | 'invalid-content' | 'no-reply-key';

interface MessageFacts {
  seq: number;
  from: MessageFrom;
  kid: string;
  /** When the Worker stored it (to the minute). */
  at: string;
}

export type OpenedMessage =
  | (MessageFacts & { ok: true; body: string; /** When its author's device says it was written. */ writtenAt: string })
  | (MessageFacts & { ok: false; reason: UnreadableReason });

/** Opens one stored message of a conversation with the report's reporter key. */
export async function openConversationMessage(item: MessageItem, replyTo: string | null, keys: readonly PoliceKeyPairEntry[]): Promise<OpenedMessage> {
  const facts: MessageFacts = { seq: item.seq, from: item.from, kid: item.kid, at: item.at };
  if (!replyTo) return { ...facts, ok: false, reason: 'no-reply-key' };
  const police = keys.find((k) => k.kid === item.kid);
  if (!police) return { ...facts, ok: false, reason: 'unknown-key' };
  const secret = fromB64(police.secretKey);
  try {
    const m = await openMessage(fromB64(item.sealed), fromB64(replyTo), secret);
    return { ...facts, ok: true, body: m.body, writtenAt: m.at };
  } catch (e) {
    return { ...facts, ok: false, reason: e instanceof InvalidContentError ? 'invalid-content' : e instanceof IntegrityError ? 'integrity' : 'integrity' };
  } finally {
    secret.fill(0);
  }
}

/**
 * The key an officer's question is sealed with: the newest police key the deployment marks
 * active (what the reporter app pins, PROTOCOL §1) among those this keyring holds; null when
 * the keyring holds none of them.
 */
export function sealingKey(deploymentKeys: readonly PoliceKeyEntry[], held: readonly PoliceKeyPairEntry[]): PoliceKeyPairEntry | null {
  const active = deploymentKeys.filter((k) => k.status === 'active').sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  for (const k of active) {
    const pair = held.find((h) => h.kid === k.kid && h.publicKey === k.publicKey);
    if (pair) return pair;
  }
  return null;
}

/** Seals a question to the reporter: the body of `POST /api/v1/reports/{id}/messages`. */
export async function sealQuestion(body: string, replyTo: string, key: PoliceKeyPairEntry, now: Date): Promise<PostMessageBody> {
  const secret = fromB64(key.secretKey);
  try {
    const sealed = await sealMessage({ v: 1, at: isoSeconds(now), body, attachments: [] }, fromB64(replyTo), secret);
    return { kid: key.kid, sealed: toB64(sealed) };
  } finally {
    secret.fill(0);
  }
}
