/**
 * The viewer's French text, keyed by meaning (STYLE: one dictionary per app, no inline
 * strings). English (`en.ts`) must have exactly the same keys.
 */
import type { Problem } from '../reports/reportEntry.ts';
import type { SyncFailure } from '../reports/reports.ts';
import type { UnlockFailure } from '../session/session.ts';
import type { KeyringFileProblemKind } from '../session/keyringFile.ts';
import type { LiveStatus } from '../session/live.ts';
import type { BodyProblem } from '../conversation/messageBody.ts';
import type { UnreadableReason } from '../conversation/messageCrypto.ts';
import type { SendFailure, WriteBlock } from '../conversation/outgoing.ts';
import { frAdmin } from './fr.admin.ts';
import { frAnalytics } from '../analysis/fr.ts';
import { frSurges } from '../flood/fr.ts';

const plural = (n: number, one: string, many: string) => (n <= 1 ? one : many);

export const fr = {
  ...frAdmin,
  ...frAnalytics,
  ...frSurges,
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
  unreadBadge: (n: number) => (n <= 1 ? 'Nouveau message' : `${n} nouveaux messages`),
  unreadReports: (n: number) => `${n} ${plural(n, 'signalement avec un nouveau message', 'signalements avec de nouveaux messages')}`,
  titleUnread: (n: number) => `(${n}) `,
  answerArrivals: (n: number, time: string) => `Nouveau message de l’habitant sur ${n} ${plural(n, 'signalement', 'signalements')} à ${time}.`,
  liveStatus: (s: LiveStatus): string =>
    ({
      off: '',
      connecting: 'Connexion au direct…',
      live: 'En direct : les nouveaux messages et signalements s’affichent aussitôt.',
      down: 'Direct indisponible : nouvelle vérification toutes les 10 secondes.',
    })[s],

  conversationHeading: 'Conversation avec l’habitant',
  jumpToConversation: (unread: number) => (unread ? `Aller à la conversation (${unread <= 1 ? '1 nouveau message' : `${unread} nouveaux messages`})` : 'Aller à la conversation'),
  conversationNoMailbox: 'L’habitant n’a laissé aucun moyen de lui répondre : ce signalement n’a pas de boîte aux lettres chiffrée. Aucune question ne peut lui être posée.',
  conversationHelp: 'Chiffré de bout en bout. L’habitant lit vos questions quand il ouvre l’application avec son code de suivi ; il n’en est pas averti autrement.',
  conversationLoading: 'Chargement de la conversation…',
  conversationEmpty: 'Aucun message pour l’instant.',
  conversationRetry: 'Réessayer',
  threadLabel: 'Messages, du plus ancien au plus récent',
  authorPolice: 'Police',
  authorYou: 'Vous',
  authorReporter: 'Habitant',
  messageNew: 'Nouveau',
  messageOpening: 'Déchiffrement…',
  messageSending: 'Envoi…',
  messageSent: 'Envoyé',
  messageFailed: 'Non envoyé',
  writtenAt: (time: string) => `Écrit le ${time} selon l’appareil de son auteur.`,
  unreadableMessage: 'Message illisible.',
  unreadableReason: (r: UnreadableReason): string =>
    ({
      integrity: 'Il ne s’ouvre pas avec les clés qu’il désigne : il a été altéré, ou scellé avec une autre clé que celle de cet habitant et de la police.',
      'unknown-key': 'Il est scellé avec une clé de la police que votre trousseau ne contient pas.',
      'invalid-content': 'Il s’ouvre, mais son contenu ne respecte pas le protocole : il n’est pas affiché.',
      'no-reply-key': 'Le signalement ne donne pas la clé de l’habitant, nécessaire pour l’ouvrir.',
    })[r],
  writeBlock: (b: WriteBlock): string =>
    ({
      'no-mailbox': 'L’habitant n’a laissé aucun moyen de lui répondre.',
      'no-reply-key': 'Impossible d’écrire : ce signalement ne donne pas la clé de l’habitant (il n’a pas pu être ouvert, ou ne la contient pas).',
      'no-police-key': 'Impossible d’écrire : votre trousseau ne contient pas la clé active de la police. Demandez-la à l’administrateur. Vous pouvez lire la conversation.',
    })[b],
  sendFailure: (f: SendFailure): string =>
    ({
      unreachable: 'Le serveur est injoignable.',
      unauthorized: 'Le serveur refuse la signature de ce poste (agent révoqué, ou horloge décalée de plus de 5 minutes).',
      forbidden: 'Votre rôle ne permet pas d’écrire aux habitants.',
      gone: 'Ce signalement n’existe plus sur le serveur, ou n’a pas de boîte aux lettres.',
      'unknown-key': 'Le serveur n’accepte plus la clé de la police utilisée.',
      refused: 'Le serveur a refusé ce message.',
      server: 'Le serveur a répondu par une erreur.',
    })[f],
  retrySend: 'Réessayer l’envoi',
  discardSend: 'Abandonner ce message',
  composerLabel: 'Votre question à l’habitant',
  composerHint: 'Entrée va à la ligne ; Ctrl + Entrée envoie.',
  quickQuestionsLabel: 'Questions toutes prêtes (ajoutées au texte)',
  quickQuestions: [
    { id: 'people', label: 'Les personnes', text: 'Pouvez-vous décrire les personnes (nombre, âge approximatif, tenue, signes particuliers) ?' },
    { id: 'vehicles', label: 'Les véhicules', text: 'Pouvez-vous décrire les véhicules (type, marque, couleur, plaque même partielle) ?' },
    { id: 'frequency', label: 'À quelle fréquence', text: 'À quelle fréquence cela se produit-il, et à quelles heures ?' },
    { id: 'since', label: 'Depuis quand', text: 'Depuis quand avez-vous remarqué cette activité ?' },
    { id: 'place', label: 'Le lieu exact', text: 'Pouvez-vous préciser le lieu exact (adresse, bâtiment, étage, repère) ?' },
    { id: 'other', label: 'Autre chose', text: 'Y a-t-il autre chose que vous souhaitez nous signaler ?' },
  ] as readonly QuickQuestion[],
  counter: (n: string, max: string) => `${n} / ${max} caractères`,
  bodyProblem: (p: BodyProblem, over: string): string => (p === 'empty' ? 'Écrivez une question avant d’envoyer.' : `Message trop long : retirez ${over} caractères.`),
  sendButton: 'Envoyer la question',
  composeFailed: 'La question n’a pas pu être chiffrée. Rechargez la page et réessayez.',
  announceAnswer: (time: string, body: string) => `Nouveau message de l’habitant, ${time} : ${body}`,
  announceUnreadableAnswer: (time: string) => `Nouveau message de l’habitant, ${time} : illisible.`,
  announceSent: 'Question envoyée.',
  announceFailed: 'La question n’a pas pu être envoyée.',
};

export type Messages = typeof fr;

/** A ready-made follow-up question: its button's short label and the text it inserts. */
export interface QuickQuestion {
  id: 'people' | 'vehicles' | 'frequency' | 'since' | 'place' | 'other';
  label: string;
  text: string;
}
