/**
 * How an officer is named on screen (docs/decisions.md D13): the display name they chose (or
 * this officer's own setting) and the start of their key's fingerprint, which alone proves
 * who it is. Reads signals, so a component calling it re-renders when names arrive.
 */
import type { Messages } from '../i18n/fr.ts';
import { officerNames } from './events.ts';
import { shortFingerprint } from '../../../client/fingerprint.ts';
import { displayName } from '../session/profile.ts';
import { sessionInfo } from '../session/session.ts';

export function useOfficerName(m: Messages): (officerId: string, claimed?: string) => string {
  const names = officerNames.value;
  const me = sessionInfo.value?.officerId;
  const mine = displayName.value;
  return (officerId, claimed) => {
    const name = claimed || names.get(officerId) || (officerId === me ? mine : '') || undefined;
    return m.officerName(name, shortFingerprint(officerId));
  };
}
