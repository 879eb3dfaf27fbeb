/** Registers the service worker (pwa/src/sw.ts, built as /sw.js) in production builds. */
export async function registerServiceWorker(): Promise<void> {
  if (import.meta.env.DEV || !('serviceWorker' in navigator)) return;
  try {
    await navigator.serviceWorker.register('/sw.js', { scope: '/' });
  } catch {
    // Without a service worker the app still works online; the outbox still delivers.
  }
}
