/**
 * The officer's own settings on this workstation, in localStorage next to the language
 * (docs/decisions.md D15): the display name they chose (put in their case events as
 * `authorName`, so colleagues know them by more than a fingerprint) and how long the viewer
 * may stay idle before it locks itself. Neither says anything about any report.
 */
import { signal } from '@preact/signals';

const NAME_KEY = 'stopdeal-viewer-name';
const IDLE_KEY = 'stopdeal-viewer-idle-minutes';

/** The schema's limit for `authorName` (schemas/caseFile.ts). */
export const DISPLAY_NAME_MAX = 80;
export const IDLE_DEFAULT_MINUTES = 10;
/** Bounds of the idle time: 3 seconds (for tests) to 8 hours. */
export const IDLE_MIN_MINUTES = 0.05;
export const IDLE_MAX_MINUTES = 480;

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Storage disabled: the choice lasts until the next reload.
  }
}

/** A display name as it may be used: trimmed, inner runs of space folded, cut to the limit. */
export function cleanDisplayName(name: string): string {
  return name.replace(/\s+/g, ' ').trim().slice(0, DISPLAY_NAME_MAX);
}

/** An idle time in minutes within bounds, or null when `value` is not a number. */
export function cleanIdleMinutes(value: number): number | null {
  if (!Number.isFinite(value)) return null;
  return Math.min(IDLE_MAX_MINUTES, Math.max(IDLE_MIN_MINUTES, value));
}

export const displayName = signal<string>(cleanDisplayName(read(NAME_KEY) ?? ''));
export const idleMinutes = signal<number>(cleanIdleMinutes(Number(read(IDLE_KEY) ?? IDLE_DEFAULT_MINUTES)) ?? IDLE_DEFAULT_MINUTES);

export function setDisplayName(name: string): void {
  const clean = cleanDisplayName(name);
  displayName.value = clean;
  write(NAME_KEY, clean || null);
}

/** @returns false when `minutes` is not a number (nothing changes). */
export function setIdleMinutes(minutes: number): boolean {
  const clean = cleanIdleMinutes(minutes);
  if (clean === null) return false;
  idleMinutes.value = clean;
  write(IDLE_KEY, String(clean));
  return true;
}
