/**
 * Hotspots among the filtered reports (issue 4 "Find"): the places reported more than once,
 * each with its reports. The filters are the list's own.
 */
import { ExportActions } from '../export/ExportActions.tsx';
import { FilterBar } from '../reports/FilterBar.tsx';
import { HotspotList } from './HotspotList.tsx';
import { PageTitle } from '../shared/PageTitle.tsx';
import { SyncStatus } from '../reports/SyncStatus.tsx';
import { ViewSwitch } from '../shared/ViewSwitch.tsx';
import { useMessages } from '../i18n/index.ts';
import { HOTSPOT_RADIUS_M } from './hotspots.ts';
import { hotspots } from '../reports/listView.ts';
import { reportEntries } from '../reports/reports.ts';

export function HotspotScreen() {
  const m = useMessages();
  const spots = hotspots.value;
  const reports = spots.reduce((n, s) => n + s.entries.length, 0);
  return (
    <section aria-labelledby="page-title">
      <PageTitle title={m.hotspotsTitle}>{m.hotspotsTitle}</PageTitle>
      <ViewSwitch />
      <SyncStatus />
      <p class="lead">{m.hotspotsIntro(HOTSPOT_RADIUS_M)}</p>
      {reportEntries.value.length ? (
        <>
          <FilterBar />
          <ExportActions />
          <p class="hotspots-count">
            <strong>{spots.length ? m.hotspotsCount(spots.length, reports) : m.hotspotsNone}</strong>
          </p>
          <HotspotList hotspots={spots} />
        </>
      ) : null}
    </section>
  );
}
