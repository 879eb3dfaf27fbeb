/**
 * The viewer's French text for exports (CSV, GeoJSON), PDF dossiers, forwarding to a unit and the
 * dossier a unit opens. Spread into i18n/fr.ts, the one dictionary; English (`en.ts` beside it)
 * has exactly the same keys, checked by the type.
 */
import type { BlobLeftOutReason } from '../../../schemas/dossier.ts';
import type { ForwardFailure, LeftOutAttachment } from './forward.ts';
import type { DossierOpenFailure } from './openDossier.ts';
import type { UnitProblem } from './units.ts';

const INTEGER = new Intl.NumberFormat('fr-FR');
const plural = (n: number, one: string, many: string) => (n <= 1 ? one : many);
const num = (n: number) => INTEGER.format(n);

export const frExport = {
  // ---- Dossier opened by an investigator unit ----
  dossierTitle: 'Ouvrir un dossier transmis',
  dossierIntro:
    'Pour les unités d’enquête : un dossier transmis ne s’ouvre qu’avec le trousseau de l’unité à laquelle il est destiné. Tout reste sur ce poste, en mémoire ; fermer le dossier efface tout de cette page.',
  dossierFileHeading: '1. Le dossier',
  dossierFileLabel: 'Choisir le fichier du dossier',
  dossierChosen: (name: string) => `Dossier choisi : « ${name} ».`,
  dossierNone: 'Aucun dossier choisi.',
  dossierKeyringHeading: '2. Le trousseau de l’unité',
  dossierPassphraseLabel: 'Phrase de passe du trousseau de l’unité',
  dossierOpen: 'Ouvrir le dossier',
  dossierOpening: 'Ouverture du dossier…',
  dossierNeed: (what: 'dossier' | 'keyring' | 'passphrase'): string =>
    what === 'dossier' ? 'Choisissez d’abord le fichier du dossier.' : what === 'keyring' ? 'Choisissez le trousseau de l’unité.' : 'Saisissez la phrase de passe.',
  dossierFailure: (f: DossierOpenFailure): string =>
    ({
      'wrong-passphrase': 'Phrase de passe incorrecte.',
      damaged: 'Ce trousseau est abîmé.',
      'not-a-dossier': 'Ce fichier n’est pas un dossier Stop Deal.',
      'too-large': 'Ce fichier est bien trop gros pour être un dossier Stop Deal.',
      'not-for-this-keyring': 'Ce dossier est destiné à une autre unité : ce trousseau ne contient pas sa clé.',
      integrity: 'Ce dossier ne s’ouvre pas avec ce trousseau, ou il a été altéré, ou sa signature ne correspond pas à son auteur.',
      'crypto-unavailable': 'Le module de chiffrement n’a pas pu démarrer dans ce navigateur.',
    })[f],
  dossierFrom: (who: string) => `Transmis par ${who} — signature vérifiée.`,
  dossierCreated: (date: string) => `Créé le ${date}.`,
  dossierUnit: (unit: string) => `Destinataire : ${unit}.`,
  dossierReports: (n: number) => `${n} ${plural(n, 'signalement', 'signalements')}`,
  dossierClose: 'Fermer le dossier',
  dossierCloseHelp: 'Efface le dossier et la clé de cette page.',
  dossierCaseHeading: 'Dossier de suivi',
  dossierNoEvents: 'Aucun événement.',
  dossierMessagesHeading: 'Conversation avec l’habitant',
  dossierNoMessages: 'Aucun message.',
  dossierAttachmentNotCarried: (why: BlobLeftOutReason | 'not-carried'): string =>
    ({
      missing: 'Cette pièce jointe n’est pas dans le dossier : le serveur ne l’avait plus au moment de la transmission (jamais reçue, ou déjà effacée).',
      unavailable: 'Cette pièce jointe n’est pas dans le dossier : le serveur n’a pas pu la fournir au moment de la transmission. Demandez-la à l’agent qui a transmis le dossier.',
      altered: 'Cette pièce jointe n’est pas dans le dossier : le serveur a renvoyé un autre fichier que celui nommé dans le signalement.',
      'too-large': 'Cette pièce jointe n’est pas dans le dossier : les pièces jointes dépassaient la taille maximale d’un dossier (64 Mo). Demandez-la à l’agent qui a transmis le dossier.',
      'not-carried': 'Cette pièce jointe n’est pas dans ce fichier de dossier (dossier préparé par une version plus ancienne, ou fichier modifié).',
    })[why],
  dossierReportHeading: (i: number, received: string) => `Signalement ${i} — reçu le ${received}`,

  // ---- Selection: PDF and forwarding ----
  selectionLabel: 'Actions sur les signalements choisis',
  selectionCount: (n: number) => (n ? `${n} ${plural(n, 'signalement choisi', 'signalements choisis')}` : 'Aucun signalement choisi'),
  selectionHint: 'Cochez des signalements dans la liste pour les exporter en PDF ou les transmettre.',
  thisReportActions: 'Exporter ou transmettre ce signalement',
  pdfButton: 'Dossier PDF',
  pdfBuilding: 'Préparation du PDF…',
  pdfDone: (n: number, size: string) => `Dossier PDF de ${n} ${plural(n, 'signalement', 'signalements')} téléchargé (${size}). Il contient des données personnelles : rangez-le sur un disque chiffré.`,
  pdfFailed: 'Le PDF n’a pas pu être préparé.',
  forwardButton: 'Transmettre à une unité d’enquête…',
  forwardTitle: 'Transmettre à une unité d’enquête',
  forwardIntro: (n: number) =>
    `${n} ${plural(n, 'signalement est rescellé', 'signalements sont rescellés')}, avec leur dossier de suivi, leur conversation et leurs pièces jointes (photos), pour la seule clé de l’unité choisie. Le fichier obtenu se remet à l’unité (clé USB, messagerie) : elle seule peut l’ouvrir.`,
  forwardUnitLegend: 'Unité destinataire',
  forwardNewUnit: 'Une autre unité (coller sa clé publique)',
  unitNameLabel: 'Nom de l’unité',
  unitKeyLabel: 'Clé publique de l’unité',
  unitKeyHint: 'Donnée par l’unité (commande « sd keyring investigator »). Comparez l’empreinte avec elle.',
  unitFingerprint: (fp: string) => `Empreinte de la clé : ${fp}`,
  unitKeep: 'Garder cette unité sur ce poste pour la prochaine fois',
  unitProblem: (p: UnitProblem): string =>
    ({ 'no-name': 'Donnez le nom de l’unité.', 'not-a-key': 'Ce n’est pas une clé publique : 43 caractères attendus (lettres, chiffres, - et _).', 'no-unit': 'Choisissez l’unité destinataire.' })[p],
  forwardMark: 'Passer ces signalements au statut « Transmis »',
  forwardSubmit: 'Sceller et télécharger le dossier',
  forwarding: 'Scellement du dossier…',
  forwardDone: (n: number, unit: string) => `Dossier de ${n} ${plural(n, 'signalement', 'signalements')} pour « ${unit} » téléchargé. La transmission est consignée dans ${plural(n, 'son dossier de suivi', 'leurs dossiers de suivi')}.`,
  forwardSkipped: (n: number) => `${n} ${plural(n, 'signalement illisible n’a pas pu être inclus', 'signalements illisibles n’ont pas pu être inclus')}.`,
  forwardSkippedMessages: (n: number) => `${n} ${plural(n, 'message illisible n’a pas été inclus', 'messages illisibles n’ont pas été inclus')}.`,
  forwardCarried: (n: number) => `${n} ${plural(n, 'pièce jointe incluse', 'pièces jointes incluses')} dans le dossier.`,
  forwardLeftOut: (n: number) => `${n} ${plural(n, 'pièce jointe n’a pas pu être incluse', 'pièces jointes n’ont pas pu être incluses')} (le dossier a quand même été préparé) :`,
  forwardLeftOutLine: (a: LeftOutAttachment, received: string): string =>
    `Signalement ${a.report} (reçu ${received}), pièce jointe ${a.attachment}${a.name ? ` « ${a.name} »` : ''} : ` +
    {
      missing: 'introuvable sur le serveur (jamais reçue, ou déjà effacée).',
      unavailable: 'le serveur n’a pas pu la fournir (connexion ou accès).',
      altered: 'le serveur a renvoyé un autre fichier que celui nommé dans le signalement.',
      'too-large': 'au-delà de la taille maximale d’un dossier (64 Mo de pièces jointes) : à remettre séparément.',
    }[a.reason],
  forwardFailure: (f: ForwardFailure): string =>
    ({
      'no-readable': 'Aucun des signalements choisis n’a pu être ouvert : il n’y a rien à transmettre.',
      'too-many': 'Trop de signalements pour un seul dossier : 1 000 au plus.',
      'seal-failed': 'Le dossier n’a pas pu être scellé.',
      'no-police-key': 'Votre trousseau ne contient pas la clé active de la police : la transmission ne peut pas être consignée.',
    })[f],

  // ---- PDF ----
  pdfTitle: 'Dossier de signalements',
  pdfGenerated: (date: string, who: string) => `Préparé le ${date} par ${who}.`,
  pdfConfidential: 'Confidentiel : contient des données personnelles. À conserver sur un support chiffré, à détruire après usage.',
  pdfPage: (i: number, n: number) => `Page ${i} / ${n}`,
  pdfFooter: 'Stop Deal — confidentiel',
  pdfContents: (n: number, town: string) => `${n} ${plural(n, 'signalement', 'signalements')} — ${town}`,
  pdfReportTitle: (i: number, n: number, received: string) => `Signalement ${i} / ${n} — reçu le ${received}`,
  pdfUnreadable: 'Ce signalement n’a pas pu être ouvert : son contenu n’est pas inclus.',
  pdfFlags: (flags: string) => `À vérifier : ${flags}.`,
  pdfNoHistory: 'Aucun changement.',
  pdfMessagesNone: 'Aucun message.',
  pdfMessageUnreadable: '(message illisible)',
  pdfAttachmentTooLarge: 'Non incluse : les pièces jointes dépassent la taille maximale d’un dossier PDF (64 Mo). Ouvrez-la depuis la page du signalement.',
  pdfAttachmentNotEmbedded: (why: 'not-image' | 'mismatch' | 'webp' | 'broken'): string =>
    ({
      'not-image': 'Fichier non affiché, par sécurité : ce type de fichier n’est jamais inclus dans le PDF. Il peut être enregistré depuis la page du signalement.',
      mismatch: 'Fichier non affiché : son contenu n’est pas une photo du type annoncé. Il peut être enregistré depuis la page du signalement.',
      webp: 'Photo WebP : ce format ne peut pas être inclus dans un PDF. Affichez-la depuis la page du signalement.',
      broken: 'Photo non incluse : elle n’a pas pu être lue pour le PDF. Affichez-la depuis la page du signalement.',
    })[why],
  pdfVerifiedMark: '[signature vérifiée]',
  pdfUnverifiedMark: '[NON VÉRIFIÉ, ignoré]',

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
};

export type ExportMessages = typeof frExport;
