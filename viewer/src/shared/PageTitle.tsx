/**
 * A screen's heading. On a change of screen it takes the focus, so that keyboard and
 * screen-reader users start reading at the new content. `title` sets the document title:
 * never report content there, as browsers keep titles in their history database (the count
 * of reports with new answers, first, is not content).
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useMessages } from '../i18n/index.ts';
import { unreadReportCount } from '../conversation/inbox.ts';

let firstScreen = true;

export function PageTitle(props: { title: string; children: ComponentChildren }) {
  const m = useMessages();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (firstScreen) firstScreen = false;
    else ref.current?.focus();
  }, []);
  const unread = unreadReportCount.value;
  useEffect(() => {
    document.title = `${unread ? m.titleUnread(unread) : ''}${props.title} — ${m.documentTitle}`;
  }, [props.title, m, unread]);
  return (
    <h1 id="page-title" ref={ref} tabIndex={-1}>
      {props.children}
    </h1>
  );
}
