/**
 * The viewer's French text, keyed by meaning (STYLE: one dictionary per app, no inline
 * strings): one dictionary, assembled here from each feature's slice (`<feature>/fr.ts`)
 * and the shell's own words below. English (`en.ts`) must have exactly the same keys.
 */
import { frSession } from '../session/fr.ts';
import { frReports } from '../reports/fr.ts';
import { frConversation } from '../conversation/fr.ts';
import { frCaseFile } from '../caseFile/fr.ts';
import { frAdmin } from '../admin/fr.ts';
import { frExport } from '../export/fr.ts';
import { frAnalytics } from '../analysis/fr.ts';
import { frSurges } from '../flood/fr.ts';

export const fr = {
  ...frSession,
  ...frReports,
  ...frConversation,
  ...frCaseFile,
  ...frAdmin,
  ...frExport,
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
  cancel: 'Annuler',
  close: 'Fermer',
};

export type Messages = typeof fr;
