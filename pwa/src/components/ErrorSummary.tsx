/**
 * The list of what to fix, at the top of a step, focused when "next" finds errors; each
 * line moves the focus to its field.
 */
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../i18n/index.ts';
import { inputId } from './fieldProps.ts';

export interface SummaryLine {
  path: string;
  text: string;
}

export function ErrorSummary({ lines, focusKey }: { lines: SummaryLine[]; focusKey: number }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (lines.length) ref.current?.focus();
    // Focus again on every failed "next", not on every keystroke.
  }, [focusKey]);
  if (!lines.length) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby="error-summary-title">
      <h3 id="error-summary-title">{t.value.form.errorSummary(lines.length)}</h3>
      <ul>
        {lines.map((l) => (
          <li key={l.path}>
            <a
              href={`#${inputId(l.path)}`}
              onClick={(e) => {
                e.preventDefault();
                document.getElementById(inputId(l.path))?.focus();
              }}
            >
              {l.text}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
