/**
 * The service worker (issue 2): precaches the whole built app so that after one online
 * visit it opens and works with no connection at all; answers navigations with
 * index.html; never caches `/api/` (no route is registered for it, so those requests go
 * straight to the network); delivers the outbox on Background Sync; and finishes the
 * erasure "Quitter vite" starts when the resident chose that it also erases (issue Q).
 */
/// <reference lib="webworker" />
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { announceChange } from './services/changes.ts';
import { eraseAppStores, isEraseRequest } from './services/erase.ts';
import { flushOutbox } from './services/outbox.ts';
import { dexieOutboxStore } from './services/outboxStore.ts';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<string | { url: string; revision: string | null }> };

/** Background Sync's event is not in TypeScript's WebWorker library: the part we use. */
interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
  readonly lastChance: boolean;
}

cleanupOutdatedCaches();
precacheAndRoute(self.__WB_MANIFEST);
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html'), { denylist: [/^\/api\//] }));
// The first install takes control of the open page at once, so the first visit is enough
// to work offline. Later versions wait until every tab is closed (no skipWaiting): an open
// page keeps the chunks it was built with.
clientsClaim();

async function deliverFromServiceWorker(lastChance: boolean): Promise<void> {
  const summary = await flushOutbox({ store: dexieOutboxStore(), fetch: (input, init) => fetch(input, init), onChange: announceChange }, { force: true });
  // Rejecting asks the browser to fire `sync` again later; on the last chance the page's own
  // retries (app start, `online`, timers) remain, so the entry is never dropped.
  if (summary.waiting > 0 && !lastChance) throw new Error('outbox still waiting');
}

self.addEventListener('sync', (event) => {
  const e = event as SyncEvent;
  if (e.tag === 'outbox') e.waitUntil(deliverFromServiceWorker(e.lastChance));
});

// Quick exit that erases (issue Q): the page has already been replaced by a blank one;
// `waitUntil` keeps this worker alive until the databases and caches are gone.
self.addEventListener('message', (event) => {
  if (isEraseRequest(event.data)) event.waitUntil(eraseAppStores().then(announceChange));
});
