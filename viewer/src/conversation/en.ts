/**
 * The viewer's English text for unread messages and the conversation with the reporter: the same
 * keys as `fr.ts` beside it.
 */
import type { ConversationMessages } from './fr.ts';

const plural = (n: number, one: string, many: string) => (n <= 1 ? one : many);

export const enConversation: ConversationMessages = {
  unreadBadge: (n) => (n <= 1 ? 'New message' : `${n} new messages`),
  unreadReports: (n) => `${n} ${plural(n, 'report with a new message', 'reports with new messages')}`,
  titleUnread: (n) => `(${n}) `,
  answerArrivals: (n, time) => `New message from the resident on ${n} ${plural(n, 'report', 'reports')} at ${time}.`,

  conversationHeading: 'Conversation with the resident',
  jumpToConversation: (unread) => (unread ? `Go to the conversation (${unread <= 1 ? '1 new message' : `${unread} new messages`})` : 'Go to the conversation'),
  conversationNoMailbox: 'The resident left no way to answer them: this report has no encrypted mailbox. No question can be sent.',
  conversationHelp: 'End-to-end encrypted. The resident reads your questions when they open the app with their follow-up code; they are not notified in any other way.',
  conversationLoading: 'Loading the conversation…',
  conversationEmpty: 'No messages yet.',
  conversationRetry: 'Try again',
  threadLabel: 'Messages, oldest first',
  authorPolice: 'Police',
  authorYou: 'You',
  authorReporter: 'Resident',
  messageNew: 'New',
  messageOpening: 'Decrypting…',
  messageSending: 'Sending…',
  messageSent: 'Sent',
  messageFailed: 'Not sent',
  writtenAt: (time) => `Written on ${time} according to its author’s device.`,
  unreadableMessage: 'Unreadable message.',
  unreadableReason: (r) =>
    ({
      integrity: 'It does not open with the keys it names: it was altered, or sealed with a key other than this resident’s and the police’s.',
      'unknown-key': 'It is sealed with a police key your keyring does not hold.',
      'invalid-content': 'It opens, but its content does not follow the protocol: it is not shown.',
      'no-reply-key': 'The report does not give the resident’s key, which is needed to open it.',
    })[r],
  writeBlock: (b) =>
    ({
      'no-mailbox': 'The resident left no way to answer them.',
      'no-reply-key': 'Cannot write: this report does not give the resident’s key (it could not be opened, or does not contain it).',
      'no-police-key': 'Cannot write: your keyring does not hold the active police key. Ask the administrator for it. You can still read the conversation.',
    })[b],
  sendFailure: (f) =>
    ({
      unreachable: 'The server cannot be reached.',
      unauthorized: 'The server refuses this workstation’s signature (revoked officer, or clock more than 5 minutes off).',
      forbidden: 'Your role does not allow writing to residents.',
      gone: 'This report no longer exists on the server, or has no mailbox.',
      'unknown-key': 'The server no longer accepts the police key used.',
      refused: 'The server refused this message.',
      server: 'The server answered with an error.',
    })[f],
  retrySend: 'Try sending again',
  discardSend: 'Give up this message',
  composerLabel: 'Your question to the resident',
  composerHint: 'Enter starts a new line; Ctrl + Enter sends.',
  quickQuestionsLabel: 'Ready-made questions (added to the text)',
  quickQuestions: [
    { id: 'people', label: 'The people', text: 'Can you describe the people (how many, approximate age, clothing, distinctive features)?' },
    { id: 'vehicles', label: 'The vehicles', text: 'Can you describe the vehicles (type, make, colour, plate even partly)?' },
    { id: 'frequency', label: 'How often', text: 'How often does it happen, and at what times?' },
    { id: 'since', label: 'Since when', text: 'Since when have you noticed this activity?' },
    { id: 'place', label: 'The exact place', text: 'Can you tell us the exact place (address, building, floor, landmark)?' },
    { id: 'other', label: 'Anything else', text: 'Is there anything else you would like to tell us?' },
  ],
  counter: (n, max) => `${n} / ${max} characters`,
  bodyProblem: (p, over) => (p === 'empty' ? 'Write a question before sending.' : `Message too long: remove ${over} characters.`),
  sendButton: 'Send the question',
  composeFailed: 'The question could not be encrypted. Reload the page and try again.',
  announceAnswer: (time, body) => `New message from the resident, ${time}: ${body}`,
  announceUnreadableAnswer: (time) => `New message from the resident, ${time}: unreadable.`,
  announceSent: 'Question sent.',
  announceFailed: 'The question could not be sent.',
};
