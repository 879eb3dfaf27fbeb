/** Entry point: render first (the form must be usable at once), then start the services. */
import { render } from 'preact';
import { App } from './App.tsx';
import { watchKept } from './services/keptCodes.ts';
import { restoreIdentity } from './services/identity.ts';
import { restoreLanguage } from './services/language.ts';
import { watchNetwork } from './services/network.ts';
import { startOutbox } from './services/outboxRunner.ts';
import { watchLists } from './services/reportList.ts';
import { registerServiceWorker } from './services/serviceWorker.ts';
import './styles.css';

restoreIdentity();
restoreLanguage();
watchNetwork();
const root = document.getElementById('app')!;
root.textContent = ''; // the static "Chargement…" of index.html
render(<App />, root);
watchLists();
watchKept();
startOutbox();
void registerServiceWorker();
