/** The optional way to be contacted, on the last step, with a plain warning (PROTOCOL §2 `contact`). */
import { t } from '../i18n/index.ts';
import { describedBy, errorId, helpId, inputId } from './fieldProps.ts';

export function ContactField({ value, onChange, error }: { value: string; onChange: (v: string) => void; error?: string | undefined }) {
  const c = t.value.form.contact;
  const path = 'contact';
  return (
    <section class="contact" aria-labelledby="contact-heading">
      <h3 id="contact-heading">{c.heading}</h3>
      <p class="warning" id="contact-warning">
        {c.warning}
      </p>
      <div class={error ? 'field has-error' : 'field'}>
        <label for={inputId(path)}>{c.label}</label>
        <p class="help" id={helpId(path)}>
          {c.help}
        </p>
        {error ? (
          <p class="error-message" id={errorId(path)}>
            {error}
          </p>
        ) : null}
        <textarea
          id={inputId(path)}
          name={path}
          rows={2}
          value={value}
          autocomplete="off"
          aria-describedby={`contact-warning ${describedBy(path, true, !!error)}`}
          aria-invalid={error ? 'true' : undefined}
          onInput={(e) => onChange(e.currentTarget.value)}
        />
      </div>
    </section>
  );
}
