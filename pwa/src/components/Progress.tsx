/** "Étape 2 sur 6" in words, and the same as a row of segments (no inline style: CSP). */
import { t } from '../i18n/index.ts';

export function Progress({ current, total }: { current: number; total: number }) {
  const review = current >= total;
  return (
    <div class="progress">
      <p class="progress-text">{review ? t.value.form.reviewProgress(total) : t.value.form.progress(current + 1, total)}</p>
      <ol class="progress-bar" aria-hidden="true">
        {Array.from({ length: total + 1 }, (_, i) => (
          <li key={i} class={i < current ? 'done' : i === current ? 'current' : ''} />
        ))}
      </ol>
    </div>
  );
}
