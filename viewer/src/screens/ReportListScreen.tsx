/**
 * Every report held, newest first, kept up to date by polling (services/reports.ts),
 * narrowed by the filters and the search (issue 4 "Find"), with boxes to tick reports for
 * the exports and the case file's actions above the table.
 */
import { ExportActions } from '../components/ExportActions.tsx';
import { FilterBar } from '../components/FilterBar.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { ReportTable } from '../components/ReportTable.tsx';
import { SelectionActions } from '../components/SelectionActions.tsx';
import { SyncStatus } from '../components/SyncStatus.tsx';
import { ViewSwitch } from '../components/ViewSwitch.tsx';
import { useMessages } from '../i18n/index.ts';
import { filteredEntries } from '../services/listView.ts';
import { reportEntries } from '../services/reports.ts';

export function ReportListScreen() {
  const m = useMessages();
  const held = reportEntries.value.length;
  const entries = filteredEntries.value;
  return (
    <section aria-labelledby="page-title">
      <PageTitle title={m.reportsTitle}>{m.reportsTitle}</PageTitle>
      <ViewSwitch />
      <SyncStatus />
      {held ? (
        <>
          <FilterBar />
          <div class="list-actions">
            <SelectionActions />
            <ExportActions />
          </div>
          {entries.length ? <ReportTable entries={entries} /> : null}
        </>
      ) : null}
    </section>
  );
}
