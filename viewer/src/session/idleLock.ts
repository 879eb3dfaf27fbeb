/**
 * Locks the viewer after a time without activity (issue 4 "auto-locks after a configurable
 * idle time", default 10 minutes, session/profile.ts). Activity is any pointer, keyboard or
 * focus event in the page; during the last {@link WARNING_MS} a countdown is shown, and any
 * activity (or its "stay" button) starts the time again (session/IdleWarning.tsx). Locking
 * is the `lock()` that session/start.ts passes in: keys and plaintext are dropped and the
 * document reloaded.
 *
 * Time is measured against the clock, not by counting ticks: a background tab's timers are
 * throttled (to once a minute in Chromium), so the check also runs whenever the page becomes
 * visible again, and a viewer left hidden past its time locks at the first chance.
 */
import { signal } from '@preact/signals';
import { idleMinutes } from './profile.ts';

/** The countdown is shown for the last 30 seconds. */
export const WARNING_MS = 30_000;
const TICK_MS = 1_000;
const ACTIVITY = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart', 'focusin'] as const;

/** Milliseconds left before the lock while the warning is due, else null. */
export const idleWarning = signal<number | null>(null);

let lastActivity = 0;
let timer: ReturnType<typeof setInterval> | undefined;
let running = false;
let onIdle: () => void = () => undefined;
let stopFollowing: (() => void) | undefined;

/** What is left of the idle time at `now`, given the last activity. Pure. */
export function idleRemaining(last: number, now: number, minutes: number): number {
  return last + minutes * 60_000 - now;
}

function check(): void {
  if (!running) return;
  const left = idleRemaining(lastActivity, Date.now(), idleMinutes.peek());
  if (left <= 0) {
    stopIdleLock();
    onIdle();
    return;
  }
  const warn = left <= WARNING_MS ? left : null;
  // Whole seconds only, so that the countdown re-renders once a second and not on every tick.
  const shown = warn === null ? null : Math.ceil(warn / 1000) * 1000;
  if (idleWarning.peek() !== shown) idleWarning.value = shown;
}

/** Any activity in the page starts the idle time again. */
export function noteActivity(): void {
  if (!running) return;
  lastActivity = Date.now();
  if (idleWarning.peek() !== null) idleWarning.value = null;
}

function onVisibility(): void {
  if (document.visibilityState === 'visible') check();
}

/** Starts after unlock (session/start.ts); `lock` runs once the idle time has passed. */
export function startIdleLock(lock: () => void): void {
  stopIdleLock();
  onIdle = lock;
  running = true;
  // A new idle time applies from now, so lowering it never locks the officer out mid-sentence.
  stopFollowing = idleMinutes.subscribe(() => noteActivity());
  lastActivity = Date.now();
  for (const type of ACTIVITY) addEventListener(type, noteActivity, { capture: true, passive: true });
  document.addEventListener('visibilitychange', onVisibility);
  timer = setInterval(check, TICK_MS);
}

/** On lock: no more countdown, no more listening. */
export function stopIdleLock(): void {
  running = false;
  stopFollowing?.();
  stopFollowing = undefined;
  clearInterval(timer);
  timer = undefined;
  for (const type of ACTIVITY) removeEventListener(type, noteActivity, { capture: true });
  document.removeEventListener('visibilitychange', onVisibility);
  idleWarning.value = null;
}
