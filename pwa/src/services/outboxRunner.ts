/**
 * Drives the outbox from the page (issue 2): at app start, on `online`, when the app comes
 * back to the foreground, on a timer while something waits (backoff, Retry-After), and by
 * asking for Background Sync so the service worker can deliver after the page is gone.
 */
import { announceChange } from './changes.ts';
import { proveBlobInWorker, proveInWorker } from './cryptoWorker.ts';
import { knownPowBits, refreshPowBits, rememberPowBits } from './meta.ts';
import { flushOutbox, type FlushSummary } from './outbox.ts';
import { dexieOutboxStore } from './outboxStore.ts';
import { watchProof } from './proving.ts';

const SYNC_TAG = 'outbox';
let timer: ReturnType<typeof setTimeout> | undefined;
let started = false;

/** Background Sync is not in TypeScript's DOM library: the part we use. */
interface SyncRegistration extends ServiceWorkerRegistration {
  sync: { register(tag: string): Promise<void> };
}

function schedule(at: number | null): void {
  if (timer) clearTimeout(timer);
  timer = undefined;
  if (at === null) return;
  timer = setTimeout(() => void deliverNow(false), Math.max(1_000, at - Date.now()));
}

/** One flush of the outbox from this page; `force` ignores the backoff. */
export async function deliverNow(force = true): Promise<FlushSummary | undefined> {
  try {
    const summary = await flushOutbox(
      {
        store: dexieOutboxStore(),
        fetch: (input, init) => fetch(input, init),
        // Issue 7: the effort the Worker named; the page shows how far the worker has got.
        reprove: (id, sealed, bits, entryId) => watchProof(entryId, bits, (watch) => proveInWorker(id, sealed, bits, watch)),
        // A copy goes to the worker: the stored bytes must stay usable for the upload.
        reproveBlob: (id, blob, bits, entryId) => watchProof(entryId, bits, (watch) => proveBlobInWorker(id, blob.slice(), bits, watch)),
        learnEffort: rememberPowBits,
        knownEffort: knownPowBits,
        onChange: announceChange,
      },
      { force },
    );
    schedule(summary.nextAttemptAt);
    return summary;
  } catch {
    // Storage unavailable for a moment: try again later rather than give up.
    schedule(Date.now() + 30_000);
    return undefined;
  }
}

/** Asks the browser to wake the service worker when a connection appears (Chromium). */
export async function requestBackgroundSync(): Promise<boolean> {
  try {
    const reg = (await navigator.serviceWorker?.getRegistration()) as SyncRegistration | undefined;
    if (!reg || !('sync' in reg)) return false;
    await reg.sync.register(SYNC_TAG);
    return true;
  } catch {
    return false;
  }
}

/** After a report is sealed into the outbox: register a sync, then try at once. */
export async function afterEnqueue(): Promise<void> {
  await requestBackgroundSync();
  await deliverNow(true);
}

export function startOutbox(): void {
  if (started) return;
  started = true;
  addEventListener('online', () => void deliverNow(true));
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void deliverNow(true);
  });
  void refreshPowBits();
  void deliverNow(true);
}
