/**
 * The viewer's French text for the case file and administration (issue 4): case file panel,
 * retention, settings, idle lock, roster, new officers, PDF dossiers and forwarding. Spread
 * into `fr.ts`; English (`en.admin.ts`) has exactly the same keys, checked by the type.
 */
import type { Role } from '../../../schemas/api.ts';
import type { CaseStatus } from '../../../schemas/caseFile.ts';
import type { JobFailure, JobKind } from '../caseFile/caseJobs.ts';
import type { CaseHistoryItem, EventProblem } from '../caseFile/caseState.ts';
import type { PassphraseProblem, RecoverFailure } from '../admin/enrolment.ts';
import type { BlobLeftOutReason } from '../../../schemas/dossier.ts';
import type { ForwardFailure, LeftOutAttachment } from '../export/forward.ts';
import type { DossierOpenFailure } from '../export/openDossier.ts';
import type { UnitProblem } from '../export/units.ts';
import type { KeyProblem, RosterFailure } from '../admin/roster.ts';

const plural = (n: number, one: string, many: string) => (n <= 1 ? one : many);
const quoted = (xs: readonly unknown[]) => xs.map((x) => `« ${String(x)} »`).join(', ');

const STATUS: Record<CaseStatus, string> = {
  nouveau: 'Nouveau',
  'a-verifier': 'À vérifier',
  verifie: 'Vérifié',
  transmis: 'Transmis',
  classe: 'Classé sans suite',
};

