/**
 * CSV and GeoJSON of the ticked reports, or of the filtered list when none is ticked
 * (issue 4 "Export and forward"), saved as downloads. The line above the buttons says which
 * reports a click takes; the result is announced politely.
 */
import { useState } from 'preact/hooks';
import { fr } from '../i18n/fr.ts';
import { useMessages } from '../i18n/index.ts';
import { caseOf, selectedIds } from '../caseFile/caseState.ts';
import { districtNames } from '../shared/deployment.ts';
import { reportsCsv, reportsGeoJson } from './exports.ts';
import { pointOf } from '../analysis/hotspots.ts';
import { filteredEntries } from '../reports/listView.ts';
import { reportEntries } from '../reports/reports.ts';
import { saveFile } from '../../../client/saveFile.ts';
import { fileDate } from '../shared/saveFile.ts';
import { exportTargets } from '../reports/selection.ts';

export function ExportActions() {
  const m = useMessages();
  const [done, setDone] = useState('');
  const { entries, source } = exportTargets(reportEntries.value, filteredEntries.value, selectedIds.value);
  const withPoint = entries.reduce((n, e) => (pointOf(e) ? n + 1 : n), 0);
  const ctx = { districts: districtNames, caseOf };

  const exportCsv = () => {
    const name = `signalements-${fileDate()}.csv`;
    // The file is in French whatever the screen's language, like the CLI's (client/exports/reportTable.ts).
    saveFile(name, new Blob([reportsCsv(entries, { ...ctx, statusName: fr.caseStatus })], { type: 'text/csv;charset=utf-8' }));
    setDone(m.exportDone(name));
  };
  const exportGeoJson = () => {
    const name = `signalements-${fileDate()}.geojson`;
    saveFile(name, new Blob([JSON.stringify(reportsGeoJson(entries, ctx), null, 2) + '\n'], { type: 'application/geo+json' }));
    setDone(m.exportDone(name));
  };

  return (
    <section class="export" aria-labelledby="export-heading">
      <h2 id="export-heading" class="export-heading">
        {m.exportLabel}
      </h2>
      <p class="export-target">{entries.length ? m.exportTarget(entries.length, source) : m.exportNothing}</p>
      <div class="button-row">
        <button type="button" class="button-secondary" onClick={exportCsv} disabled={!entries.length}>
          {m.exportCsv}
        </button>
        <button type="button" class="button-secondary" onClick={exportGeoJson} disabled={!withPoint} aria-describedby="export-points">
          {m.exportGeoJson}
        </button>
      </div>
      <p id="export-points" class="hint">
        {m.exportPoints(withPoint)}
      </p>
      <p role="status" class="export-done">
        {done}
      </p>
    </section>
  );
}
