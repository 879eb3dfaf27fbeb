/**
 * "Classer sans suite : N signalements" (issue 7 point 3): one button for a group, a filter
 * result or the ticked rows, a confirmation, and the progress of the batches
 * (flood/bulkClose.ts). Only reports not closed yet are counted and sent.
 */
import { useState } from 'preact/hooks';
import { useMessages } from '../i18n/index.ts';
import { bulkCloseJob, closable, closeReports, dismissClose, resumeClose } from './bulkClose.ts';
import { caseStates } from '../caseFile/caseState.ts';
import { ConfirmDialog } from '../shared/ConfirmDialog.tsx';
import { Notice } from '../shared/Notice.tsx';

export function BulkCloseButton(props: { ids: readonly string[]; idBase: string }) {
  const m = useMessages();
  const [asking, setAsking] = useState(false);
  void caseStates.value; // a close elsewhere changes what is closable
  const targets = closable(props.ids);
  const n = targets.length;
  const busy = bulkCloseJob.value?.state === 'sending';
  if (!n) return null;
  return (
    <>
      <button type="button" class="button-danger" disabled={busy} onClick={() => setAsking(true)}>
        {m.closeButton(n)}
      </button>
      <ConfirmDialog
        id={`${props.idBase}-close-dialog`}
        open={asking}
        title={m.closeConfirmTitle}
        confirmLabel={m.closeConfirm(n)}
        onCancel={() => setAsking(false)}
        onConfirm={() => {
          setAsking(false);
          void closeReports(targets);
        }}
      >
        <p>{m.closeConfirmText(n)}</p>
      </ConfirmDialog>
    </>
  );
}

/** Where a close in progress, done or failed is told (one per screen). */
export function BulkCloseStatus() {
  const m = useMessages();
  const job = bulkCloseJob.value;
  return (
    <div class="bulk-close-status">
      <div role="status">
        {job?.state === 'sending' ? (
          <p>
            {m.closeProgress(job.done, job.total)} <progress max={job.total} value={job.done} aria-hidden="true" />
          </p>
        ) : null}
        {job?.state === 'done' ? <p>{m.closeDone(job.total)}</p> : null}
      </div>
      {job?.state === 'failed' ? (
        <Notice tone="error" live="alert">
          <p>{m.closeFailed(job.done, job.total, m.closeFailure(job.failure ?? 'server'))}</p>
          <div class="button-row">
            <button type="button" onClick={() => void resumeClose()}>
              {m.closeResume}
            </button>
            <button type="button" class="button-secondary" onClick={dismissClose}>
              {m.closeDismiss}
            </button>
          </div>
        </Notice>
      ) : null}
    </div>
  );
}
