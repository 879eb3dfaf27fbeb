/**
 * The conversation (issue 3): police questions and the resident's answers, oldest first, as
 * plain text (never HTML). A message that does not open says so ("Message illisible"): it is
 * never dropped. Answers still in the outbox say they wait. New police messages are
 * announced politely by the screen (aria-live), not by re-reading the whole list.
 */
import { t } from '../i18n/index.ts';
import type { ThreadItem } from '../services/conversation.ts';
import { formatMinute } from './format.ts';

interface Props {
  items: ThreadItem[];
  onRetry: (key: string) => void;
}

export function MessageThread({ items, onRetry }: Props) {
  const f = t.value.follow;
  if (!items.length) return <p class="help">{f.noMessages}</p>;
  return (
    <ol class="thread">
      {items.map((m) => (
        <li key={m.key} class={`message from-${m.from} state-${m.state}`} data-seq={m.seq ?? undefined} data-from={m.from} data-state={m.state} data-readable={m.body === null ? 'no' : m.body === undefined ? 'opening' : 'yes'}>
          <p class="message-meta">
            <span class="message-author">{m.from === 'police' ? f.fromPolice : f.fromYou}</span>
            {m.at ? <span class="message-time">{formatMinute(m.at)}</span> : null}
          </p>
          {m.body === null ? (
            <p class="message-body unreadable">{f.unreadable}</p>
          ) : m.body === undefined ? (
            <p class="message-body help">{f.openingMessage}</p>
          ) : (
            <p class="message-body">{m.body}</p>
          )}
          {m.state === 'waiting' || m.state === 'sending' ? <p class="message-state">{f.state[m.state]}</p> : null}
          {m.state === 'rejected' ? (
            <>
              <p class="message-state error-message">{f.state.rejected(m.errorCode ?? '?')}</p>
              <button type="button" class="secondary" onClick={() => onRetry(m.key)}>
                {f.retry}
              </button>
            </>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
