/**
 * Reports by hour of day and by day of week (analysis/charts.ts), as plain SVG bars built
 * here (no chart library, no style attribute: CSP `style-src 'self'`). Each chart is one
 * image whose name says its peak, followed by its figures in a table.
 */
import { useMessages } from '../i18n/index.ts';
import { barHeight, byHour, byWeekday, peaks, type Binned } from './charts.ts';
import type { ReportEntry } from '../reports/reportEntry.ts';

const W = 720;
const H = 220;
const TOP = 18;
const BOTTOM = 26;

function BarChart(props: { id: string; title: string; binned: Binned; label: (i: number) => string; fullLabel: (i: number) => string; every: number; columnLabel: string }) {
  const m = useMessages();
  const { binned } = props;
  const max = Math.max(0, ...binned.bins.map((b) => b.count));
  const slot = W / binned.bins.length;
  const bar = Math.max(2, slot * 0.72);
  const plot = H - TOP - BOTTOM;
  const top = peaks(binned);
  const summary = top.length ? m.chartPeak(props.title, m.listJoin(top.map(props.fullLabel)), max) : m.chartEmpty(props.title);
  return (
    <figure class="chart" aria-labelledby={`${props.id}-title`}>
      <figcaption id={`${props.id}-title`} class="chart-title">
        {props.title}
      </figcaption>
      <svg class="chart-svg" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary} focusable="false">
        <line x1="0" x2={W} y1={H - BOTTOM} y2={H - BOTTOM} class="chart-axis" />
        {binned.bins.map((b) => {
          const h = barHeight(b.count, max, plot);
          const x = b.index * slot + (slot - bar) / 2;
          return (
            <g key={b.index} data-bin={b.index} data-count={b.count}>
              <rect x={x} y={H - BOTTOM - h} width={bar} height={h} class={top.includes(b.index) ? 'chart-bar chart-bar-peak' : 'chart-bar'} />
              {b.count ? (
                <text x={x + bar / 2} y={H - BOTTOM - h - 4} text-anchor="middle" class="chart-count">
                  {b.count}
                </text>
              ) : null}
              {b.index % props.every === 0 ? (
                <text x={x + bar / 2} y={H - 8} text-anchor="middle" class="chart-label">
                  {props.label(b.index)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <p class="hint">{m.chartFromArrival(binned.fromArrival, binned.total)}</p>
      <details class="chart-data">
        <summary>{m.chartData}</summary>
        <div class="table-wrap">
          <table class="reports chart-table" data-chart={props.id}>
            <caption class="visually-hidden">{props.title}</caption>
            <thead>
              <tr>
                <th scope="col">{props.columnLabel}</th>
                <th scope="col" class="num">
                  {m.colChartCount}
                </th>
                <th scope="col" class="num">
                  {m.colChartFromArrival}
                </th>
              </tr>
            </thead>
            <tbody>
              {binned.bins.map((b) => (
                <tr key={b.index}>
                  <th scope="row">{props.fullLabel(b.index)}</th>
                  <td class="num">{b.count}</td>
                  <td class="num">{b.fromArrival}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

export function Charts(props: { entries: readonly ReportEntry[] }) {
  const m = useMessages();
  return (
    <section class="charts" aria-labelledby="charts-heading">
      <h2 id="charts-heading">{m.chartsHeading}</h2>
      <p class="muted">{m.chartRule}</p>
      <BarChart id="chart-hour" title={m.chartHourTitle} binned={byHour(props.entries)} label={m.hourLabel} fullLabel={m.hourRange} every={3} columnLabel={m.colChartHour} />
      <BarChart
        id="chart-weekday"
        title={m.chartWeekdayTitle}
        binned={byWeekday(props.entries)}
        label={(i) => m.weekdaysShort[i] ?? ''}
        fullLabel={(i) => m.weekdays[i] ?? ''}
        every={1}
        columnLabel={m.colChartDay}
      />
    </section>
  );
}
