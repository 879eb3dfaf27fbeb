/**
 * A message box. `alert` is announced at once (errors); `status` politely (progress).
 * Children are plain text nodes: never HTML.
 */
import type { ComponentChildren, Ref } from 'preact';

export function Notice(props: { tone: 'error' | 'warning' | 'info' | 'success'; live?: 'alert' | 'status'; id?: string; children: ComponentChildren; noticeRef?: Ref<HTMLDivElement> }) {
  return (
    <div id={props.id} ref={props.noticeRef} class={`notice notice-${props.tone}`} role={props.live} tabIndex={props.noticeRef ? -1 : undefined}>
      {props.children}
    </div>
  );
}
