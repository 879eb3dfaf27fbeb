/**
 * The viewer's French text for the case file panel, its history and the changes being sent, and
 * officers' names. Spread into i18n/fr.ts, the one dictionary; English (`en.ts` beside it) has
 * exactly the same keys, checked by the type.
 */
import type { CaseStatus } from '../../../schemas/caseFile.ts';
import type { JobFailure, JobKind } from './caseJobs.ts';
import type { CaseHistoryItem, EventProblem } from './caseState.ts';

const plural = (n: number, one: string, many: string) => (n <= 1 ? one : many);
const quoted = (xs: readonly unknown[]) => xs.map((x) => `« ${String(x)} »`).join(', ');
const STATUS: Record<CaseStatus, string> = {
  nouveau: 'Nouveau',
  'a-verifier': 'À vérifier',
  verifie: 'Vérifié',
  transmis: 'Transmis',
  classe: 'Classé sans suite',
};

export const frCaseFile = {
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
};

export type CaseFileMessages = typeof frCaseFile;
