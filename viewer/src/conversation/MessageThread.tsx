/**
 * A conversation's messages, oldest first: who wrote, the minute it was stored, whether it
 * is new, then its text; questions still being sent follow, with their state. Message text
 * is hostile: it is only ever a text node, isolated for bidirectional text (<bdi>). A
 * message that could not be opened says so and why, in its place.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';
import { currentLang, useMessages } from '../i18n/index.ts';
import type { ThreadItem } from './conversation.ts';
import { formatMinute } from '../shared/format.ts';
import { discardQuestion, retryQuestion, type Outgoing } from './outgoing.ts';

/** A device's own time differing from the server's by more than this is shown (an answer written offline). */
const WRITTEN_AT_SHOWN_AFTER_MS = 5 * 60_000;

function Message(props: { item: ThreadItem }) {
  const m = useMessages();
  const lang = currentLang();
  const { item } = props;
  const o = item.opened;
  const author = item.from === 'reporter' ? m.authorReporter : item.mine ? m.authorYou : m.authorPolice;
  const written = o?.ok && Math.abs(Date.parse(o.writtenAt) - Date.parse(item.at)) > WRITTEN_AT_SHOWN_AFTER_MS ? o.writtenAt : null;
  return (
    <li class={`msg msg-${item.from}${item.isNew ? ' msg-new' : ''}${o && !o.ok ? ' msg-unreadable' : ''}`} data-seq={item.seq}>
      <p class="msg-head">
        <span class="msg-author">{author}</span>
        <time class="msg-time" dateTime={item.at}>
          {formatMinute(item.at, lang)}
        </time>
        {item.isNew ? <span class="badge badge-new">{m.messageNew}</span> : null}
        {item.mine ? <span class="msg-state">{m.messageSent}</span> : null}
      </p>
      {o === null ? (
        <p class="msg-body muted">{m.messageOpening}</p>
      ) : o.ok ? (
        <p class="msg-body">
          <bdi class="text text-multiline">{o.body}</bdi>
        </p>
      ) : (
        <p class="msg-body msg-problem">
          <strong>{m.unreadableMessage}</strong> {m.unreadableReason(o.reason)}
        </p>
      )}
      {written ? <p class="msg-written hint">{m.writtenAt(formatMinute(written, lang))}</p> : null}
    </li>
  );
}

function Pending(props: { item: Outgoing }) {
  const m = useMessages();
  const { item } = props;
  const failed = item.state === 'failed';
  return (
    <li class={`msg msg-police msg-pending${failed ? ' msg-failed' : ''}`} data-pending={item.localId}>
      <p class="msg-head">
        <span class="msg-author">{m.authorYou}</span>
        <span class="msg-state">{failed ? m.messageFailed : m.messageSending}</span>
      </p>
      <p class="msg-body">
        <bdi class="text text-multiline">{item.body}</bdi>
      </p>
      {failed ? (
        <div class="msg-failure">
          <p>{item.failure ? m.sendFailure(item.failure) : null}</p>
          <div class="button-row">
            <button type="button" class="button-secondary" onClick={() => void retryQuestion(item.localId)}>
              {m.retrySend}
            </button>
            <button type="button" class="button-quiet-dark" onClick={() => discardQuestion(item.localId)}>
              {m.discardSend}
            </button>
          </div>
        </div>
      ) : null}
    </li>
  );
}

/** How close to the end (px) counts as "reading the latest": new messages then scroll into view. */
const AT_END_PX = 48;

export function MessageThread(props: { messages: readonly ThreadItem[]; pending: readonly Outgoing[] }) {
  const m = useMessages();
  const ref = useRef<HTMLOListElement>(null);
  const count = props.messages.length + props.pending.length;
  // Where the list scrolls (wide screens), keep the latest in view (a new message, a message
  // growing once decrypted) unless the officer had scrolled back to read: measured before
  // this render changes the list, applied right after it.
  const el = ref.current;
  const wasAtEnd = !el || el.scrollHeight - el.scrollTop - el.clientHeight < AT_END_PX;
  useLayoutEffect(() => {
    if (wasAtEnd && ref.current) ref.current.scrollTop = ref.current.scrollHeight;
  });
  if (!count) return <p class="muted thread-empty">{m.conversationEmpty}</p>;
  return (
    <ol
      class="thread"
      ref={ref}
      aria-label={m.threadLabel}
      // Focusable, so that a keyboard can scroll it when it scrolls.
      tabIndex={0}
    >
      {props.messages.map((item) => (
        <Message key={item.key} item={item} />
      ))}
      {props.pending.map((item) => (
        <Pending key={`pending-${item.localId}`} item={item} />
      ))}
    </ol>
  );
}
