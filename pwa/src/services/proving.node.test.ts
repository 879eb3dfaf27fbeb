import { describe, expect, it } from 'vitest';
import type { ProofWatch } from './cryptoWorker.ts';
import { ANNOUNCE_EVERY_MS, MAX_FRACTION, proving, provingAnnounced, provingView, watchProof } from './proving.ts';

describe('proving (issue 7)', () => {
  it('expected time is 2^bits over the measured rate; the share stays below full until done', () => {
    const p = { entryId: 'a', bits: 20, startedAt: 0, hashesPerSecond: 2 ** 16, at: 4_000 };
    expect(provingView(p)).toEqual({ elapsedS: 4, expectedS: 16, fraction: 0.25 });
    expect(provingView({ ...p, at: 60_000 }).fraction).toBe(MAX_FRACTION);
    expect(provingView({ ...p, hashesPerSecond: null })).toEqual({ elapsedS: 4, expectedS: null, fraction: null });
  });

  it('publishes the entry being proven and its progress, speaks every few seconds at most, and clears at the end', async () => {
    let t = 1_000;
    let watch: ProofWatch = {};
    let finish: (pow: string) => void = () => undefined;
    const run = watchProof('a', 18, (w) => ((watch = w), new Promise<string>((r) => (finish = r))), () => t);
    expect(proving.value).toMatchObject({ entryId: 'a', bits: 18, hashesPerSecond: null });
    expect(watch.signal?.aborted).toBe(false);
    const said: Array<number | null> = [];
    for (let i = 1; i <= 41; i++) {
      t += 250;
      watch.onProgress!({ attempts: i * 4096, hashesPerSecond: 2 ** 15 });
      const now = provingAnnounced.value!;
      if (said.at(-1) !== now.elapsedS) said.push(now.elapsedS);
    }
    expect(proving.value).toMatchObject({ entryId: 'a', hashesPerSecond: 2 ** 15, at: 11_250 });
    // First estimate at once (0.25 s), then every 5 s: about 10 s of progress, three announcements.
    expect(said).toEqual([0.25, 0.25 + ANNOUNCE_EVERY_MS / 1000, 0.25 + (2 * ANNOUNCE_EVERY_MS) / 1000]);
    finish('pow');
    await expect(run).resolves.toBe('pow');
    expect(proving.value).toBeNull();
    expect(provingAnnounced.value).toBeNull();
  });
});
