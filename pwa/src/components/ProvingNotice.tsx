/**
 * While the phone solves a proof of work again for this entry (issue 7): what it is doing,
 * a progress bar (elapsed against expected time, never full before the end), that the app
 * may stay open, and a polite live region that speaks at most every few seconds.
 */
import { useId } from 'preact/hooks';
import { t } from '../i18n/index.ts';
import { proving, provingAnnounced, provingView } from '../services/proving.ts';

export function ProvingNotice({ entryId }: { entryId: string }) {
  const titleId = useId();
  const p = proving.value;
  if (!p || p.entryId !== entryId) return null;
  const w = t.value.proving;
  const { elapsedS, expectedS, fraction } = provingView(p);
  const said = provingAnnounced.value;
  return (
    <div class="proving" data-proving-bits={p.bits}>
      <p id={titleId} class="proving-title">
        {w.title}
      </p>
      <progress aria-labelledby={titleId} max={100} value={fraction === null ? undefined : Math.round(fraction * 100)} />
      {/* Changes four times a second: screen readers hear the live region below instead. */}
      <p class="proving-time" aria-hidden="true">
        {expectedS === null ? w.starting : w.time(elapsedS, expectedS)}
      </p>
      <p>{w.keepOpen}</p>
      <p class="visually-hidden" aria-live="polite">
        {said ? w.said(said.elapsedS, said.expectedS) : ''}
      </p>
    </div>
  );
}
