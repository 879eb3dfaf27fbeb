/**
 * What the case-file side says whatever the screen: the idle countdown in the last 30
 * seconds before the automatic lock (services/idleLock.ts), and that a report was deleted
 * (its page is gone, so the list says it). The countdown is announced once when it appears,
 * then counts silently: a screen reader is not interrupted every second, and nothing here
 * takes the focus (that would count as activity).
 */
import { useMessages } from '../i18n/index.ts';
import { idleWarning, noteActivity } from '../session/idleLock.ts';
import { lastDeleted } from './retention.ts';
import { Notice } from '../shared/Notice.tsx';

export function AdminLayer() {
  const m = useMessages();
  const left = idleWarning.value;
  const deleted = lastDeleted.value;
  return (
    <>
      {left !== null ? (
        <section class="idle-warning" aria-labelledby="idle-warning-title">
          <div role="alert">
            <h2 id="idle-warning-title">{m.idleWarningTitle}</h2>
          </div>
          <p class="idle-countdown">{m.idleWarningText(Math.max(0, Math.round(left / 1000)))}</p>
          <button type="button" class="button-primary" onClick={noteActivity}>
            {m.idleStay}
          </button>
        </section>
      ) : null}
      {deleted ? (
        <Notice tone="success" live="status">
          <p>{m.deleted}</p>
          <button type="button" class="button-quiet-dark" onClick={() => (lastDeleted.value = null)}>
            {m.close}
          </button>
        </Notice>
      ) : null}
    </>
  );
}
