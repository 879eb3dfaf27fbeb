/**
 * The viewer's English text for hotspots, the map and the charts (issue 4): the same keys as
 * `fr.ts` beside it.
 */
import type { AnalyticsMessages } from './fr.ts';

const NO_DECIMAL = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const ONE_DECIMAL = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
const INTEGER = new Intl.NumberFormat('en-GB');
const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);
const num = (n: number) => INTEGER.format(n);
const decimal = (n: number) => (n < 10 ? ONE_DECIMAL : NO_DECIMAL).format(n);

export const enAnalytics: AnalyticsMessages = {
  hotspotsTitle: 'Hotspots',
  hotspotsIntro: (metres) =>
    `Reports of the same place: same district, and positions less than ${metres} m apart, or the same address or landmark (ignoring accents, capitals and punctuation).`,
  hotspotsNone: 'No place is reported more than once among the reports shown.',
  hotspotsCount: (spots, reports) => `${num(spots)} ${plural(spots, 'hotspot', 'hotspots')}, ${num(reports)} ${plural(reports, 'report', 'reports')}`,
  hotspotNoLabel: 'Place with no address (nearby positions)',
  hotspotReports: (n) => `${num(n)} ${plural(n, 'report', 'reports')}`,
  hotspotPeriod: (first, last) => (first === last ? `received on ${first}` : `received from ${first} to ${last}`),
  hotspotSelect: (n) => `Select these ${num(n)} reports`,
  hotspotUnselect: (n) => `Unselect these ${num(n)} reports`,
  hotspotCaption: 'Reports of this place, newest first',
  hotspotsMore: (n) => `Show ${num(n)} more ${plural(n, 'hotspot', 'hotspots')}`,

  mapTitle: 'Map and trends',
  mapHeading: 'District map',
  mapDescription: (shown, withPoint) => `Districts coloured by reports per km². ${num(withPoint)} of the ${num(shown)} reports shown give a position, marked with a dot.`,
  mapImageLabel: (town) => `Map of the districts of ${town}`,
  mapLegendTitle: 'Reports per km²',
  mapLegendNone: 'No report',
  mapLegendRange: (from, to) => `${decimal(from)} to ${decimal(to)}`,
  mapLegendPoint: 'Position given by the reporter',
  mapTableCaption: 'Reports per district (same filters as the list)',
  colMapDistrict: 'District',
  colMapReports: 'Reports',
  colMapArea: 'Area (km²)',
  colMapDensity: 'Per km²',
  mapOutside: (n) => `${num(n)} ${plural(n, 'position falls', 'positions fall')} outside the map and ${plural(n, 'is', 'are')} not drawn.`,
  mapNoDistrict: (n) => `${num(n)} ${plural(n, 'report names', 'reports name')} no district of the map.`,
  formatDecimal: decimal,

  chartsHeading: 'Trends',
  chartRule: 'Each report counts at the time and day it gives; failing that, at the hour the server received it.',
  chartHourTitle: 'Reports by hour of day',
  chartWeekdayTitle: 'Reports by day of week',
  chartFromArrival: (n, total) => (n ? `${num(n)} of ${num(total)} from the time received.` : 'All from what the reports say.'),
  chartPeak: (title, peaks, count) => `${title}: most at ${peaks} (${num(count)}).`,
  chartEmpty: (title) => `${title}: no report.`,
  chartData: 'Show the figures',
  colChartHour: 'Hour',
  colChartDay: 'Day',
  colChartCount: 'Reports',
  colChartFromArrival: 'of which from the time received',
  hourLabel: (h) => `${String(h).padStart(2, '0')}:00`,
  hourRange: (h) => `${String(h).padStart(2, '0')}:00–${String((h + 1) % 24).padStart(2, '0')}:00`,
  weekdays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  weekdaysShort: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
  listJoin: (items) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`),
};
