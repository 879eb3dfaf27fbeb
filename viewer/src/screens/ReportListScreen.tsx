/**
 * Every report held, newest first, kept up to date by polling (services/reports.ts),
 * narrowed by the filters and the search (issue 4 "Find"), with boxes to tick reports for
 * the exports and the case file's actions above the table. Against a flood (issue 7 point 3):
 * the surge banner, a group opened from the groups view as a filter, and closing the ticked
 * reports (or, with a criterion set, what the list shows) in one action.
 */
import { BulkCloseButton, BulkCloseStatus } from '../components/BulkClose.tsx';
import { SurgeBanner } from '../components/SurgeBanner.tsx';
import { ExportActions } from '../components/ExportActions.tsx';
import { FilterBar } from '../components/FilterBar.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { ReportTable } from '../components/ReportTable.tsx';
import { SelectionActions } from '../components/SelectionActions.tsx';
import { SyncStatus } from '../components/SyncStatus.tsx';
import { ViewSwitch } from '../components/ViewSwitch.tsx';
import { useMessages } from '../i18n/index.ts';
import { selectedIds } from '../services/caseState.ts';
import { activeFilterCount, filters } from '../services/filters.ts';
import { groupFilter } from '../services/flood.ts';
import { filteredEntries } from '../services/listView.ts';
import { exportTargets } from '../services/selection.ts';
import { reportEntries } from '../services/reports.ts';

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
