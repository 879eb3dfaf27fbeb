/**
 * The viewer's shell: banner, then the unlock screen while locked, or the routed screens
 * once unlocked. Routes name reports only by their outer id, never by any content.
 */
import { LocationProvider, Route, Router } from 'preact-iso';
import { useEffect } from 'preact/hooks';
import { Header } from './components/Header.tsx';
import { useMessages } from './i18n/index.ts';
import { lang } from './services/preferences.ts';
import { sessionStatus } from './services/session.ts';
import { ReportListScreen } from './screens/ReportListScreen.tsx';
import { ReportScreen } from './screens/ReportScreen.tsx';
import { UnlockScreen } from './screens/UnlockScreen.tsx';

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
        {unlocked ? (
          <Router>
            <Route path="/reports/:id" component={ReportScreen} />
            <Route default component={ReportListScreen} />
          </Router>
        ) : (
          <UnlockScreen />
        )}
      </main>
    </LocationProvider>
  );
}
