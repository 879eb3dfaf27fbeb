/**
 * The viewer's French text for administration (issue 4): navigation, retention and deletion, the
 * roster, new officers. Spread into i18n/fr.ts, the one dictionary; English (`en.ts` beside it)
 * has exactly the same keys, checked by the type.
 */
import type { Role } from '../../../schemas/api.ts';
import type { PassphraseProblem, RecoverFailure } from './enrolment.ts';
import type { KeyProblem, RosterFailure } from './roster.ts';

const plural = (n: number, one: string, many: string) => (n <= 1 ? one : many);

export const frAdmin = {
  // ---- Navigation ----
  navLabel: 'Navigation principale',
  navReports: 'Signalements',
  navExpiring: 'Expire bientôt',
  navRoster: 'Agents',
  navSettings: 'Réglages',

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
};

export type AdminMessages = typeof frAdmin;
