/**
 * The list of reports, newest first: received hour, form, district, place, decryption
 * status. Every cell is plain text; the place is cut short (the report page has it whole).
 */
import { currentLang, useMessages } from '../i18n/index.ts';
import { formatContext } from '../services/deployment.ts';
import { formatReceived } from '../services/format.ts';
import { summarize, type ReportEntry } from '../services/reportEntry.ts';
import { ProblemBadges } from './ProblemBadges.tsx';

export function ReportTable(props: { entries: readonly ReportEntry[] }) {
  const m = useMessages();
  const lang = currentLang();
  const ctx = formatContext(lang);
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
            return (
              <tr key={e.seq} class={e.problems.length ? 'row-flagged' : undefined} data-report-id={e.id}>
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
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
