/**
 * The list of reports, newest first: received hour, form, district, place, decryption
 * status, case status and unread answers, with a box to tick each report (and all those
 * shown) for exports, PDF dossiers and forwarding. Every cell is plain text; the place is
 * cut short (the report page has it whole).
 *
 * Thousands of rows (issue 4): past {@link VIRTUAL_FROM} rows only those near the screen
 * are in the page, between two spacer rows that keep the scroll bar true, and rows have one
 * fixed height. Below it every row is there, so that find-in-page and a screen reader's
 * table navigation see the whole list; above it `aria-rowcount`/`aria-rowindex` say where
 * each drawn row stands, and the search narrows the list.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { currentLang, useMessages } from '../i18n/index.ts';
import { caseStates, DEFAULT_CASE, selectedIds } from '../caseFile/caseState.ts';
import { deployment, formatContext } from '../shared/deployment.ts';
import { effectiveExpiry, expiresSoon } from '../caseFile/expiry.ts';
import { formatReceived } from '../shared/format.ts';
import { unreadByReport } from '../conversation/inbox.ts';
import { summarize, type ReportEntry } from './reportEntry.ts';
import { selectionState, setManySelected, setSelected } from './selection.ts';
import { ProblemBadges } from './ProblemBadges.tsx';

/** Lists longer than this draw only the rows near the screen. */
export const VIRTUAL_FROM = 200;
/** Rows drawn beyond each edge of the screen, so that Tab and fast scrolling find rows ready. */
const OVERSCAN = 10;
/** Rows always drawn, wherever the table is: a screen reader or a Tab always finds some. */
const MIN_DRAWN = 30;
/** A first guess of a row's height (px) until one is measured (analytics.css fixes it). */
const ROW_GUESS = 52;

interface Range {
  start: number;
  end: number;
}

