/** The case-file and administration screens (issue 4), mounted by app.tsx. */
export { DossierScreen } from './DossierScreen.tsx';
export { EnrolmentScreen } from './EnrolmentScreen.tsx';
export { ExpiringScreen } from './ExpiringScreen.tsx';
export { RosterScreen } from './RosterScreen.tsx';
export { SettingsScreen } from './SettingsScreen.tsx';
