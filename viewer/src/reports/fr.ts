/**
 * The viewer's French text for the report list and one report (answers, attachments), the views,
 * filters and selection. Spread into i18n/fr.ts, the one dictionary; English (`en.ts` beside it)
 * has exactly the same keys, checked by the type.
 */
import type { ReportFlag } from '../../../schemas/reportFlag.ts';
import type { SyncFailure } from './reports.ts';
import type { Filters } from './filters.ts';

const INTEGER = new Intl.NumberFormat('fr-FR');
const plural = (n: number, one: string, many: string) => (n <= 1 ? one : many);
const num = (n: number) => INTEGER.format(n);

export const frReports = {
  reportsTitle: 'Signalements',
  reportsCount: (n: number) => (n === 0 ? 'Aucun signalement' : `${n} ${plural(n, 'signalement', 'signalements')}`),
  flaggedCount: (n: number) => `dont ${n} à vérifier (illisible ou non conforme)`,
  loadingReports: 'Récupération et déchiffrement des signalements…',
  checkedAt: (time: string) => `Dernière vérification à ${time}. Les nouveaux signalements s’affichent d’eux-mêmes.`,
  checkNow: 'Vérifier maintenant',
  arrivals: (n: number, time: string) => `${n} ${plural(n, 'nouveau signalement', 'nouveaux signalements')} à ${time}.`,
  noReports: 'Aucun signalement pour l’instant.',
  syncFailure: (f: SyncFailure): string => {
    switch (f) {
      case 'unreachable':
        return 'Le serveur est injoignable. Nouvel essai dans quelques secondes.';
      case 'unauthorized':
        return 'Le serveur refuse la signature de ce poste : agent inconnu ou révoqué, ou horloge du poste décalée de plus de 5 minutes.';
      case 'forbidden':
        return 'Votre rôle ne permet pas de consulter les signalements.';
      case 'server':
        return 'Le serveur a répondu par une erreur. Nouvel essai dans quelques secondes.';
    }
  },
  tableCaption: 'Signalements reçus, du plus récent au plus ancien',
  colReceived: 'Reçu',
  colForm: 'Formulaire',
  colDistrict: 'Quartier',
  colPlace: 'Lieu',
  colStatus: 'État',
  statusReadable: 'Déchiffré',
  openReport: (received: string) => `Ouvrir le signalement reçu le ${received}`,
  unknownValue: '—',

  problemShort: (p: ReportFlag): string =>
    ({
      undecryptable: 'Illisible',
      unknown_key: 'Clé inconnue',
      invalid_content: 'Contenu invalide',
      id_mismatch: 'Identifiant incohérent',
      unknown_form: 'Formulaire inconnu',
      invalid_answers: 'Réponses non conformes',
    })[p],
  problemLong: (p: ReportFlag): string =>
    ({
      undecryptable: 'Ce signalement ne s’ouvre pas avec la clé qu’il désigne : il a été altéré, tronqué ou scellé avec une autre clé. Son contenu ne peut pas être lu.',
      unknown_key: 'Ce signalement est scellé avec une clé de la police que votre trousseau ne contient pas. Demandez à l’administrateur de vous transmettre cette clé.',
      invalid_content: 'Ce signalement s’ouvre, mais son contenu ne respecte pas le protocole : il n’est pas affiché.',
      id_mismatch: 'Attention : l’identifiant scellé dans ce signalement diffère de celui du serveur. Il peut s’agir d’une copie rejouée d’un autre signalement. Ne vous fiez ni à l’un ni à l’autre.',
      unknown_form: 'Ce signalement utilise un formulaire que cette version de la consultation ne connaît pas : ses réponses sont affichées telles quelles.',
      invalid_answers: 'Certaines réponses ne respectent pas le formulaire : elles sont affichées telles quelles, en texte brut.',
    })[p],

  backToList: 'Tous les signalements',
  reportTitle: (received: string) => `Signalement reçu le ${received}`,
  reportNotFound: 'Ce signalement est introuvable.',
  reportLoading: 'Recherche du signalement…',
  flaggedHeading: 'À vérifier',
  metaHeading: 'Informations',
  metaForm: 'Formulaire',
  metaFormVersion: (reported: number, known: number) => `version ${reported} (ce poste connaît la version ${known})`,
  metaReceived: 'Reçu par le serveur (à l’heure près)',
  metaCreated: 'Rédigé sur le téléphone (selon le téléphone)',
  metaKid: 'Clé de la police utilisée',
  metaId: 'Identifiant',
  metaInnerId: 'Identifiant scellé dans le signalement',
  metaSeq: 'Numéro d’arrivée',
  metaReply: 'Réponse au signalant',
  replyPossible: 'Possible par la messagerie chiffrée',
  replyImpossible: 'Impossible : le signalant n’a pas laissé de boîte aux lettres',
  metaAttachments: 'Pièces jointes',
  attachment: (name: string, mime: string, size: string) => `${name} (${mime}, ${size})`,
  attachmentUnnamed: 'sans nom',
  attachmentsHeading: 'Pièces jointes',
  attachmentsHelp:
    'Les pièces jointes sont déchiffrées sur ce poste, en mémoire seulement. Seules les photos JPEG, PNG ou WebP vérifiées sont affichées ; tout autre fichier peut seulement être enregistré, sans être ouvert ici.',
  attachmentLabel: (n: number) => `Pièce jointe ${n} :`,
  attachmentDeclared: (mime: string, size: string) => `Type annoncé : ${mime} · taille annoncée : ${size}`,
  attachmentSize: (size: string) => `Taille réelle : ${size}`,
  attachmentSizeMismatch: (listed: string, actual: string) => `Attention : taille réelle ${actual}, différente de la taille annoncée (${listed}).`,
  attachmentShow: 'Afficher la photo',
  attachmentHide: 'Masquer la photo',
  attachmentSave: 'Enregistrer la pièce jointe',
  attachmentLoading: 'Téléchargement et déchiffrement de la pièce jointe…',
  attachmentSaved: (name: string) => `Pièce jointe enregistrée sous le nom « ${name} ».`,
  attachmentPhotoAlt: (n: number) => `Photo jointe au signalement (pièce jointe ${n})`,
  attachmentNotShownMismatch:
    'Ce fichier n’est pas affiché : son contenu n’est pas une photo du type annoncé. Il peut être enregistré pour examen, sans être ouvert ici.',
  attachmentNotShownType: 'Ce type de fichier n’est jamais affiché ici, par sécurité. Il peut être enregistré pour examen.',
  attachmentFailure: (why: 'missing' | 'undecryptable' | 'altered' | 'unreachable' | 'refused' | 'locked' | 'dossier-altered') =>
    ({
      missing: 'Pièce jointe introuvable sur le serveur : elle n’a jamais été reçue, ou elle a déjà été effacée.',
      undecryptable: 'Pièce jointe illisible : elle ne se déchiffre pas avec la clé donnée dans le signalement (fichier abîmé ou modifié).',
      altered: 'Pièce jointe refusée : le serveur a renvoyé un autre fichier que celui nommé dans le signalement.',
      unreachable: 'Pièce jointe non téléchargée : le serveur est injoignable. Vérifiez la connexion et réessayez.',
      refused: 'Pièce jointe non téléchargée : le serveur refuse l’accès à cet agent.',
      locked: 'La consultation a été verrouillée.',
      'dossier-altered': 'Pièce jointe refusée : le fichier du dossier contient un autre fichier que celui nommé dans le signalement (dossier modifié).',
    })[why],
  contactHeading: 'Contact',
  contactGiven: 'Le signalant accepte d’être recontacté :',
  contactNone: 'Signalement anonyme : aucun moyen de contact donné.',
  answersHeading: 'Réponses',
  extraHeading: 'Réponses hors du formulaire',
  extraHelp: 'Ces réponses ne correspondent à aucune question du formulaire. Elles sont affichées telles quelles.',
  invalidAnswer: '(non conforme au formulaire)',
  unknownChoice: '(valeur absente du formulaire)',
  unknownDistrict: '(quartier inconnu)',
  pointAccuracy: (metres: number) => `(précision ± ${metres} m)`,
  invalidFieldsList: (labels: string) => `Réponses concernées : ${labels}.`,
  noAnswers: 'Aucune réponse.',
  unreadableBody: 'Le contenu de ce signalement n’est pas affiché, car il n’a pas pu être ouvert de façon sûre.',
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
};

export type ReportsMessages = typeof frReports;
