/**
 * The viewer's shell: banner, then the unlock screen while locked, or the routed screens
 * once unlocked. Routes name reports only by their outer id, never by any content.
 */
import { lazy, LocationProvider, Route, Router } from 'preact-iso';
import { useEffect } from 'preact/hooks';
import { DeletedNotice } from './admin/DeletedNotice.tsx';
import { Header } from './shared/Header.tsx';
import { useMessages } from './i18n/index.ts';
import { lang } from './shared/preferences.ts';
import { sessionStatus } from './session/session.ts';
import { GroupsScreen } from './flood/GroupsScreen.tsx';
import { HotspotScreen } from './analysis/HotspotScreen.tsx';
import { ReportListScreen } from './reports/ReportListScreen.tsx';
import { ReportScreen } from './reports/ReportScreen.tsx';
import { IdleWarning } from './session/IdleWarning.tsx';
import { UnlockScreen } from './session/UnlockScreen.tsx';
import { DossierScreen } from './export/DossierScreen.tsx';
import { EnrolmentScreen } from './admin/EnrolmentScreen.tsx';
import { ExpiringScreen } from './admin/ExpiringScreen.tsx';
import { RosterScreen } from './admin/RosterScreen.tsx';
import { SettingsScreen } from './session/SettingsScreen.tsx';

// The map and charts bring d3-geo: loaded on first visit, not with the list.
const MapScreen = lazy(() => import('./analysis/MapScreen.tsx').then((mod) => mod.MapScreen));

export function App() {
  const m = useMessages();
  const unlocked = sessionStatus.value === 'unlocked';
  useEffect(() => {
    document.documentElement.lang = lang.value;
  }, [lang.value]);
  return (
    <LocationProvider>
      <Header />
      <main id="main" class="main" tabIndex={-1} aria-label={m.appRole}>
        <IdleWarning />
        <DeletedNotice />
        {/* Keyed: two Routers in one place would otherwise be one, still showing the unlock screen. */}
        {unlocked ? (
          <Router key="unlocked">
            <Route path="/reports/:id" component={ReportScreen} />
            <Route path="/groups" component={GroupsScreen} />
            <Route path="/hotspots" component={HotspotScreen} />
            <Route path="/map" component={MapScreen} />
            <Route path="/expiring" component={ExpiringScreen} />
            <Route path="/officers" component={RosterScreen} />
            <Route path="/settings" component={SettingsScreen} />
            <Route default component={ReportListScreen} />
          </Router>
        ) : (
          <Router key="locked">
            <Route path="/new-officer" component={EnrolmentScreen} />
            <Route path="/dossier" component={DossierScreen} />
            <Route default component={UnlockScreen} />
          </Router>
        )}
      </main>
    </LocationProvider>
  );
}
