/**
 * Answering the police (issue 3): a labelled text box and "Envoyer la réponse". The answer
 * is sealed on the phone at once and waits in the outbox when there is no connection; the
 * outcome is announced (role=status / alert).
 */
import { useState } from 'preact/hooks';
import { t } from '../i18n/index.ts';
import { MAX_ANSWER_CHARS, type AnswerResult, type sendAnswer } from '../services/followUp.ts';

type State = { kind: 'idle' } | { kind: 'sealing' } | { kind: 'done'; result: AnswerResult };
export function AnswerForm({ onSend }: { onSend: typeof sendAnswer }) {
  const [text, setText] = useState('');
  const [state, setState] = useState<State>({ kind: 'idle' });
  const f = t.value.follow;
  const result = state.kind === 'done' ? state.result : null;
  const problem = result === 'empty' ? f.empty : result === 'too-long' ? f.tooLong(MAX_ANSWER_CHARS) : result === 'failed' ? f.sealFailed : null;
  return (
    <form
      class="answer-form"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        setState({ kind: 'sealing' });
        const r = await onSend(text);
        if (r === 'sealed') setText('');
        setState({ kind: 'done', result: r });
      }}
    >
      <div class={problem ? 'field has-error' : 'field'}>
        <label for="answer">{f.answerLabel}</label>
        <p class="help" id="answer-help">
          {f.answerHelp}
        </p>
        <div role="alert">
          {problem ? (
            <p class="error-message" id="answer-error">
              {problem}
            </p>
          ) : null}
        </div>
        <textarea
          id="answer"
          name="answer"
          rows={4}
          value={text}
          aria-describedby={problem ? 'answer-help answer-error' : 'answer-help'}
          aria-invalid={problem && result !== 'failed' ? 'true' : undefined}
          onInput={(e) => setText(e.currentTarget.value)}
        />
      </div>
      <p role="status">{state.kind === 'sealing' ? f.sealing : result === 'sealed' ? f.sealed : ''}</p>
      <button type="submit" class="primary" disabled={state.kind === 'sealing'} aria-busy={state.kind === 'sealing' ? 'true' : undefined}>
        {f.send}
      </button>
    </form>
  );
}
