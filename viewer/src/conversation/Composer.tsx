/**
 * Writing a question to the resident: a labelled text box, ready-made questions that one
 * tap adds to the text, a character counter against the protocol's limit, and the send
 * button as the primary action (Ctrl + Enter also sends; Enter alone starts a new line).
 * Sealing and sending are the service's job (conversation/outgoing.ts).
 */
import { useRef, useState } from 'preact/hooks';
import { currentLang, useMessages } from '../i18n/index.ts';
import { LOCALE } from '../i18n/lang.ts';
import { bodyProblem, MESSAGE_BODY_MAX, type BodyProblem } from './messageBody.ts';
import type { ReportEntry } from '../reports/reportEntry.ts';
import { ComposeError, sendQuestion, type WriteBlock } from './outgoing.ts';
import { Notice } from '../shared/Notice.tsx';

export function Composer(props: { entry: ReportEntry }) {
  const m = useMessages();
  const lang = currentLang();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<BodyProblem | WriteBlock | 'failed' | null>(null);
  const [busy, setBusy] = useState(false);
  const ref = useRef<HTMLTextAreaElement>(null);
  const number = (n: number) => new Intl.NumberFormat(LOCALE[lang]).format(n);
  const over = text.trim().length - MESSAGE_BODY_MAX;
  const tooLong = bodyProblem(text) === 'too-long';

  const send = async () => {
    if (busy) return;
    setBusy(true);
    try {
      await sendQuestion(props.entry, text);
      setText('');
      setProblem(null);
    } catch (e) {
      setProblem(e instanceof ComposeError ? e.reason : 'failed');
    } finally {
      setBusy(false);
      ref.current?.focus();
    }
  };

  const insert = (question: string) => {
    const next = text.trim() ? `${text.replace(/\s+$/, '')}\n${question}` : question;
    setText(next);
    setProblem(null);
    const box = ref.current;
    if (box) {
      box.value = next;
      box.focus();
      box.setSelectionRange(next.length, next.length);
    }
  };

  const problemText = (p: BodyProblem | WriteBlock | 'failed') =>
    p === 'failed' ? m.composeFailed : p === 'empty' || p === 'too-long' ? m.bodyProblem(p, number(Math.max(over, 1))) : m.writeBlock(p);

  return (
    <form
      class="composer"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <div class="quick-questions" role="group" aria-label={m.quickQuestionsLabel}>
        <p class="quick-questions-label" aria-hidden="true">
          {m.quickQuestionsLabel}
        </p>
        {m.quickQuestions.map((q) => (
          <button key={q.id} type="button" class="button-chip" title={q.text} onClick={() => insert(q.text)}>
            {q.label}
          </button>
        ))}
      </div>
      <p class="field composer-field">
        <label for="question">{m.composerLabel}</label>
        <textarea
          id="question"
          ref={ref}
          rows={4}
          autoComplete="off"
          spellcheck={false}
          value={text}
          aria-describedby="question-counter question-hint"
          aria-invalid={problem === 'empty' || tooLong ? true : undefined}
          aria-errormessage={problem ? 'question-problem' : undefined}
          onInput={(e) => {
            setText(e.currentTarget.value);
            if (problem === 'empty') setProblem(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              void send();
            }
          }}
        />
      </p>
      <p id="question-counter" class={tooLong ? 'counter counter-over' : 'counter'}>
        {m.counter(number(text.trim().length), number(MESSAGE_BODY_MAX))}
      </p>
      <p id="question-hint" class="hint">
        {m.composerHint}
      </p>
      {problem || tooLong ? (
        <Notice tone="error" live="alert" id="question-problem">
          <p>{problemText(problem ?? 'too-long')}</p>
        </Notice>
      ) : null}
      <div class="button-row">
        <button type="submit" class="button-primary" disabled={busy}>
          {m.sendButton}
        </button>
      </div>
    </form>
  );
}
