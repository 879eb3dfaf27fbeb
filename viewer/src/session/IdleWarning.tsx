/**
 * The countdown in the last 30 seconds before the automatic lock (session/idleLock.ts),
 * whatever the screen. It is announced once when it appears, then counts silently: a screen
 * reader is not interrupted every second, and nothing here takes the focus (that would count
 * as activity).
 */
import { useMessages } from '../i18n/index.ts';
import { idleWarning, noteActivity } from './idleLock.ts';

export function IdleWarning() {
  const m = useMessages();
  const left = idleWarning.value;
  if (left === null) return null;
  return (
    <section class="idle-warning" aria-labelledby="idle-warning-title">
      <div role="alert">
        <h2 id="idle-warning-title">{m.idleWarningTitle}</h2>
      </div>
      <p class="idle-countdown">{m.idleWarningText(Math.max(0, Math.round(left / 1000)))}</p>
      <button type="button" class="button-primary" onClick={noteActivity}>
        {m.idleStay}
      </button>
    </section>
  );
}
