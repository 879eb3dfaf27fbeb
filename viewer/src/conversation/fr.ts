/**
 * The viewer's French text for unread messages and the conversation with the reporter. Spread into
 * i18n/fr.ts, the one dictionary; English (`en.ts` beside it) has exactly the same keys, checked
 * by the type.
 */
import type { BodyProblem } from './messageBody.ts';
import type { UnreadableReason } from './messageCrypto.ts';
import type { SendFailure, WriteBlock } from './outgoing.ts';

const plural = (n: number, one: string, many: string) => (n <= 1 ? one : many);

export const frConversation = {
  unreadBadge: (n: number) => (n <= 1 ? 'Nouveau message' : `${n} nouveaux messages`),
  unreadReports: (n: number) => `${n} ${plural(n, 'signalement avec un nouveau message', 'signalements avec de nouveaux messages')}`,
  titleUnread: (n: number) => `(${n}) `,
  answerArrivals: (n: number, time: string) => `Nouveau message de l’habitant sur ${n} ${plural(n, 'signalement', 'signalements')} à ${time}.`,

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

export type ConversationMessages = typeof frConversation;

/** A ready-made follow-up question: its button's short label and the text it inserts. */
export interface QuickQuestion {
  id: 'people' | 'vehicles' | 'frequency' | 'since' | 'place' | 'other';
  label: string;
  text: string;
}
