/**
 * "Mes signalements": a neutral label, a day and a status per report, never any content;
 * for a delivered report, whether its proof of submission checked out, and a button to save
 * that proof. Status changes are announced politely (aria-live).
 */
import { t } from '../i18n/index.ts';
import type { MyReport } from '../services/reportList.ts';
import { formatDay } from './format.ts';
import { ProofLine } from './ProofLine.tsx';
import { ProvingNotice } from './ProvingNotice.tsx';

interface Props {
  reports: MyReport[];
  onRetry: (id: string) => void;
  onExportProof: (id: string) => void;
}

export function ReportList({ reports, onRetry, onExportProof }: Props) {
  const h = t.value.home;
  if (!reports.length) return <p>{h.myReportsNone}</p>;
  // Numbered oldest first, shown newest first: "Signalement 3" stays "Signalement 3".
  const total = reports.length;
  return (
    <ul class="reports" aria-live="polite">
      {reports.map((r, i) => (
        <li key={r.id} class={`report status-${r.status}`} data-status={r.status} data-proof={r.proof}>
          <span class="report-label">{h.reportLabel(total - i)}</span>
          <span class="report-day">{formatDay(r.day)}</span>
          <span class="report-status">{r.status === 'rejected' ? t.value.status.rejected(r.errorCode ?? '?') : t.value.status[r.status]}</span>
          {r.status === 'rejected' ? (
            <button type="button" class="secondary" onClick={() => onRetry(r.id)}>
              {h.retry}
            </button>
          ) : null}
          {r.status === 'waiting' ? <ProvingNotice entryId={r.id} /> : null}
          {r.status === 'sent' ? <ProofLine proof={r.proof} /> : null}
          {r.proof === 'verified' ? (
            <button type="button" class="secondary" onClick={() => onExportProof(r.id)}>
              {h.exportProof(total - i)}
            </button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
