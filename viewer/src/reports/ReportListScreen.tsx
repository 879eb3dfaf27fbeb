/**
 * Every report held, newest first, kept up to date by polling (reports/reports.ts),
 * narrowed by the filters and the search (issue 4 "Find"), with boxes to tick reports for
 * the exports and the case file's actions above the table. Against a flood (issue 7 point 3):
 * the surge banner, a group opened from the groups view as a filter, and closing the ticked
 * reports (or, with a criterion set, what the list shows) in one action.
 */
import { BulkCloseButton, BulkCloseStatus } from '../flood/BulkClose.tsx';
import { SurgeBanner } from '../flood/SurgeBanner.tsx';
import { ExportActions } from '../export/ExportActions.tsx';
import { FilterBar } from './FilterBar.tsx';
import { PageTitle } from '../shared/PageTitle.tsx';
import { ReportTable } from './ReportTable.tsx';
import { SelectionActions } from '../export/SelectionActions.tsx';
import { SyncStatus } from './SyncStatus.tsx';
import { ViewSwitch } from '../shared/ViewSwitch.tsx';
import { useMessages } from '../i18n/index.ts';
import { selectedIds } from '../caseFile/caseState.ts';
import { activeFilterCount, filters } from './filters.ts';
import { groupFilter } from '../flood/flood.ts';
import { filteredEntries } from './listView.ts';
import { exportTargets } from './selection.ts';
import { reportEntries } from './reports.ts';

export function ReportListScreen() {
  const m = useMessages();
  const held = reportEntries.value.length;
  const entries = filteredEntries.value;
  const group = groupFilter.value;
  // Never "close everything": without ticks, only a narrowed list can be closed at once.
  const narrowed = group !== null || activeFilterCount(filters.value) > 0;
  const targets = exportTargets(reportEntries.value, entries, selectedIds.value);
  const closeIds = targets.source === 'selection' || narrowed ? targets.entries.map((e) => e.id) : [];
  return (
    <section aria-labelledby="page-title">
      <PageTitle title={m.reportsTitle}>{m.reportsTitle}</PageTitle>
      <ViewSwitch />
      <SyncStatus />
      <SurgeBanner />
      {held ? (
        <>
          <FilterBar />
          {group !== null ? (
            <div class="notice notice-info group-filter">
              <p>{m.groupFilterActive(entries.length)}</p>
              <button type="button" class="button-secondary" onClick={() => (groupFilter.value = null)}>
                {m.groupFilterClear}
              </button>
            </div>
          ) : null}
          <div class="list-actions">
            <SelectionActions />
            <ExportActions />
          </div>
          <div class="button-row bulk-close">
            <BulkCloseButton ids={closeIds} idBase="list" />
          </div>
          <BulkCloseStatus />
          {entries.length ? <ReportTable entries={entries} /> : null}
        </>
      ) : null}
    </section>
  );
}
