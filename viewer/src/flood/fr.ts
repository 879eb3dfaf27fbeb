/**
 * The viewer's French text against floods (issue 7 point 3, docs/surges.md): the surge banner,
 * the groups of near-identical reports and closing many at once. Spread into `fr.ts`; English
 * (`en.surges.ts`) has exactly the same keys, checked by the type.
 */
import type { JobFailure } from '../caseFile/caseJobs.ts';

// Intl puts the narrow no-break space French uses between thousands: "3 412".
const INTEGER = new Intl.NumberFormat('fr-FR');
const RATE = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const num = (n: number) => INTEGER.format(n);
const reports = (n: number) => `${num(n)} ${n <= 1 ? 'signalement' : 'signalements'}`;

export const frSurges = {
  viewGroups: 'Groupes',
  surgeText: (recent: number, usual: number) =>
    `Afflux anormal : ${reports(recent)} ${recent <= 1 ? 'reçu' : 'reçus'} dans la dernière heure (habituellement ${usual < 1 ? 'moins d’un' : RATE.format(usual)} par heure)`,
  surgeEffort: (bits: number, base: number) => `Le serveur a relevé l’effort demandé à chaque envoi : ${bits} bits au lieu de ${base}, ce qui ralentit les envois en masse.`,
  surgeShowGroups: 'Voir les signalements regroupés',

  groupsTitle: 'Signalements identiques ou presque',
  groupsIntro:
    'Les signalements au texte identique ou presque (chiffres, majuscules, espaces ou un mot changés) sont réunis en groupes, les plus grands d’abord. Le regroupement se fait sur ce poste, en mémoire.',
  groupsNone: 'Aucun groupe : aucun signalement n’en répète un autre.',
  groupsCount: (groups: number, n: number) => `${num(groups)} ${groups <= 1 ? 'groupe' : 'groupes'}, ${reports(n)} en tout`,
  groupsListLabel: 'Groupes, les plus grands d’abord',
  groupSize: (n: number) => reports(n),
  groupSampleLabel: 'Exemple',
  groupShow: (n: number) => `Afficher les ${reports(n)} dans la liste`,
  groupFilterActive: (n: number) => `Liste restreinte à un groupe de ${reports(n)}.`,
  groupFilterClear: 'Afficher tous les signalements',

  closeButton: (n: number) => `Classer sans suite : ${reports(n)}`,
  closeConfirmTitle: 'Classer sans suite ?',
  closeConfirmText: (n: number) =>
    `${reports(n)} ${n <= 1 ? 'passera' : 'passeront'} au statut « classé sans suite ». Chaque dossier reçoit un événement signé à votre nom, et l’effacement suit la règle d’un dossier classé.`,
  closeConfirm: (n: number) => `Classer ${reports(n)}`,
  closeProgress: (done: number, total: number) => `Classement en cours : ${num(done)} sur ${reports(total)}`,
  closeDone: (n: number) => `${reports(n)} ${n <= 1 ? 'classé' : 'classés'} sans suite.`,
  closeFailed: (done: number, total: number, why: string) => `Classement interrompu après ${num(done)} sur ${reports(total)} : ${why} Ce qui est enregistré le reste.`,
  closeResume: 'Reprendre le classement',
  closeDismiss: 'Abandonner le reste',
  closeFailure: (f: JobFailure) =>
    ({
      unreachable: 'le serveur est injoignable.',
      unauthorized: 'le serveur ne reconnaît plus votre clé.',
      forbidden: 'votre rôle ne le permet pas.',
      gone: 'un des signalements n’existe plus.',
      'unknown-key': 'la clé de police n’est plus acceptée.',
      refused: 'le serveur a refusé la demande.',
      server: 'erreur du serveur.',
      'no-police-key': 'votre trousseau ne peut pas sceller d’événement.',
    })[f],
};

export type SurgeMessages = typeof frSurges;
