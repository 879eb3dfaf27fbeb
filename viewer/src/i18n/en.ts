/** The viewer's English text: the same keys as `fr.ts`, checked by the type, from each feature's `en.ts`. */
import type { Messages } from './fr.ts';
import { enSession } from '../session/en.ts';
import { enReports } from '../reports/en.ts';
import { enConversation } from '../conversation/en.ts';
import { enCaseFile } from '../caseFile/en.ts';
import { enAdmin } from '../admin/en.ts';
import { enExport } from '../export/en.ts';
import { enAnalytics } from '../analysis/en.ts';
import { enSurges } from '../flood/en.ts';

export const en: Messages = {
  ...enSession,
  ...enReports,
  ...enConversation,
  ...enCaseFile,
  ...enAdmin,
  ...enExport,
  ...enAnalytics,
  ...enSurges,
  documentTitle: 'Stop Deal — report viewer',
  appName: 'Stop Deal',
  appRole: 'Report viewer',
  skipToContent: 'Skip to content',
  switchLanguage: 'Français',
  switchLanguageLabel: 'Afficher la consultation en français',
  lock: 'Lock',
  lockHelp: 'Erases the keys and decrypted reports from this page.',
  signedInAs: (officerId) => `Officer ${officerId}`,
  loadingCrypto: 'Loading…',
  cancel: 'Cancel',
  close: 'Close',
};
