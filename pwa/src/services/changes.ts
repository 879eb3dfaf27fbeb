/**
 * "Something in the outbox or the lists changed": told to this context and to every other
 * one (tabs, service worker) through a BroadcastChannel, so screens refresh their lists.
 * The message carries no content, not even an id.
 */
const CHANNEL = 'stopdeal-changes';
const listeners = new Set<() => void>();
let channel: BroadcastChannel | undefined;

function open(): BroadcastChannel | undefined {
  if (!channel && typeof BroadcastChannel !== 'undefined') {
    channel = new BroadcastChannel(CHANNEL);
    channel.onmessage = () => listeners.forEach((fn) => fn());
  }
  return channel;
}

/** Tells every listener here and in other contexts. */
export function announceChange(): void {
  listeners.forEach((fn) => fn());
  open()?.postMessage('changed');
}

/** Calls `fn` on every change, here or elsewhere; returns the unsubscribe function. */
export function onChange(fn: () => void): () => void {
  open();
  listeners.add(fn);
  return () => listeners.delete(fn);
}
