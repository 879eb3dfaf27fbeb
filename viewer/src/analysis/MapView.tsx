/**
 * The town's districts from its own GeoJSON (analysis/geo.ts), coloured by reports per km²,
 * with a dot for every report that gave a position; a legend in words and a table with the
 * same figures, which is what a screen reader reads (the drawing itself is one image).
 * Plain SVG attributes only: no style attribute (CSP `style-src 'self'`), no request.
 */
import { currentLang, useMessages } from '../i18n/index.ts';
import { LOCALE } from '../i18n/lang.ts';
import { byDistrict } from './charts.ts';
import { deployment } from '../shared/deployment.ts';
import { densityClasses, mapLayout, type MapLayout } from './geo.ts';
import { pointOf } from './hotspots.ts';
import type { ReportEntry } from '../reports/reportEntry.ts';

const WIDTH = 800;
const HEIGHT = 560;
const DOT = 3.5;

let layout: MapLayout | undefined;
/** Projected once: the districts do not change while the viewer runs. */
function townLayout(): MapLayout {
  layout ??= mapLayout(deployment.districts.features, WIDTH, HEIGHT);
  return layout;
}

/** Every dot as one path (one element for thousands of reports): a circle is two arcs. */
function dotsPath(points: ReadonlyArray<[number, number]>): string {
  return points.map(([x, y]) => `M${x - DOT} ${y}a${DOT} ${DOT} 0 1 0 ${2 * DOT} 0a${DOT} ${DOT} 0 1 0 ${-2 * DOT} 0`).join('');
}

export function MapView(props: { entries: readonly ReportEntry[] }) {
  const m = useMessages();
  const lang = currentLang();
  const town = townLayout();
  const counts = byDistrict(props.entries);
  const rows = town.shapes.map((s) => {
    const count = counts.get(s.id) ?? 0;
    return { ...s, count, density: s.areaKm2 > 0 ? count / s.areaKm2 : 0 };
  });
  const classes = densityClasses(rows.map((r) => r.density));
  const known = new Set(town.shapes.map((s) => s.id));
  const elsewhere = props.entries.length - rows.reduce((n, r) => n + r.count, 0);
  const points: Array<[number, number]> = [];
  let withPoint = 0;
  for (const e of props.entries) {
    const p = pointOf(e);
    if (!p) continue;
    withPoint++;
    const xy = town.project(p);
    if (xy) points.push(xy);
  }
  const outside = withPoint - points.length;
  const area = (x: number) => x.toLocaleString(LOCALE[lang], { maximumFractionDigits: 2 });
  return (
    <section class="map" aria-labelledby="map-heading">
      <h2 id="map-heading">{m.mapHeading}</h2>
      <p id="map-desc">{m.mapDescription(props.entries.length, withPoint)}</p>
      <div class="map-layout">
        <svg class="map-svg" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={m.mapImageLabel(deployment.town.name)} aria-describedby="map-desc" focusable="false">
          <g class="districts">
            {rows.map((r) => (
              <path key={r.id} d={r.d} class={`district density-${classes.classOf(r.density)}`} data-district={r.id} data-count={r.count} />
            ))}
          </g>
          <g class="district-labels">
            {rows.map((r) => (
              <text key={r.id} x={r.centre[0]} y={r.centre[1]} text-anchor="middle" class="district-label">
                {r.name}
              </text>
            ))}
          </g>
          {points.length ? <path class="points" d={dotsPath(points)} data-points={points.length} /> : null}
        </svg>
        <div class="map-legend">
          <p class="map-legend-title">{m.mapLegendTitle}</p>
          <ul>
            <li>
              <svg class="swatch" viewBox="0 0 24 16" aria-hidden="true" focusable="false">
                <rect x="1" y="1" width="22" height="14" class="district density--1" />
              </svg>
              {m.mapLegendNone}
            </li>
            {classes.bounds.map((upper, i) => (
              <li key={upper}>
                <svg class="swatch" viewBox="0 0 24 16" aria-hidden="true" focusable="false">
                  <rect x="1" y="1" width="22" height="14" class={`district density-${i}`} />
                </svg>
                {m.mapLegendRange(i ? classes.bounds[i - 1]! : 0, upper)}
              </li>
            ))}
            <li>
              <svg class="swatch" viewBox="0 0 24 16" aria-hidden="true" focusable="false">
                <circle cx="12" cy="8" r="4" class="points" />
              </svg>
              {m.mapLegendPoint}
            </li>
          </ul>
        </div>
      </div>
      {outside > 0 ? <p class="muted">{m.mapOutside(outside)}</p> : null}
      {elsewhere > 0 ? <p class="muted">{m.mapNoDistrict(elsewhere)}</p> : null}
      <div class="table-wrap">
        <table class="reports map-table">
          <caption>{m.mapTableCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{m.colMapDistrict}</th>
              <th scope="col" class="num">
                {m.colMapReports}
              </th>
              <th scope="col" class="num">
                {m.colMapArea}
              </th>
              <th scope="col" class="num">
                {m.colMapDensity}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-district={r.id} class={known.has(r.id) ? undefined : 'row-flagged'}>
                <th scope="row">{r.name}</th>
                <td class="num">{r.count}</td>
                <td class="num">{area(r.areaKm2)}</td>
                <td class="num">{m.formatDecimal(r.density)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
