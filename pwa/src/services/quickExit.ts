/**
 * "Quitter vite" (DESIGN threat model: someone takes the phone). Replaces the current
 * history entry with `about:blank`: no network request (works offline), nothing of the
 * app in the title or the page, and since every navigation inside the app replaces its
 * entry too, "back" does not lead into the app. Drafts stay saved, encrypted, unless the
 * resident chose that it also erases (Settings, issue Q): then the erasure is started in
 * the same tap and finished by the service worker after the page is gone.
 */
import { closeDbNow, DB_NAME } from './db.ts';
import { forgetDeviceKey } from './deviceKey.ts';
import { ERASE_REQUEST, eraseAppStores } from './erase.ts';
import { clearKeepingChoices, readChoice } from './phoneChoices.ts';

/**
 * Starts erasing without waiting for anything. Web Storage is cleared here (the service
 * worker has none); the page's database connection is closed so it cannot hold up the
 * deletion. With a service worker in control, it deletes the databases and caches inside
 * `waitUntil`, which outlives this page. Without one (blocked, not yet installed), the
 * page issues the deletion itself: IndexedDB completes a started deletion after the page
 * is gone.
 */
export function startErasing(): void {
  forgetDeviceKey();
  closeDbNow();
  clearKeepingChoices();
  try {
    sessionStorage.clear();
  } catch {
    // Storage disabled: nothing there.
  }
  const worker = 'serviceWorker' in navigator ? navigator.serviceWorker.controller : null;
  if (worker) {
    worker.postMessage(ERASE_REQUEST);
    return;
  }
  // Issued synchronously, before the page is replaced; the rest may or may not finish.
  indexedDB.deleteDatabase(DB_NAME);
  void eraseAppStores().catch(() => undefined);
}

export function quickExit(): void {
  if (readChoice('quickExitErases')) startErasing();
  location.replace('about:blank');
}
