/**
 * Erasing what the app keeps on the phone, in the page (Settings wipe) or in the service
 * worker (quick exit that erases, issue Q): every IndexedDB database of the app's origin
 * (drafts, the device key, the outbox, the lists, kept codes) and every cache except
 * Workbox's precache. The precache holds only the public app, identical for everyone, and
 * keeping it lets the app still open offline. Runs in the service worker: no window, no
 * document, no Web Storage (the page clears that itself, services/phoneChoices.ts).
 */
import { DB_NAME, deleteDb } from './db.ts';
import { forgetDeviceKey } from './deviceKey.ts';

/** What the page posts to its service worker when "Quitter vite" also erases. Carries nothing else. */
export const ERASE_REQUEST = 'stopdeal:erase';

export function isEraseRequest(data: unknown): boolean {
  return data === ERASE_REQUEST;
}

/**
 * Deletes one database. A deletion waits ("blocked") while another context keeps a
 * connection; Dexie closes its connections when asked (`versionchange`) and a closed page
 * closes its own, so the wait ends and the deletion completes.
 */
export function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error ?? new Error(`could not delete ${name}`));
  });
}

/** Deletes every cache of the origin except Workbox's precache (the app itself). */
export async function clearRuntimeCaches(): Promise<void> {
  if (typeof caches === 'undefined') return;
  for (const name of await caches.keys()) {
    if (!name.startsWith('workbox-precache')) await caches.delete(name);
  }
}

/** Deletes every database and runtime cache of the app in this context's storage. */
export async function eraseAppStores(): Promise<void> {
  forgetDeviceKey();
  await deleteDb();
  // Any other database of the origin (none today): a later one must not survive an erase.
  const others = typeof indexedDB.databases === 'function' ? await indexedDB.databases() : [];
  for (const info of others) if (info.name && info.name !== DB_NAME) await deleteDatabase(info.name);
  await clearRuntimeCaches();
}
