/**
 * The viewer's French text for unlocking, the settings and the idle lock, and the live channel's
 * status. Spread into i18n/fr.ts, the one dictionary; English (`en.ts` beside it) has exactly the
 * same keys, checked by the type.
 */
import type { UnlockFailure } from './session.ts';
import type { KeyringFileProblemKind } from './keyringFile.ts';
import type { LiveStatus } from './live.ts';

const plural = (n: number, one: string, many: string) => (n <= 1 ? one : many);

export const frSession = {
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
  liveStatus: (s: LiveStatus): string =>
    ({
      off: '',
      connecting: 'Connexion au direct…',
      live: 'En direct : les nouveaux messages et signalements s’affichent aussitôt.',
      down: 'Direct indisponible : nouvelle vérification toutes les 10 secondes.',
    })[s],

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
};

export type SessionMessages = typeof frSession;
