/**
 * "Envoi en cours : votre téléphone prouve qu'il n'est pas un robot" (issue 7): the outbox
 * entry whose proof of work is being solved again after a `pow_invalid`, and how far the
 * crypto worker has got, in signals; components only render them. The expected work is
 * 2^bits attempts (PROTOCOL §3), so the expected time is 2^bits / the measured hash rate.
 * Leaving the page abandons the search; the entry stays, and the effort is on it.
 */
import { signal } from '@preact/signals';
import type { ProofWatch } from './cryptoWorker.ts';

export interface Proving {
  /** The outbox entry (a report's id) being proven. */
  entryId: string;
  bits: number;
  /** `Date.now()` when this search began. */
  startedAt: number;
  /** Hashes a second measured by the worker; null until its first report. */
  hashesPerSecond: number | null;
  /** `Date.now()` of the latest report. */
  at: number;
}

export const proving = signal<Proving | null>(null);

/** What the polite live region says, changed at most every {@link ANNOUNCE_EVERY_MS}. */
export const provingAnnounced = signal<{ elapsedS: number; expectedS: number | null } | null>(null);
export const ANNOUNCE_EVERY_MS = 5_000;

/** Never shown full before the proof is found: the search may take longer than expected. */
export const MAX_FRACTION = 0.95;

/** Elapsed and expected seconds, and the share shown (capped below 1 until done). */
export function provingView(p: Proving): { elapsedS: number; expectedS: number | null; fraction: number | null } {
  const elapsedS = Math.max(0, (p.at - p.startedAt) / 1000);
  if (!p.hashesPerSecond) return { elapsedS, expectedS: null, fraction: null };
  const expectedS = 2 ** p.bits / p.hashesPerSecond;
  return { elapsedS, expectedS, fraction: Math.min(MAX_FRACTION, elapsedS / expectedS) };
}

let current: AbortController | undefined;
let listening = false;
let announcedAt = 0;

/**
 * Runs one search (`solve`, given a {@link ProofWatch}) as the proof of `entryId` at `bits`,
 * publishing its progress; cleared when it ends, however it ends.
 */
export async function watchProof(entryId: string, bits: number, solve: (watch: ProofWatch) => Promise<string>, now: () => number = Date.now): Promise<string> {
  if (!listening && typeof addEventListener === 'function') {
    listening = true;
    // The page going away abandons the search (the worker would die with it anyway).
    addEventListener('pagehide', () => current?.abort());
  }
  const ac = new AbortController();
  current = ac;
  const startedAt = now();
  proving.value = { entryId, bits, startedAt, hashesPerSecond: null, at: startedAt };
  provingAnnounced.value = { elapsedS: 0, expectedS: null };
  announcedAt = startedAt;
  try {
    return await solve({
      signal: ac.signal,
      onProgress: ({ hashesPerSecond }) => {
        const at = now();
        const p: Proving = { entryId, bits, startedAt, hashesPerSecond, at };
        proving.value = p;
        // The first estimate is said at once, then no more than every few seconds.
        if (provingAnnounced.value?.expectedS === null || at - announcedAt >= ANNOUNCE_EVERY_MS) {
          announcedAt = at;
          const { elapsedS, expectedS } = provingView(p);
          provingAnnounced.value = { elapsedS, expectedS };
        }
      },
    });
  } finally {
    if (current === ac) current = undefined;
    proving.value = null;
    provingAnnounced.value = null;
  }
}
