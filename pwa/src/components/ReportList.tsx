/**
 * "Mes signalements": a neutral label, a day and a status per report, never any content.
 * Status changes are announced politely (aria-live).
 */
import { t } from '../i18n/index.ts';
import type { MyReport } from '../services/reportList.ts';
import { formatDay } from './format.ts';

export function ReportList({ reports, onRetry }: { reports: MyReport[]; onRetry: (id: string) => void }) {
  const h = t.value.home;
  if (!reports.length) return <p>{h.myReportsNone}</p>;
  // Numbered oldest first, shown newest first: "Signalement 3" stays "Signalement 3".
  const total = reports.length;
  return (
    <ul class="reports" aria-live="polite">
      {reports.map((r, i) => (
        <li key={r.id} class={`report status-${r.status}`} data-status={r.status}>
          <span class="report-label">{h.reportLabel(total - i)}</span>
          <span class="report-day">{formatDay(r.day)}</span>
          <span class="report-status">{r.status === 'rejected' ? t.value.status.rejected(r.errorCode ?? '?') : t.value.status[r.status]}</span>
          {r.status === 'rejected' ? (
            <button type="button" class="secondary" onClick={() => onRetry(r.id)}>
              {h.retry}
            </button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
