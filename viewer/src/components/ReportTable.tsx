/**
 * The list of reports, newest first: received hour, form, district, place, decryption
 * status and unread answers. Every cell is plain text; the place is cut short (the report
 * page has it whole).
 */
import { currentLang, useMessages } from '../i18n/index.ts';
import { formatContext } from '../services/deployment.ts';
import { formatReceived } from '../services/format.ts';
import { unreadByReport } from '../services/inbox.ts';
import { summarize, type ReportEntry } from '../services/reportEntry.ts';
import { ProblemBadges } from './ProblemBadges.tsx';

export function ReportTable(props: { entries: readonly ReportEntry[] }) {
  const m = useMessages();
  const lang = currentLang();
  const ctx = formatContext(lang);
  const unread = unreadByReport.value;
  return (
    <div class="table-wrap">
      <table class="reports">
        <caption>{m.tableCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{m.colReceived}</th>
            <th scope="col">{m.colForm}</th>
            <th scope="col">{m.colDistrict}</th>
            <th scope="col">{m.colPlace}</th>
            <th scope="col">{m.colStatus}</th>
          </tr>
        </thead>
        <tbody>
          {props.entries.map((e) => {
            const s = summarize(e, ctx);
            const received = formatReceived(e.receivedAt, lang);
            const fresh = unread.get(e.id) ?? 0;
            return (
              <tr key={e.seq} class={[e.problems.length ? 'row-flagged' : '', fresh ? 'row-unread' : ''].filter(Boolean).join(' ') || undefined} data-report-id={e.id}>
                <th scope="row">
                  <a href={`/reports/${e.id}`} aria-label={m.openReport(received)}>
                    {received}
                  </a>
                </th>
                <td class="cell-short">{s.form ?? m.unknownValue}</td>
                <td class="cell-short">{s.district ?? m.unknownValue}</td>
                <td class="cell-text">{s.place ?? m.unknownValue}</td>
                <td>
                  <ProblemBadges problems={e.problems} />
                  {fresh ? <span class="badge badge-new">{m.unreadBadge(fresh)}</span> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
