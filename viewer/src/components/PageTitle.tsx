/**
 * A screen's heading. On a change of screen it takes the focus, so that keyboard and
 * screen-reader users start reading at the new content. `title` sets the document title:
 * never report content there, as browsers keep titles in their history database.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useMessages } from '../i18n/index.ts';

let firstScreen = true;

export function PageTitle(props: { title: string; children: ComponentChildren }) {
  const m = useMessages();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (firstScreen) firstScreen = false;
    else ref.current?.focus();
  }, []);
  useEffect(() => {
    document.title = `${props.title} — ${m.documentTitle}`;
  }, [props.title, m]);
  return (
    <h1 id="page-title" ref={ref} tabIndex={-1}>
      {props.children}
    </h1>
  );
}
