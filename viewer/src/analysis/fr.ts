/**
 * The viewer's French text for finding reports (filters, search, hotspots), the map and
 * charts, and exports (issue 4). Spread into `fr.ts`; English (`en.analytics.ts`) has exactly
 * the same keys, checked by the type.
 */
import type { Filters } from '../reports/filters.ts';

const plural = (n: number, one: string, many: string) => (n <= 1 ? one : many);
const INTEGER = new Intl.NumberFormat('fr-FR');
const ONE_DECIMAL = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const NO_DECIMAL = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const num = (n: number) => INTEGER.format(n);
const decimal = (n: number) => (n < 10 ? ONE_DECIMAL : NO_DECIMAL).format(n);

export const frAnalytics = {
  // ---- Views of the same filtered reports ----
  viewSwitchLabel: 'Affichage des signalements',
  viewList: 'Liste',
  viewHotspots: 'Points chauds',
  viewMap: 'Carte et tendances',

  // ---- Filter bar ----
  findHeading: 'Rechercher et filtrer',
  searchLabel: 'Rechercher dans le contenu des signalements',
  searchHint: 'Sans tenir compte des accents ni des majuscules : « degage » trouve « dégagé ». Plusieurs mots : tous doivent y être.',
  filterDistrict: 'Quartier',
  filterAllDistricts: 'Tous les quartiers',
  filterStatus: 'Statut',
  filterAllStatuses: 'Tous les statuts',
  filterForm: 'Formulaire',
  filterAllForms: 'Tous les formulaires',
  filterAssignee: 'Attribué à',
  filterAnyone: 'Peu importe',
  filterUnassigned: 'Personne (non attribué)',
  filterTag: 'Étiquette',
  filterAllTags: 'Toutes les étiquettes',
  filterNoTags: 'Aucune étiquette pour l’instant',
  periodLegend: 'Période',
  periodBasis: 'Date prise en compte',
  periodBasisOption: (p: Filters['period']): string => (p === 'received' ? 'Date de réception par le serveur' : 'Date indiquée dans le signalement'),
  periodFrom: 'Du',
  periodTo: 'Au (inclus)',
  filterExpiring: (days: number) => `Seulement ceux qui expirent bientôt (dans moins de ${days} jours)`,
  clearFilters: 'Effacer les filtres',
  activeFilters: (n: number) => (n ? `${n} ${plural(n, 'filtre actif', 'filtres actifs')}` : 'Aucun filtre'),
  filterResult: (shown: number, total: number) =>
    shown === total ? `${num(total)} ${plural(total, 'signalement affiché', 'signalements affichés')}` : `${num(shown)} ${plural(shown, 'signalement affiché', 'signalements affichés')} sur ${num(total)}`,
  noMatch: 'Aucun signalement ne correspond à ces critères.',

  // ---- List: selection and long lists ----
  selectAllShown: (n: number) => `Sélectionner les ${num(n)} ${plural(n, 'signalement affiché', 'signalements affichés')}`,
  selectReport: (received: string) => `Sélectionner le signalement reçu le ${received}`,
  clearSelection: 'Tout désélectionner',
  selectedSummary: (n: number) => `${num(n)} ${plural(n, 'signalement sélectionné', 'signalements sélectionnés')}`,
  longListHint: 'Liste longue : seules les lignes proches de l’écran sont affichées au fil du défilement. Pour trouver un signalement, utilisez la recherche ci-dessus.',

  // ---- Export ----
  exportLabel: 'Exporter',
  exportCsv: 'Exporter en CSV',
  exportGeoJson: 'Exporter en GeoJSON',
  exportTarget: (n: number, source: 'selection' | 'filtered') =>
    source === 'selection'
      ? `Porte sur ${plural(n, 'le signalement sélectionné', `les ${num(n)} signalements sélectionnés`)}.`
      : `Aucun signalement sélectionné : porte sur ${plural(n, 'le signalement affiché', `les ${num(n)} signalements affichés`)}.`,
  exportPoints: (withPoint: number) => `GeoJSON : ${num(withPoint)} ${plural(withPoint, 'position', 'positions')} (seuls les signalements avec une position y figurent).`,
  exportDone: (file: string) => `Fichier « ${file} » enregistré dans vos téléchargements.`,
  exportNothing: 'Rien à exporter.',

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
