/**
 * "Carte et tendances" (issue 4): the districts and the reports' positions, and the reports
 * by hour and by day, all for the reports the filters show. Loaded on first visit (d3-geo
 * stays out of the list's download).
 */
import { Charts } from './Charts.tsx';
import { FilterBar } from '../reports/FilterBar.tsx';
import { MapView } from './MapView.tsx';
import { PageTitle } from '../shared/PageTitle.tsx';
import { SyncStatus } from '../reports/SyncStatus.tsx';
import { ViewSwitch } from '../shared/ViewSwitch.tsx';
import { useMessages } from '../i18n/index.ts';
import { filteredEntries } from '../reports/listView.ts';
import { reportEntries } from '../reports/reports.ts';

export function MapScreen() {
  const m = useMessages();
  const entries = filteredEntries.value;
  return (
    <section aria-labelledby="page-title">
      <PageTitle title={m.mapTitle}>{m.mapTitle}</PageTitle>
      <ViewSwitch />
      <SyncStatus />
      {reportEntries.value.length ? <FilterBar /> : null}
      <MapView entries={entries} />
      <Charts entries={entries} />
    </section>
  );
}
