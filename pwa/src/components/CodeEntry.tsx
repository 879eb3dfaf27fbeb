/**
 * Typing a receipt code (issue 3): one labelled field, forgiving as PROTOCOL §4 says (any
 * case, spaces, dashes, O for 0, I/L for 1): no pattern, no maximum length, nothing
 * corrected under the resident's fingers. The outcome is announced (role=alert / status).
 */
import { useState } from 'preact/hooks';
import { t } from '../i18n/index.ts';
import type { FollowPhase } from '../services/followUp.ts';

interface Props {
  phase: FollowPhase;
  onOpen: (code: string) => void;
}

export function CodeEntry({ phase, onOpen }: Props) {
  const [code, setCode] = useState('');
  const f = t.value.follow;
  const problem = phase.kind === 'unknown' ? f.unknown : phase.kind === 'offline' ? f.offline : phase.kind === 'failed' ? f.failed : null;
  return (
    <form
      class="code-entry"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onOpen(code);
      }}
    >
      <div class={problem ? 'field has-error' : 'field'}>
        <label for="receipt-code">{f.codeLabel}</label>
        <p class="help" id="receipt-code-help">
          {f.codeHelp}
        </p>
        <div role="alert">
          {problem ? (
            <p class="error-message" id="receipt-code-error" data-problem={phase.kind}>
              {problem}
            </p>
          ) : null}
        </div>
        <input
          id="receipt-code"
          name="receipt-code"
          type="text"
          class="code-input"
          autocomplete="off"
          autocapitalize="characters"
          spellcheck={false}
          aria-describedby={problem ? 'receipt-code-help receipt-code-error' : 'receipt-code-help'}
          aria-invalid={problem && phase.kind === 'unknown' ? 'true' : undefined}
          value={code}
          onInput={(e) => setCode(e.currentTarget.value)}
        />
      </div>
      <p role="status">{phase.kind === 'opening' ? f.opening : ''}</p>
      <button type="submit" class="primary" disabled={phase.kind === 'opening'} aria-busy={phase.kind === 'opening' ? 'true' : undefined}>
        {f.open}
      </button>
    </form>
  );
}
