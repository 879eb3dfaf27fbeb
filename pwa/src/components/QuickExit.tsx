/** "Quitter vite": always on screen, one tap replaces the page (see services/quickExit.ts). */
import { t } from '../i18n/index.ts';
import { quickExit } from '../services/quickExit.ts';

export function QuickExit() {
  return (
    <button type="button" class="quick-exit" aria-label={t.value.app.quickExitLabel} onClick={quickExit}>
      {t.value.app.quickExit}
    </button>
  );
}
