/** The reporter app's frame: the quick-exit bar, the offline notice and the screens. */
import { LocationProvider, Route, Router } from 'preact-iso';
import { ErrorBoundary } from './components/ErrorBoundary.tsx';
import { QuickExit } from './components/QuickExit.tsx';
import { t } from './i18n/index.ts';
import { online } from './services/network.ts';
import { FollowUp } from './screens/FollowUp.tsx';
import { Home } from './screens/Home.tsx';
import { Receipt } from './screens/Receipt.tsx';
import { ReportForm } from './screens/ReportForm.tsx';
import { Settings } from './screens/Settings.tsx';

export function App() {
  const dict = t.value;
  return (
    <LocationProvider>
      <a class="skip-link" href="#main">
        {dict.app.skipToContent}
      </a>
      <header class="topbar">
        <span class="app-name">{dict.app.name}</span>
        <QuickExit />
      </header>
      {online.value ? null : (
        <p class="offline-banner" role="status">
          {dict.app.offline}
        </p>
      )}
      <main id="main" tabIndex={-1}>
        <ErrorBoundary>
          <Router>
            <Route path="/" component={Home} />
            <Route path="/signaler/:formId" component={ReportForm} />
            <Route path="/envoye" component={Receipt} />
            <Route path="/suivre" component={FollowUp} />
            <Route path="/reglages" component={Settings} />
            <Route default component={Home} />
          </Router>
        </ErrorBoundary>
      </main>
    </LocationProvider>
  );
}
