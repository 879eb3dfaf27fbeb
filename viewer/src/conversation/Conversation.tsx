/**
 * The conversation pane of one report (issue 3): the messages of both directions, oldest
 * first, then the composer. A report without a mailbox says plainly that the resident left
 * no way to answer. New answers and the outcome of a send are announced politely; the
 * announcement region is separate from the list so that re-renders are not read out.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { currentLang, useMessages } from '../i18n/index.ts';
import { arrivedWhileOpen, conversationLoad, conversationView, loadConversation, watchConversation } from './conversation.ts';
import { formatMinute } from '../shared/format.ts';
import { readUpToOf } from './inbox.ts';
import { liveStatus } from '../session/live.ts';
import { sendOutcome, writeBlock } from './outgoing.ts';
import type { ReportEntry } from '../reports/reportEntry.ts';
import { Composer } from './Composer.tsx';
import { MessageThread } from './MessageThread.tsx';
import { Notice } from '../shared/Notice.tsx';

/** Longest part of an answer read out in an announcement; the list has it whole. */
const ANNOUNCED_MAX = 300;

function Announcement(props: { reportId: string; view: ReturnType<typeof conversationView> }) {
  const m = useMessages();
  const lang = currentLang();
  const arrived = arrivedWhileOpen.value;
  const outcome = sendOutcome.value;
  const answersFirst = arrived?.reportId === props.reportId && (outcome?.reportId !== props.reportId || arrived.at >= outcome.at);
  let text = '';
  if (answersFirst) {
    text = arrived.seqs
      .map((seq) => props.view.messages.find((x) => x.seq === seq))
      .flatMap((item) => {
        if (!item?.opened) return [];
        const time = formatMinute(item.at, lang);
        if (!item.opened.ok) return [m.announceUnreadableAnswer(time)];
        const body = item.opened.body.length > ANNOUNCED_MAX ? item.opened.body.slice(0, ANNOUNCED_MAX) + '…' : item.opened.body;
        return [m.announceAnswer(time, body)];
      })
      .join(' ');
  } else if (outcome?.reportId === props.reportId) {
    text = outcome.kind === 'sent' ? m.announceSent : m.announceFailed;
  }
  return (
    <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      {text}
    </div>
  );
}

export function Conversation(props: { entry: ReportEntry }) {
  const m = useMessages();
  const { entry } = props;
  // The read mark before this visit: what arrived after it is marked "new" while the pane is open.
  const [seenUpTo] = useState(() => readUpToOf(entry.id));
  const readable = Boolean(entry.report);
  const pane = useRef<HTMLElement>(null);
  useEffect(() => {
    if (!entry.mailbox) return;
    const watch = watchConversation(entry);
    const el = pane.current;
    // "Opened" means seen: on a narrow screen the pane is below the report, read once scrolled to.
    const observer = el && typeof IntersectionObserver === 'function' ? new IntersectionObserver((seen) => watch.shown(seen.some((e) => e.isIntersecting)), { rootMargin: '0px 0px -25% 0px' }) : null;
    if (el && observer) observer.observe(el);
    else watch.shown(true);
    return () => {
      observer?.disconnect();
      watch.stop();
    };
  }, [entry.id, entry.mailbox, readable]);

  const heading = (
    <h2 id="conversation-heading" tabIndex={-1}>
      {m.conversationHeading}
    </h2>
  );
  if (!entry.mailbox) {
    return (
      <section id="conversation" class="conversation conversation-none" aria-labelledby="conversation-heading">
        {heading}
        <p>{m.conversationNoMailbox}</p>
      </section>
    );
  }
  const view = conversationView(entry.id, seenUpTo);
  const load = conversationLoad.value?.reportId === entry.id ? conversationLoad.value.state : 'loading';
  const block = writeBlock(entry);
  const live = liveStatus.value;
  return (
    <section id="conversation" ref={pane} class="conversation" aria-labelledby="conversation-heading" data-live={live}>
      {heading}
      <p class="muted conversation-help">{m.conversationHelp}</p>
      {live !== 'off' ? <p class={`live-status live-${live}`}>{m.liveStatus(live)}</p> : null}
      {load === 'loading' && !view.messages.length ? <p class="muted">{m.conversationLoading}</p> : null}
      {load !== 'loading' && load !== 'loaded' ? (
        <Notice tone="error" live="alert">
          <p>{m.syncFailure(load)}</p>
          <button type="button" class="button-secondary" onClick={() => void loadConversation(entry.id)}>
            {m.conversationRetry}
          </button>
        </Notice>
      ) : null}
      {load !== 'loading' || view.messages.length ? <MessageThread messages={view.messages} pending={view.pending} /> : null}
      <Announcement reportId={entry.id} view={view} />
      {block ? (
        <Notice tone="warning">
          <p>{m.writeBlock(block)}</p>
        </Notice>
      ) : (
        <Composer entry={entry} />
      )}
    </section>
  );
}
