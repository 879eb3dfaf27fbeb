/**
 * Hotspots (analysis/hotspots.ts): each place reported more than once, largest first, with
 * its reports listed as links, and a button to tick them all for export or forwarding.
 * The place text is hostile until shown: plain text in a `<bdi>`, never HTML.
 */
import { useState } from 'preact/hooks';
import { currentLang, useMessages } from '../i18n/index.ts';
import { selectedIds } from '../caseFile/caseState.ts';
import { districtNames } from '../shared/deployment.ts';
import { formatReceived } from '../shared/format.ts';
import type { Hotspot } from './hotspots.ts';
import { LIST_PLACE_MAX } from '../reports/reportEntry.ts';
import { selectionState, setManySelected } from '../reports/selection.ts';
import { ProblemBadges } from '../reports/ProblemBadges.tsx';

/** Hotspots drawn at first; more on request, so that thousands never land at once. */
const PAGE = 50;

const cut = (text: string) => (text.length > LIST_PLACE_MAX ? text.slice(0, LIST_PLACE_MAX) + '…' : text);

function HotspotItem(props: { spot: Hotspot; index: number }) {
  const m = useMessages();
  const lang = currentLang();
  const { spot } = props;
  const ids = spot.entries.map((e) => e.id);
  const all = selectionState(ids, selectedIds.value) === 'all';
  const district = districtNames.find((d) => d.id === spot.district)?.name ?? spot.district;
  const newest = spot.entries[0]!;
  const oldest = spot.entries[spot.entries.length - 1]!;
  const day = (iso: string) => formatReceived(iso, lang);
  const headingId = `hotspot-${props.index}`;
  return (
    <li class="hotspot" data-hotspot={spot.key}>
      <section aria-labelledby={headingId}>
        <h2 id={headingId} class="hotspot-title">
          <bdi class="text">{spot.label ? cut(spot.label) : m.hotspotNoLabel}</bdi>
        </h2>
        <p class="hotspot-meta">
          <span class="hotspot-count">{m.hotspotReports(spot.entries.length)}</span> · <bdi class="text">{district}</bdi> · {m.hotspotPeriod(day(oldest.receivedAt), day(newest.receivedAt))}
        </p>
        <button type="button" class="button-secondary" onClick={() => setManySelected(ids, !all)}>
          {all ? m.hotspotUnselect(ids.length) : m.hotspotSelect(ids.length)}
        </button>
        <div class="table-wrap">
          <table class="reports hotspot-reports">
            <caption class="visually-hidden">{m.hotspotCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{m.colReceived}</th>
                <th scope="col">{m.colPlace}</th>
                <th scope="col">{m.colStatus}</th>
              </tr>
            </thead>
            <tbody>
              {spot.entries.map((e) => {
                const received = formatReceived(e.receivedAt, lang);
                const place = e.report?.answers.place;
                return (
                  <tr key={e.seq} data-report-id={e.id}>
                    <th scope="row">
                      <a href={`/reports/${e.id}`} aria-label={m.openReport(received)}>
                        {received}
                      </a>
                    </th>
                    <td class="cell-text">{typeof place === 'string' ? cut(place) : m.unknownValue}</td>
                    <td>
                      <ProblemBadges problems={e.problems} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>
    </li>
  );
}

export function HotspotList(props: { hotspots: readonly Hotspot[] }) {
  const m = useMessages();
  const [shown, setShown] = useState(PAGE);
  const more = props.hotspots.length - shown;
  return (
    <>
      <ol class="hotspots">
        {props.hotspots.slice(0, shown).map((spot, i) => (
          <HotspotItem key={spot.key} spot={spot} index={i} />
        ))}
      </ol>
      {more > 0 ? (
        <button type="button" class="button-secondary" onClick={() => setShown(shown + PAGE)}>
          {m.hotspotsMore(Math.min(more, PAGE))}
        </button>
      ) : null}
    </>
  );
}
