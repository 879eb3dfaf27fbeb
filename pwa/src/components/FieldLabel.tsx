/** A field's label text with its "obligatoire" mark, and its help and error lines. */
import type { LocalizedText } from '../../../schemas/form.ts';
import { loc, t } from '../i18n/index.ts';
import { errorId, helpId } from './fieldProps.ts';

export function LabelText({ label, required }: { label: LocalizedText; required?: boolean | undefined }) {
  return (
    <>
      {loc(label)}
      {required ? <span class="mark"> ({t.value.form.required})</span> : null}
    </>
  );
}

export function Help({ path, help }: { path: string; help?: LocalizedText | undefined }) {
  return help ? (
    <p class="help" id={helpId(path)}>
      {loc(help)}
    </p>
  ) : null;
}

export function ErrorLine({ path, error }: { path: string; error?: string | undefined }) {
  return error ? (
    <p class="error-message" id={errorId(path)}>
      {error}
    </p>
  ) : null;
}
