/** Whether the browser believes it is online, as a signal (for the "no connection" notice). */
import { signal } from '@preact/signals';

export const online = signal(typeof navigator === 'undefined' ? true : navigator.onLine);

export function watchNetwork(): void {
  addEventListener('online', () => (online.value = true));
  addEventListener('offline', () => (online.value = false));
}
