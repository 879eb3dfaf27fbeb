/**
 * A modal question with a safe default (the native <dialog>, so focus is trapped and Escape
 * cancels): used before what cannot be undone (deleting a report, revoking an officer).
 * "Cancel" has the focus first.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useMessages } from '../i18n/index.ts';

export function ConfirmDialog(props: {
  id: string;
  open: boolean;
  title: string;
  confirmLabel: string;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  children: ComponentChildren;
}) {
  const m = useMessages();
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (props.open && !d.open) {
      d.showModal();
      cancelRef.current?.focus();
    } else if (!props.open && d.open) d.close();
  }, [props.open]);
  return (
    <dialog
      ref={ref}
      id={props.id}
      class="dialog"
      aria-labelledby={`${props.id}-title`}
      aria-describedby={`${props.id}-text`}
      onCancel={(e) => {
        e.preventDefault();
        if (!props.busy) props.onCancel();
      }}
    >
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      <div id={`${props.id}-text`}>{props.children}</div>
      <div class="button-row">
        <button type="button" class="button-secondary" ref={cancelRef} disabled={props.busy} onClick={props.onCancel}>
          {m.cancel}
        </button>
        <button type="button" class="button-danger" disabled={props.busy} onClick={props.onConfirm}>
          {props.confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
