/**
 * One report in plain French: flags first, then the contact if given, the answers step by
 * step with the form's labels, answers outside the form, and the facts about its arrival.
 * A report that could not be opened shows its flags and arrival facts, never a blank page.
 */
import { useRoute } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';
import { AnswerList } from './AnswerList.tsx';
import { AttachmentList } from './AttachmentList.tsx';
import { CaseFilePanel, CaseSummary } from '../caseFile/CaseFilePanel.tsx';
import { Conversation } from '../conversation/Conversation.tsx';
import { Notice } from '../shared/Notice.tsx';
import { PageTitle } from '../shared/PageTitle.tsx';
import { ProblemNotices } from './ProblemBadges.tsx';
import { currentLang, useMessages } from '../i18n/index.ts';
import { formatAnswers } from './answers.ts';
import { formatContext } from '../shared/deployment.ts';
import { formatReceived, formatTimestamp } from '../shared/format.ts';
import type { ReportEntry } from './reportEntry.ts';
import { failureOf, findReport, reportEntries, syncState, type SyncFailure } from './reports.ts';
import { unreadByReport } from '../conversation/inbox.ts';
import { FORMS } from '../../../schemas/forms/index.ts';

function Meta(props: { entry: ReportEntry }) {
  const m = useMessages();
  const lang = currentLang();
  const { entry } = props;
  const r = entry.report;
  const form = r && Object.hasOwn(FORMS, r.form) ? FORMS[r.form] : undefined;
  return (
    <section class="meta" aria-labelledby="meta-heading">
      <h2 id="meta-heading">{m.metaHeading}</h2>
      <dl class="answers">
        {r ? (
          <div class="answer">
            <dt>{m.metaForm}</dt>
            <dd>
              <bdi class="text">{form ? form.title[lang] : r.form}</bdi>
              {form && r.formVersion !== form.version ? <span class="note"> {m.metaFormVersion(r.formVersion, form.version)}</span> : null}
            </dd>
          </div>
        ) : null}
        <div class="answer">
          <dt>{m.metaReceived}</dt>
          <dd>{formatReceived(entry.receivedAt, lang)}</dd>
        </div>
        {r ? (
          <div class="answer">
            <dt>{m.metaCreated}</dt>
            <dd>{formatTimestamp(r.createdAt, lang)}</dd>
          </div>
        ) : null}
        <div class="answer">
          <dt>{m.metaKid}</dt>
          <dd class="mono">{entry.kid}</dd>
        </div>
        <div class="answer">
          <dt>{m.metaId}</dt>
          <dd class="mono">{entry.id}</dd>
        </div>
        {r && r.id !== entry.id ? (
          <div class="answer answer-invalid">
            <dt>{m.metaInnerId}</dt>
            <dd class="mono">{r.id}</dd>
          </div>
        ) : null}
        <div class="answer">
          <dt>{m.metaSeq}</dt>
          <dd>{entry.seq}</dd>
        </div>
        {r ? (
          <div class="answer">
            <dt>{m.metaReply}</dt>
            <dd>{entry.mailbox && r.replyTo ? m.replyPossible : m.replyImpossible}</dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}

function ReportBody(props: { entry: ReportEntry }) {
  const m = useMessages();
  const lang = currentLang();
  const { entry } = props;
  const r = entry.report;
  const readable = r ? formatAnswers(r, formatContext(lang)) : null;
  return (
    <>
      <ProblemNotices problems={entry.problems} invalidFields={readable?.invalidFields ?? []} />
      {r && readable ? (
        <>
          <section aria-labelledby="contact-heading" class={r.contact ? 'contact contact-given' : 'contact'}>
            <h2 id="contact-heading">{m.contactHeading}</h2>
            {r.contact ? (
              <>
                <p>{m.contactGiven}</p>
                <p class="contact-value">
                  <bdi class="text text-multiline">{r.contact}</bdi>
                </p>
              </>
            ) : (
              <p>{m.contactNone}</p>
            )}
          </section>
          {readable.sections.map((s) => (
            <section key={s.id} aria-labelledby={`step-${s.id}`} class="step">
              <h2 id={`step-${s.id}`}>{s.title}</h2>
              <AnswerList answers={s.answers} />
            </section>
          ))}
          {!readable.sections.length && !readable.extra.length ? <p class="muted">{m.noAnswers}</p> : null}
          {readable.extra.length ? (
            <section aria-labelledby="extra-heading" class="step step-extra">
              <h2 id="extra-heading">{m.extraHeading}</h2>
              <p class="muted">{m.extraHelp}</p>
              <AnswerList answers={readable.extra} />
            </section>
          ) : null}
        </>
      ) : (
        <p>{m.unreadableBody}</p>
      )}
      {r ? <AttachmentList key={entry.id} attachments={r.attachments ?? []} /> : null}
      <Meta entry={entry} />
    </>
  );
}

/** Moves the focus to the conversation's heading, without changing the address (the router owns it). */
function jumpToConversation(e: MouseEvent) {
  e.preventDefault();
  const heading = document.getElementById('conversation-heading');
  heading?.scrollIntoView({ block: 'start' });
  heading?.focus();
}

export function ReportScreen() {
  const m = useMessages();
  const { params } = useRoute();
  const id = params.id ?? '';
  const entry = reportEntries.value.find((e) => e.id === id);
  const loaded = syncState.value.loaded;
  const [lookup, setLookup] = useState<'idle' | 'looking' | 'missing' | SyncFailure>('idle');

  // A report not (yet) in the list, e.g. opened from an address, is fetched alone.
  useEffect(() => {
    if (entry || !loaded) return;
    let live = true;
    setLookup('looking');
    findReport(id)
      .then((found) => live && setLookup(found ? 'idle' : 'missing'))
      .catch((e: unknown) => live && setLookup(failureOf(e)));
    return () => {
      live = false;
    };
  }, [id, loaded, Boolean(entry)]);

  const back = (
    <p class="back">
      <a href="/">
        <span aria-hidden="true">← </span>
        {m.backToList}
      </a>
    </p>
  );
  if (!entry) {
    const failure = lookup !== 'idle' && lookup !== 'looking' && lookup !== 'missing' ? lookup : null;
    const missing = lookup === 'missing' || failure !== null;
    return (
      <section aria-labelledby="page-title">
        {back}
        <PageTitle title={missing ? m.reportNotFound : m.reportLoading}>{missing ? m.reportNotFound : m.reportLoading}</PageTitle>
        {failure ? (
          <Notice tone="error" live="alert">
            <p>{m.syncFailure(failure)}</p>
          </Notice>
        ) : null}
      </section>
    );
  }
  const title = m.reportTitle(formatReceived(entry.receivedAt, currentLang()));
  return (
    <article class="report" aria-labelledby="page-title">
      {back}
      <PageTitle title={title}>{title}</PageTitle>
      <p class="jump">
        <a href="#conversation" onClick={jumpToConversation}>
          {m.jumpToConversation(unreadByReport.value.get(entry.id) ?? 0)}
        </a>
      </p>
      <div class="report-layout">
        <div class="report-main">
          <CaseSummary entry={entry} />
          <ReportBody entry={entry} />
          <CaseFilePanel key={entry.id} entry={entry} />
        </div>
        {/* Keyed by report: moving to another report starts a fresh pane (its own "new" marks). */}
        <Conversation key={entry.id} entry={entry} />
      </div>
    </article>
  );
}
