/** The viewer's English text for finding, map and charts, exports: the same keys as `fr.analytics.ts`. */
import type { AnalyticsMessages } from './fr.ts';

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);
const INTEGER = new Intl.NumberFormat('en-GB');
const ONE_DECIMAL = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
const NO_DECIMAL = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const num = (n: number) => INTEGER.format(n);
const decimal = (n: number) => (n < 10 ? ONE_DECIMAL : NO_DECIMAL).format(n);

export const enAnalytics: AnalyticsMessages = {
  viewSwitchLabel: 'Report views',
  viewList: 'List',
  viewHotspots: 'Hotspots',
  viewMap: 'Map and trends',

  findHeading: 'Search and filter',
  searchLabel: 'Search the reports’ content',
  searchHint: 'Accents and capitals do not matter: “degage” finds “dégagé”. Several words: all must be there.',
  filterDistrict: 'District',
  filterAllDistricts: 'All districts',
  filterStatus: 'Status',
  filterAllStatuses: 'All statuses',
  filterForm: 'Form',
  filterAllForms: 'All forms',
  filterAssignee: 'Assigned to',
  filterAnyone: 'Anyone',
  filterUnassigned: 'Nobody (unassigned)',
  filterTag: 'Tag',
  filterAllTags: 'All tags',
  filterNoTags: 'No tags yet',
  periodLegend: 'Period',
  periodBasis: 'Date used',
  periodBasisOption: (p) => (p === 'received' ? 'Date the server received it' : 'Date given in the report'),
  periodFrom: 'From',
  periodTo: 'To (inclusive)',
  filterExpiring: (days) => `Only those expiring soon (within ${days} days)`,
  clearFilters: 'Clear filters',
  activeFilters: (n) => (n ? `${n} active ${plural(n, 'filter', 'filters')}` : 'No filter'),
  filterResult: (shown, total) => (shown === total ? `${num(total)} ${plural(total, 'report shown', 'reports shown')}` : `${num(shown)} of ${num(total)} reports shown`),
  noMatch: 'No report matches these criteria.',

  selectAllShown: (n) => `Select the ${num(n)} ${plural(n, 'report shown', 'reports shown')}`,
  selectReport: (received) => `Select the report received on ${received}`,
  clearSelection: 'Clear selection',
  selectedSummary: (n) => `${num(n)} ${plural(n, 'report selected', 'reports selected')}`,
  longListHint: 'Long list: only the rows near the screen are drawn as you scroll. To find a report, use the search above.',

  exportLabel: 'Export',
  exportCsv: 'Export as CSV',
  exportGeoJson: 'Export as GeoJSON',
  exportTarget: (n, source) =>
    source === 'selection'
      ? `Applies to ${n === 1 ? 'the selected report' : `the ${num(n)} selected reports`}.`
      : `No report selected: applies to ${n === 1 ? 'the report shown' : `the ${num(n)} reports shown`}.`,
  exportPoints: (withPoint) => `GeoJSON: ${num(withPoint)} ${plural(withPoint, 'position', 'positions')} (only reports with a position are in it).`,
  exportDone: (file) => `File “${file}” saved to your downloads.`,
  exportNothing: 'Nothing to export.',

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
