/** Every report held, newest first, kept up to date by polling (services/reports.ts). */
import { PageTitle } from '../components/PageTitle.tsx';
import { ReportTable } from '../components/ReportTable.tsx';
import { SyncStatus } from '../components/SyncStatus.tsx';
import { useMessages } from '../i18n/index.ts';
import { reportEntries } from '../services/reports.ts';

export function ReportListScreen() {
  const m = useMessages();
  const entries = reportEntries.value;
  return (
    <section aria-labelledby="page-title">
      <PageTitle title={m.reportsTitle}>{m.reportsTitle}</PageTitle>
      <SyncStatus />
      {entries.length ? <ReportTable entries={entries} /> : null}
    </section>
  );
}
