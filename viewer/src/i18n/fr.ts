/**
 * The viewer's French text, keyed by meaning (STYLE: one dictionary per app, no inline
 * strings). English (`en.ts`) must have exactly the same keys.
 */
import type { Problem } from '../services/reportEntry.ts';
import type { SyncFailure } from '../services/reports.ts';
import type { UnlockFailure } from '../services/session.ts';
import type { KeyringFileProblemKind } from '../services/keyringFile.ts';

const plural = (n: number, one: string, many: string) => (n <= 1 ? one : many);

export const fr = {
  documentTitle: 'Stop Deal — consultation des signalements',
  appName: 'Stop Deal',
  appRole: 'Consultation des signalements',
  skipToContent: 'Aller au contenu',
  switchLanguage: 'English',
  switchLanguageLabel: 'Show the viewer in English',
  lock: 'Verrouiller',
  lockHelp: 'Efface les clés et les signalements déchiffrés de cette page.',
  signedInAs: (officerId: string) => `Agent ${officerId}`,
  loadingCrypto: 'Chargement…',

  unlockTitle: 'Déverrouiller',
  unlockIntro:
    'Les signalements sont chiffrés. Ils ne sont déchiffrés que sur ce poste, en mémoire, après le déverrouillage de votre trousseau avec sa phrase de passe.',
  keyringHeading: '1. Votre trousseau',
  storedKeyring: (name: string, savedAt: string) => `Trousseau enregistré sur ce poste : « ${name} » (enregistré le ${savedAt}).`,
  useStoredKeyring: 'Utiliser le trousseau enregistré',
  forgetStoredKeyring: 'Oublier ce trousseau',
  forgottenKeyring: 'Le trousseau enregistré a été oublié par ce poste.',
  chooseKeyringFile: 'Choisir un fichier de trousseau',
  chooseOtherKeyringFile: 'Ou choisir un autre fichier de trousseau',
  dropKeyringHere: 'Ou déposez le fichier de trousseau ici.',
  dropZoneLabel: 'Zone de dépôt du fichier de trousseau',
  chosenKeyring: (name: string) => `Trousseau choisi : « ${name} ».`,
  noKeyringYet: 'Aucun trousseau choisi.',
  rememberKeyring: 'Garder ce trousseau sur ce poste pour la prochaine fois (il y reste chiffré par la phrase de passe)',
  passphraseHeading: '2. Phrase de passe',
  passphraseLabel: 'Phrase de passe du trousseau',
  showPassphrase: 'Afficher la phrase de passe',
  unlockButton: 'Déverrouiller',
  unlocking: 'Déverrouillage…',
  unlockingHelp: 'Cela prend quelques secondes : le calcul est volontairement lent pour résister aux attaques.',
  needKeyring: 'Choisissez d’abord un fichier de trousseau.',
  needPassphrase: 'Saisissez la phrase de passe.',

  keyringFileProblem: (kind: KeyringFileProblemKind, field?: string): string => {
    switch (kind) {
      case 'too-large':
        return 'Ce fichier est bien trop gros pour être un trousseau Stop Deal.';
      case 'not-json':
        return 'Ce fichier n’est pas un trousseau Stop Deal : ce n’est pas un fichier JSON.';
      case 'not-keyring':
        return 'Ce fichier n’est pas un trousseau Stop Deal.';
      case 'field':
        return `Ce trousseau est invalide : le champ « ${field ?? '?'} » est absent ou incorrect.`;
    }
  },
  unlockFailure: (reason: UnlockFailure): string => {
    switch (reason) {
      case 'wrong-passphrase':
        return 'Phrase de passe incorrecte. Vérifiez-la (tirets, majuscules) et réessayez.';
      case 'damaged':
        return 'Ce trousseau est abîmé : son contenu déchiffré n’est pas un trousseau valide.';
      case 'no-police-keys':
        return 'Ce trousseau ne contient aucune clé de la police : il ne peut ouvrir aucun signalement.';
      case 'no-officer-key':
        return 'Ce trousseau ne contient pas de clé d’agent : il ne peut pas signer les demandes au serveur, donc pas récupérer les signalements. Utilisez le trousseau d’un agent inscrit.';
      case 'crypto-unavailable':
        return 'Le module de chiffrement n’a pas pu démarrer dans ce navigateur.';
    }
  },
  technicalDetail: (detail: string) => `Détail technique : ${detail}`,

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

  problemShort: (p: Problem): string =>
    ({
      integrity: 'Illisible',
      'unknown-key': 'Clé inconnue',
      'invalid-content': 'Contenu invalide',
      'id-mismatch': 'Identifiant incohérent',
      'unknown-form': 'Formulaire inconnu',
      'invalid-answers': 'Réponses non conformes',
    })[p],
  problemLong: (p: Problem): string =>
    ({
      integrity: 'Ce signalement ne s’ouvre pas avec la clé qu’il désigne : il a été altéré, tronqué ou scellé avec une autre clé. Son contenu ne peut pas être lu.',
      'unknown-key': 'Ce signalement est scellé avec une clé de la police que votre trousseau ne contient pas. Demandez à l’administrateur de vous transmettre cette clé.',
      'invalid-content': 'Ce signalement s’ouvre, mais son contenu ne respecte pas le protocole : il n’est pas affiché.',
      'id-mismatch': 'Attention : l’identifiant scellé dans ce signalement diffère de celui du serveur. Il peut s’agir d’une copie rejouée d’un autre signalement. Ne vous fiez ni à l’un ni à l’autre.',
      'unknown-form': 'Ce signalement utilise un formulaire que cette version de la consultation ne connaît pas : ses réponses sont affichées telles quelles.',
      'invalid-answers': 'Certaines réponses ne respectent pas le formulaire : elles sont affichées telles quelles, en texte brut.',
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
};

export type Messages = typeof fr;
