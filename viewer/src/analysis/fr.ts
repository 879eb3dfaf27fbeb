/**
 * The viewer's French text for hotspots, the map and the charts (issue 4). Spread into i18n/fr.ts,
 * the one dictionary; English (`en.ts` beside it) has exactly the same keys, checked by the type.
 */
const NO_DECIMAL = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const ONE_DECIMAL = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const INTEGER = new Intl.NumberFormat('fr-FR');
const plural = (n: number, one: string, many: string) => (n <= 1 ? one : many);
const num = (n: number) => INTEGER.format(n);
const decimal = (n: number) => (n < 10 ? ONE_DECIMAL : NO_DECIMAL).format(n);

export const frAnalytics = {
  // ---- Hotspots ----
  hotspotsTitle: 'Points chauds',
  hotspotsIntro: (metres: number) =>
    `Signalements d’un même lieu : même quartier, et des positions à moins de ${metres} m, ou la même adresse ou le même repère (sans tenir compte des accents, des majuscules ni de la ponctuation).`,
  hotspotsNone: 'Aucun lieu n’est signalé plusieurs fois parmi les signalements affichés.',
  hotspotsCount: (spots: number, reports: number) =>
    `${num(spots)} ${plural(spots, 'point chaud', 'points chauds')}, ${num(reports)} ${plural(reports, 'signalement', 'signalements')}`,
  hotspotNoLabel: 'Lieu sans adresse (positions proches)',
  hotspotReports: (n: number) => `${num(n)} ${plural(n, 'signalement', 'signalements')}`,
  hotspotPeriod: (first: string, last: string) => (first === last ? `reçu le ${first}` : `reçus du ${first} au ${last}`),
  hotspotSelect: (n: number) => `Sélectionner ces ${num(n)} signalements`,
  hotspotUnselect: (n: number) => `Désélectionner ces ${num(n)} signalements`,
  hotspotCaption: 'Les signalements de ce lieu, du plus récent au plus ancien',
  hotspotsMore: (n: number) => `Afficher ${num(n)} ${plural(n, 'point chaud de plus', 'points chauds de plus')}`,

  // ---- Map ----
  mapTitle: 'Carte et tendances',
  mapHeading: 'Carte des quartiers',
  mapDescription: (shown: number, withPoint: number) =>
    `Quartiers colorés selon le nombre de signalements par km². ${num(withPoint)} des ${num(shown)} signalements affichés donnent une position, marquée d’un point.`,
  mapImageLabel: (town: string) => `Carte des quartiers de ${town}`,
  mapLegendTitle: 'Signalements par km²',
  mapLegendNone: 'Aucun signalement',
  mapLegendRange: (from: number, to: number) => `de ${decimal(from)} à ${decimal(to)}`,
  mapLegendPoint: 'Position donnée par le signalant',
  mapTableCaption: 'Signalements par quartier (mêmes filtres que la liste)',
  colMapDistrict: 'Quartier',
  colMapReports: 'Signalements',
  colMapArea: 'Surface (km²)',
  colMapDensity: 'Par km²',
  mapOutside: (n: number) => `${num(n)} ${plural(n, 'position tombe', 'positions tombent')} hors de la carte et ${plural(n, 'n’est pas dessinée', 'ne sont pas dessinées')}.`,
  mapNoDistrict: (n: number) => `${num(n)} ${plural(n, 'signalement ne nomme', 'signalements ne nomment')} aucun quartier de la carte.`,
  formatDecimal: decimal,

  // ---- Charts ----
  chartsHeading: 'Tendances',
  chartRule: 'Chaque signalement compte à l’heure et au jour qu’il indique ; à défaut, à l’heure de sa réception par le serveur (à l’heure près).',
  chartHourTitle: 'Signalements par heure de la journée',
  chartWeekdayTitle: 'Signalements par jour de la semaine',
  chartFromArrival: (n: number, total: number) => (n ? `${num(n)} sur ${num(total)} d’après l’heure de réception.` : 'Tous d’après ce qu’indique le signalement.'),
  chartPeak: (title: string, peaks: string, count: number) => `${title} : le plus à ${peaks} (${num(count)}).`,
  chartEmpty: (title: string) => `${title} : aucun signalement.`,
  chartData: 'Voir les chiffres',
  colChartHour: 'Heure',
  colChartDay: 'Jour',
  colChartCount: 'Signalements',
  colChartFromArrival: 'dont d’après la réception',
  hourLabel: (h: number) => `${h} h`,
  hourRange: (h: number) => `${h} h – ${h + 1} h`,
  weekdays: ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'] as readonly string[],
  weekdaysShort: ['lun.', 'mar.', 'mer.', 'jeu.', 'ven.', 'sam.', 'dim.'] as readonly string[],
  listJoin: (items: readonly string[]) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} et ${items[items.length - 1]}`),
};

export type AnalyticsMessages = typeof frAnalytics;
