/**
 * That a report was deleted (admin/retention.ts), whatever the screen: its page is gone, so
 * the list says it.
 */
import { useMessages } from '../i18n/index.ts';
import { Notice } from '../shared/Notice.tsx';
import { lastDeleted } from './retention.ts';

export function DeletedNotice() {
  const m = useMessages();
  if (!lastDeleted.value) return null;
  return (
    <Notice tone="success" live="status">
      <p>{m.deleted}</p>
      <button type="button" class="button-quiet-dark" onClick={() => (lastDeleted.value = null)}>
        {m.close}
      </button>
    </Notice>
  );
}
