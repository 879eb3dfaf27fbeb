/**
 * "Garder ce code sur ce téléphone" (issue 3): off by default, with what keeping it gives
 * and, plainly, what it exposes. The explanation is tied to the checkbox (aria-describedby).
 */
import { t } from '../i18n/index.ts';

interface Props {
  kept: boolean;
  failed: boolean;
  onChange: (keep: boolean) => void;
}

export function KeepCodeChoice({ kept, failed, onChange }: Props) {
  const k = t.value.keep;
  return (
    <div class="keep-choice no-print">
      <div class="option">
        <input id="keep-code" type="checkbox" checked={kept} aria-describedby="keep-what keep-risk keep-protects" onChange={(e) => onChange(e.currentTarget.checked)} />
        <label for="keep-code">{k.label}</label>
      </div>
      <p class="help" id="keep-what">
        {k.what}
      </p>
      <p class="warning" id="keep-risk">
        {k.risk}
      </p>
      <p class="help" id="keep-protects">
        {k.protects}
      </p>
      <p role="status" class={failed ? 'error-message' : 'keep-state'}>
        {failed ? k.failed : kept ? k.kept : k.notKept}
      </p>
    </div>
  );
}