/** Which rows of a window-scrolled table body are near the screen. */
function useVisibleRange(count: number, enabled: boolean, body: { current: HTMLTableSectionElement | null }, rowHeight: number): Range {
  const [range, setRange] = useState<Range>({ start: 0, end: Math.min(count, MIN_DRAWN) });
  useEffect(() => {
    if (!enabled) return;
    let frame = 0;
    const measure = () => {
      frame = 0;
      const el = body.current;
      if (!el) return;
      const top = el.getBoundingClientRect().top;
      const start = Math.max(0, Math.min(count - MIN_DRAWN, Math.floor(-top / rowHeight) - OVERSCAN));
      // At least MIN_DRAWN rows, even while the table is still below the screen.
      const end = Math.min(count, Math.max(start + MIN_DRAWN, Math.ceil((innerHeight - top) / rowHeight) + OVERSCAN));
      setRange((r) => (r.start === start && r.end === end ? r : { start, end }));
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    schedule();
    addEventListener('scroll', schedule, { passive: true });
    addEventListener('resize', schedule, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      removeEventListener('scroll', schedule);
      removeEventListener('resize', schedule);
    };
  }, [count, enabled, rowHeight]);
  return enabled ? { start: Math.min(range.start, count), end: Math.min(range.end, count) } : { start: 0, end: count };
}

/** A spacer row standing for `rows` rows not drawn. Its height is set through the CSSOM (CSP `style-src 'self'` allows it). */
function Spacer(props: { height: number }) {
  const ref = useRef<HTMLTableCellElement>(null);
  useLayoutEffect(() => {
    ref.current?.style.setProperty('height', `${props.height}px`);
  }, [props.height]);
  return (
    <tr class="spacer" aria-hidden="true">
      <td ref={ref} colSpan={5} />
    </tr>
  );
}

function SelectAll(props: { ids: readonly string[] }) {
  const m = useMessages();
  const ref = useRef<HTMLInputElement>(null);
  const state = selectionState(props.ids, selectedIds.value);
  useLayoutEffect(() => {
    if (ref.current) ref.current.indeterminate = state === 'some';
  }, [state]);
  return (
    <input
      ref={ref}
      type="checkbox"
      class="row-check"
      checked={state === 'all'}
      disabled={!props.ids.length}
      aria-label={m.selectAllShown(props.ids.length)}
      onChange={(e) => setManySelected(props.ids, e.currentTarget.checked)}
    />
  );
}

export function ReportTable(props: { entries: readonly ReportEntry[] }) {
  const m = useMessages();
  const lang = currentLang();
  const ctx = formatContext(lang);
  const unread = unreadByReport.value;
  const selected = selectedIds.value;
  const cases = caseStates.value;
  const now = new Date();
  const { entries } = props;
  const virtual = entries.length > VIRTUAL_FROM;
  const body = useRef<HTMLTableSectionElement>(null);
  const [rowHeight, setRowHeight] = useState(ROW_GUESS);
  const { start, end } = useVisibleRange(entries.length, virtual, body, rowHeight);

  // Rows have one height in a long list (analytics.css): measured once drawn, not at every
  // render (reading a layout while thousands of reports arrive would force one each time).
  const measured = useRef(false);
  useLayoutEffect(() => {
    if (!virtual || measured.current) return;
    const h = body.current?.querySelector<HTMLTableRowElement>('tr[data-report-id]')?.getBoundingClientRect().height;
    if (!h) return;
    measured.current = true;
    if (Math.abs(h - rowHeight) > 0.5) setRowHeight(h);
  }, [virtual]);

  const ids = entries.map((e) => e.id);
  return (
    <div class="table-wrap">
      {virtual ? <p class="muted long-list-hint">{m.longListHint}</p> : null}
      <table class={virtual ? 'reports reports-virtual' : 'reports'} aria-rowcount={virtual ? entries.length + 1 : undefined}>
        <caption>{m.tableCaption}</caption>
        <thead>
          <tr aria-rowindex={virtual ? 1 : undefined}>
            <th scope="col" class="col-received">
              <SelectAll ids={ids} /> {m.colReceived}
            </th>
            <th scope="col" class="col-form">
              {m.colForm}
            </th>
            <th scope="col" class="col-district">
              {m.colDistrict}
            </th>
            <th scope="col" class="col-place">
              {m.colPlace}
            </th>
            <th scope="col" class="col-status">
              {m.colStatus}
            </th>
          </tr>
        </thead>
        <tbody ref={body}>
          {virtual && start > 0 ? <Spacer height={start * rowHeight} /> : null}
          {entries.slice(start, end).map((e, i) => {
            const s = summarize(e, ctx);
            const received = formatReceived(e.receivedAt, lang);
            const fresh = unread.get(e.id) ?? 0;
            const c = cases.get(e.id) ?? DEFAULT_CASE;
            const soon = expiresSoon(effectiveExpiry(e.receivedAt, c.expiresAt, deployment.retention), now);
            const classes = [e.problems.length ? 'row-flagged' : '', fresh ? 'row-unread' : '', selected.has(e.id) ? 'row-selected' : ''].filter(Boolean).join(' ');
            return (
              <tr key={e.seq} class={classes || undefined} data-report-id={e.id} aria-rowindex={virtual ? start + i + 2 : undefined}>
                <th scope="row">
                  <input type="checkbox" class="row-check" checked={selected.has(e.id)} aria-label={m.selectReport(received)} onChange={(ev) => setSelected(e.id, ev.currentTarget.checked)} />{' '}
                  <a href={`/reports/${e.id}`} aria-label={m.openReport(received)}>
                    {received}
                  </a>
                </th>
                <td class="cell-short">{s.form ?? m.unknownValue}</td>
                <td class="cell-short">{s.district ?? m.unknownValue}</td>
                <td class="cell-text">{s.place ?? m.unknownValue}</td>
                <td>
                  <ProblemBadges problems={e.problems} />
                  {c.status !== 'nouveau' ? <span class={`badge badge-case badge-case-${c.status}`}>{m.caseStatus(c.status)}</span> : null}
                  {soon ? <span class="badge badge-expiring">{m.expiresSoonBadge}</span> : null}
                  {fresh ? <span class="badge badge-new">{m.unreadBadge(fresh)}</span> : null}
                </td>
              </tr>
            );
          })}
          {virtual && end < entries.length ? <Spacer height={(entries.length - end) * rowHeight} /> : null}
        </tbody>
      </table>
    </div>
  );
}