export const frAdmin = {
  // ---- Navigation ----
  navLabel: 'Navigation principale',
  navReports: 'Signalements',
  navExpiring: 'Expire bientôt',
  navRoster: 'Agents',
  navSettings: 'Réglages',

  // ---- Officers as people see them (D13: fingerprint and chosen name) ----
  officerName: (name: string | undefined, fingerprint: string): string => (name ? `${name} (${fingerprint})` : `Agent ${fingerprint}`),
  officerMe: (name: string | undefined): string => (name ? `Moi (${name})` : 'Moi'),
  officerYou: 'vous',

  // ---- Case file panel ----
  caseHeading: 'Dossier de suivi',
  caseHelp: 'Chaque changement est signé avec votre clé et chiffré : le serveur ne voit que son existence. Tous les agents voient le même historique.',
  caseStatus: (s: CaseStatus) => STATUS[s],
  caseStatuses: STATUS,
  caseStatusLabel: 'Statut',
  caseStatusSave: 'Changer le statut',
  caseStatusClosedHint: (months: number) => `« Classé sans suite » fait effacer le signalement ${months} mois plus tard, avec sa conversation et son dossier.`,
  caseAssigneeLabel: 'Agent chargé du dossier',
  caseAssigneeNone: 'Personne',
  caseAssignSave: 'Attribuer',
  caseAssigneeUnknown: 'Les autres agents apparaissent ici dès qu’ils ont agi sur un dossier.',
  caseTagsLabel: 'Étiquettes',
  caseTagsNone: 'Aucune étiquette.',
  caseTagAddLabel: 'Nouvelle étiquette',
  caseTagAdd: 'Ajouter l’étiquette',
  caseTagRemove: (tag: string) => `Retirer l’étiquette « ${tag} »`,
  caseTagProblem: 'Une étiquette compte de 1 à 40 caractères.',
  caseTagSuggestions: 'Étiquettes déjà utilisées',
  caseNoteLabel: 'Nouvelle note',
  caseNoteHint: 'Visible de tous les agents, chiffrée. Jamais envoyée à l’habitant.',
  caseNoteAdd: 'Ajouter la note',
  caseNoteEmpty: 'Écrivez la note avant de l’ajouter.',
  caseNoteTooLong: (max: string) => `Note trop longue : ${max} caractères au plus.`,
  caseNoPoliceKey: 'Votre trousseau ne contient pas la clé active de la police : vous pouvez lire le dossier, pas le modifier.',
  caseLoading: 'Chargement du dossier…',
  caseJump: 'Aller au dossier de suivi',
  caseSummary: 'Résumé',
  caseAssignedTo: (who: string) => `Chargé du dossier : ${who}`,
  caseUnassigned: 'Chargé du dossier : personne',
  caseForwarded: 'Transmis à une unité d’enquête',
  caseNotes: (n: number) => (n ? `${n} ${plural(n, 'note', 'notes')}` : 'Aucune note'),

  // ---- Retention ----
  expiryLine: (date: string, days: number) => (days ? `Effacement prévu le ${date} (dans ${days} ${plural(days, 'jour', 'jours')}).` : `Effacement prévu le ${date} (à la prochaine purge).`),
  expiresSoonBadge: 'Expire bientôt',
  expiresSoonBadgeDays: (days: number) => (days ? `Expire dans ${days} ${plural(days, 'jour', 'jours')}` : 'Expire aujourd’hui'),
  expiringTitle: 'Expire bientôt',
  expiringIntro: (days: number, months: number, closedMonths: number) =>
    `Signalements effacés du serveur dans les ${days} prochains jours, avec leur conversation, leur dossier et leurs pièces jointes. Règle de la commune : effacement ${months} mois après réception, ou ${closedMonths} mois après un classement sans suite.`,
  expiringNone: (days: number) => `Aucun signalement n’expire dans les ${days} prochains jours.`,
  expiringCaption: 'Signalements qui expirent bientôt, du plus proche au plus lointain',
  expiringActions: 'Exporter ou transmettre tous ces signalements',
  colExpires: 'Effacement',
  colCaseStatus: 'Statut',

  deleteHeading: 'Supprimer ce signalement',
  deleteHelp: 'Réservé aux administrateurs. La suppression est définitive : le signalement, sa conversation, son dossier et ses pièces jointes sont effacés du serveur. Elle n’est consignée nulle part.',
  deleteButton: 'Supprimer définitivement…',
  deleteConfirmTitle: 'Supprimer ce signalement ?',
  deleteConfirmText: 'Le signalement, sa conversation, son dossier de suivi et ses pièces jointes seront effacés du serveur pour tous les agents. Cette action ne peut pas être annulée.',
  deleteConfirm: 'Supprimer définitivement',
  deleting: 'Suppression…',
  deleted: 'Le signalement a été supprimé.',
  cancel: 'Annuler',
  close: 'Fermer',

  // ---- History ----
  historyHeading: 'Historique',
  historyEmpty: 'Aucun changement pour l’instant.',
  historyLabel: 'Historique du dossier, du plus ancien au plus récent',
  historyAction: (item: CaseHistoryItem, nameOf: (officerId: string) => string, dateOf: (iso: string) => string): string => {
    const d = item.detail;
    switch (item.type) {
      case 'status':
        return `a passé le statut à « ${STATUS[d.status as CaseStatus] ?? String(d.status)} »`;
      case 'assign':
        return d.assignee ? `a confié le dossier à ${typeof d.assigneeName === 'string' && d.assigneeName ? d.assigneeName : nameOf(String(d.assignee))}` : 'a retiré l’attribution du dossier';
      case 'tags': {
        const add = (d.add as string[] | undefined) ?? [];
        const remove = (d.remove as string[] | undefined) ?? [];
        return [add.length ? `a ajouté ${plural(add.length, 'l’étiquette', 'les étiquettes')} ${quoted(add)}` : '', remove.length ? `a retiré ${plural(remove.length, 'l’étiquette', 'les étiquettes')} ${quoted(remove)}` : '']
          .filter(Boolean)
          .join(' et ');
      }
      case 'note':
        return 'a ajouté une note :';
      case 'forward': {
        const others = Number(d.count) - 1;
        return `a transmis ce signalement${others > 0 ? ` (avec ${others} ${plural(others, 'autre', 'autres')})` : ''} à l’unité « ${String(d.unit)} »`;
      }
      case 'expiry':
        return `a fixé l’effacement au ${dateOf(String(d.expiresAt))}`;
      case 'unreadable':
        return 'événement illisible';
    }
  },
  historyVerified: 'Signature vérifiée',
  historyProblem: (p: EventProblem): string =>
    ({
      integrity: 'Non vérifié : cet événement ne s’ouvre pas, ou sa signature ne correspond pas à son auteur. Il est ignoré.',
      'unknown-key': 'Non vérifié : scellé avec une clé de la police que votre trousseau ne contient pas. Il est ignoré.',
      'invalid-content': 'Non vérifié : son contenu ne respecte pas le protocole. Il est ignoré.',
      'report-mismatch': 'Attention : cet événement a été signé pour un autre signalement (copie rejouée). Il est ignoré.',
      'unknown-author': 'Attention : son auteur ne figure pas dans la liste des agents. Il est ignoré.',
    })[p],
  historyUnknownAuthor: 'Auteur inconnu',

  jobSending: 'Enregistrement…',
  jobDone: (kind: JobKind): string =>
    ({ status: 'Statut enregistré.', assign: 'Attribution enregistrée.', tags: 'Étiquettes enregistrées.', note: 'Note ajoutée.', forward: 'Transmission consignée dans les dossiers.' })[kind],
  jobFailed: (kind: JobKind): string =>
    ({
      status: 'Le statut n’a pas été enregistré.',
      assign: 'L’attribution n’a pas été enregistrée.',
      tags: 'Les étiquettes n’ont pas été enregistrées.',
      note: 'La note n’a pas été enregistrée.',
      forward: 'La transmission n’a pas été consignée dans tous les dossiers.',
    })[kind],
  jobFailure: (f: JobFailure): string =>
    ({
      unreachable: 'Le serveur est injoignable.',
      unauthorized: 'Le serveur refuse la signature de ce poste : agent inconnu ou révoqué, ou horloge décalée de plus de 5 minutes.',
      forbidden: 'Votre rôle ne le permet pas.',
      gone: 'Ce signalement n’existe plus sur le serveur.',
      'unknown-key': 'Le serveur n’accepte plus la clé de la police utilisée.',
      refused: 'Le serveur a refusé la demande.',
      server: 'Le serveur a répondu par une erreur.',
      'no-police-key': 'Votre trousseau ne contient pas la clé active de la police.',
    })[f],
  jobRetry: 'Réessayer',
  jobDismiss: 'Abandonner',

  // ---- Settings ----
  settingsTitle: 'Réglages',
  settingsIntro: 'Ces réglages restent sur ce poste. Ils ne disent rien des signalements.',
  nameHeading: 'Votre nom',
  nameLabel: 'Nom affiché aux autres agents',
  nameHint: 'Par exemple « Brigadier Martin ». Il accompagne vos changements dans les dossiers ; vos collègues voient aussi l’empreinte de votre clé, qui seule prouve que c’est vous.',
  nameSave: 'Enregistrer le nom',
  nameSaved: (name: string) => (name ? `Nom enregistré : ${name}.` : 'Nom effacé : vous apparaissez par l’empreinte de votre clé.'),
  myKeyHeading: 'Votre clé d’agent',
  myFingerprint: (fp: string) => `Empreinte : ${fp}`,
  myRole: (role: 'officer' | 'admin' | 'unknown'): string => (role === 'admin' ? 'Rôle : administrateur' : role === 'officer' ? 'Rôle : agent' : 'Rôle : inconnu (serveur injoignable)'),
  idleHeading: 'Verrouillage automatique',
  idleLabel: 'Verrouiller après (minutes sans activité)',
  idleHint: (def: number) => `Par défaut ${def} minutes. Un compte à rebours s’affiche 30 secondes avant. Le bouton « Verrouiller » reste disponible à tout moment.`,
  idleSave: 'Enregistrer le délai',
  idleSaved: (minutes: string) => `Délai enregistré : ${minutes} min.`,
  idleInvalid: (min: string, max: string) => `Indiquez un nombre de minutes entre ${min} et ${max}.`,
  unitsHeading: 'Unités d’enquête enregistrées',
  unitsNone: 'Aucune unité enregistrée. Vous pouvez en ajouter au moment de transmettre un dossier.',
  unitsHint: 'Nom et clé publique seulement, gardés sur ce poste pour les prochaines transmissions.',
  unitRemove: (name: string) => `Retirer l’unité « ${name} »`,
  unitLine: (name: string, fp: string) => `${name} — empreinte ${fp}`,

  // ---- Idle lock ----
  idleWarningTitle: 'Verrouillage imminent',
  idleWarningText: (seconds: number) => `Sans activité, la consultation se verrouille dans ${seconds} ${plural(seconds, 'seconde', 'secondes')}.`,
  idleStay: 'Rester connecté',

  // ---- Roster ----
  rosterTitle: 'Agents',
  rosterIntro: 'Les agents inscrits, leur rôle et l’empreinte de leur clé. Révoquer un agent bloque aussitôt ses demandes.',
  rosterOnlyAdmins: 'Cet écran est réservé aux administrateurs.',
  rosterLoading: 'Chargement de la liste des agents…',
  rosterCaption: 'Agents inscrits, du plus ancien au plus récent',
  colOfficer: 'Agent',
  colRole: 'Rôle',
  colFingerprint: 'Empreinte',
  colCreated: 'Inscrit le',
  colState: 'État',
  colActions: 'Actions',
  role: (r: Role): string => (r === 'admin' ? 'Administrateur' : 'Agent'),
  rosterActive: 'Actif',
  rosterRevokedOn: (date: string) => `Révoqué le ${date}`,
  grantKeys: 'Donner les clés',
  grantKeysFor: (who: string) => `Donner les clés à ${who}`,
  granting: 'Envoi des clés…',
  granted: (n: number, who: string) => `${n} ${plural(n, 'clé de la police donnée', 'clés de la police données')} à ${who}. Il peut maintenant « Récupérer mes clés » sur son poste.`,
  revoke: 'Révoquer…',
  revokeFor: (who: string) => `Révoquer ${who}`,
  revokeConfirmTitle: 'Révoquer cet agent ?',
  revokeConfirmText: (who: string) => `${who} ne pourra plus rien demander au serveur, dès maintenant.`,
  revokeReminder:
    'Mais il garde les clés de la police déjà reçues. Changez donc la clé de la police sans attendre (nouvelle clé, nouvelle version de l’application, clés redonnées aux autres agents) : voir « Révocation, toujours suivie d’un changement de clé » dans docs/key-ceremony.md.',
  revokeConfirm: 'Révoquer maintenant',
  revoked: (who: string) => `${who} est révoqué. Pensez à changer la clé de la police.`,
  rosterFailure: (f: RosterFailure): string =>
    ({
      unreachable: 'Le serveur est injoignable.',
      unauthorized: 'Le serveur refuse la signature de ce poste (agent révoqué, ou horloge décalée).',
      forbidden: 'Votre rôle ne le permet pas : réservé aux administrateurs.',
      conflict: 'Cette clé est déjà inscrite avec un autre rôle, ou a été révoquée : le nouvel agent doit créer une nouvelle clé.',
      gone: 'Agent inconnu du serveur.',
      refused: 'Le serveur a refusé la demande.',
      server: 'Le serveur a répondu par une erreur.',
    })[f],
  enrolHeading: 'Inscrire un nouvel agent',
  enrolIntro:
    'Le nouvel agent crée son trousseau sur son propre poste (« Je suis un nouvel agent » à l’écran de déverrouillage) et vous donne sa clé publique : texte, fichier ou code QR. Comparez ensemble l’empreinte, en personne ou par téléphone : elle prouve que la clé n’a pas été remplacée en chemin.',
  enrolKeyLabel: 'Clé publique du nouvel agent',
  enrolKeyHint: 'Collez la clé (43 caractères) ou le contenu de son fichier de clé publique.',
  enrolKeyFile: 'Ou choisir son fichier de clé publique',
  enrolCheck: 'Vérifier la clé',
  keyProblem: (p: KeyProblem): string =>
    ({
      empty: 'Collez d’abord la clé publique, ou choisissez son fichier.',
      'not-a-key': 'Ce n’est pas une clé publique d’agent : 43 caractères attendus (lettres, chiffres, - et _).',
      'not-a-key-file': 'Ce fichier n’est pas un fichier de clé publique Stop Deal valide.',
    })[p],
  enrolFingerprint: 'Empreinte de cette clé',
  enrolNameClaim: (name: string) => `Nom indiqué dans le fichier : ${name} (déclaré par l’agent, non vérifié).`,
  enrolCompare: 'J’ai comparé cette empreinte avec celle affichée chez le nouvel agent : elle est identique.',
  enrolNeedCompare: 'Comparez l’empreinte avec le nouvel agent et cochez la case avant d’inscrire.',
  enrolRoleLegend: 'Rôle',
  enrolRoleOfficer: 'Agent : consulte les signalements, tient les dossiers, écrit aux habitants.',
  enrolRoleAdmin: 'Administrateur : tout cela, plus la liste des agents, les clés et la suppression.',
  enrolSubmit: 'Inscrire cet agent',
  enrolling: 'Inscription…',
  enrolled: (fp: string) => `Agent ${fp} inscrit. Donnez-lui maintenant les clés de la police avec « Donner les clés ».`,

  // ---- New officer (unlock screen, enrolment screen) ----
  otherActionsHeading: 'Autres possibilités',
  newOfficerLink: 'Je suis un nouvel agent : créer mon trousseau',
  openDossierLink: 'Ouvrir un dossier transmis (unité d’enquête)',
  newOfficerTitle: 'Nouvel agent : créer mon trousseau',
  newOfficerIntro:
    'Votre trousseau contiendra votre clé d’agent, protégée par une phrase de passe que vous seul connaissez. Il est créé sur ce poste ; seule sa clé publique en sort, pour l’administrateur.',
  newNameLabel: 'Votre nom, affiché aux autres agents (facultatif)',
  newPassLabel: 'Phrase de passe',
  newPassAgainLabel: 'La même phrase de passe, une seconde fois',
  newPassHint: (min: number) => `Au moins ${min} caractères. Quelques mots au hasard font une bonne phrase de passe. Elle ne peut pas être récupérée : ne la perdez pas.`,
  passphraseProblem: (p: PassphraseProblem, min: number) => (p === 'too-short' ? `Phrase de passe trop courte : au moins ${min} caractères.` : 'Les deux phrases de passe diffèrent.'),
  newCreate: 'Créer mon trousseau',
  newCreating: 'Création du trousseau…',
  newCreatingHelp: 'Cela prend quelques secondes : le calcul est volontairement lent pour résister aux attaques.',
  newCreated: 'Votre trousseau est créé et gardé sur ce poste, chiffré par votre phrase de passe.',
  newNotStored: 'Votre trousseau est créé, mais ce poste n’a pas pu le garder : téléchargez-le maintenant.',
  newCreateFailed: 'Le trousseau n’a pas pu être créé dans ce navigateur.',
  newDownloadKeyring: 'Télécharger une copie du trousseau (sauvegarde)',
  newPublicKeyHeading: 'Votre clé publique, pour l’administrateur',
  newPublicKeyHelp: 'Donnez-la à l’administrateur, puis comparez ensemble l’empreinte. Elle ne permet de rien lire : vous pouvez la transmettre sans risque.',
  newPublicKeyLabel: 'Clé publique',
  newFingerprintLabel: 'Empreinte (à comparer avec l’administrateur)',
  newDownloadCard: 'Télécharger ma clé publique (fichier)',
  qrLabel: (fp: string) => `Code QR de votre clé publique, empreinte ${fp}`,
  qrCaption: 'Le même texte en code QR, à photographier.',
  newNextHeading: 'Ensuite',
  newNextSteps: [
    'L’administrateur vous inscrit et vous donne les clés de la police.',
    'Revenez à l’écran de déverrouillage et déverrouillez votre trousseau avec votre phrase de passe.',
    'Appuyez sur « Récupérer mes clés » : votre trousseau reçoit les clés et vous pouvez consulter les signalements.',
  ] as readonly string[],
  backToUnlock: 'Retour au déverrouillage',

  grantHeading: 'Nouvel agent : récupérer vos clés',
  grantHelp:
    'Ce trousseau ne peut encore ouvrir aucun signalement. Si l’administrateur vous a inscrit et vous a donné les clés, récupérez-les maintenant : c’est la seule chose possible avec ce trousseau.',
  recoverButton: 'Récupérer mes clés',
  recovering: 'Récupération des clés…',
  recovered: (added: number, total: number) =>
    `${added} ${plural(added, 'clé de la police ajoutée', 'clés de la police ajoutées')} (${total} en tout). Votre trousseau est mis à jour sur ce poste : déverrouillez-le maintenant.`,
  recoverFailure: (f: RecoverFailure): string =>
    ({
      'wrong-passphrase': 'Phrase de passe incorrecte.',
      damaged: 'Ce trousseau est abîmé.',
      'no-officer-key': 'Ce trousseau n’a pas de clé d’agent.',
      'not-enrolled': 'Le serveur ne vous connaît pas encore (ou plus) : l’administrateur doit d’abord vous inscrire.',
      'no-grant': 'Vous êtes inscrit, mais l’administrateur ne vous a pas encore donné les clés. Réessayez ensuite.',
      'grant-unreadable': 'Les clés reçues ne s’ouvrent pas avec votre clé d’agent. Demandez à l’administrateur de vous les redonner.',
      unreachable: 'Le serveur est injoignable.',
      server: 'Le serveur a répondu par une erreur.',
    })[f],
  downloadUpdatedKeyring: 'Télécharger le trousseau mis à jour (sauvegarde)',
  unitKeyringHint: 'S’il s’agit du trousseau d’une unité d’enquête, choisissez « Ouvrir un dossier transmis » ci-dessous.',

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
};

export type AdminMessages = typeof frAdmin;
