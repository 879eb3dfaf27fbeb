/**
 * The effort rule (worker/src/flood/effortRule.ts, docs/flood.md) with a fake clock: raise
 * at target, decay one bit per quiet window, floor and ceiling, blob units, and how it holds
 * a steady attacker while an honest trickle never moves it.
 */
import { describe, expect, it } from 'vitest';
import { blobUnits, EffortRule, type EffortPolicy } from '../src/flood/effortRule.ts';

const W = 60_000;
const POLICY: EffortPolicy = { base: 12, ceiling: 26, windowMs: W, target: 10 };
const T0 = 1_800_000_000_000;

/** Stores `n` items of 1 unit at `now`, each with a proof exactly at the effort now. */
function storeAt(rule: EffortRule, now: number, n: number): void {
  for (let i = 0; i < n; i++) expect(rule.admit(now, rule.effort(now), 1).ok).toBe(true);
}

describe('EffortRule', () => {
  it('starts at the base, and admits a proof at or above the effort only', () => {
    const rule = new EffortRule(POLICY, T0);
    expect(rule.effort(T0)).toBe(12);
    expect(rule.admit(T0, 11, 1)).toEqual({ ok: false, effort: 12 });
    expect(rule.admit(T0, 12, 1)).toEqual({ ok: true, effort: 12 });
    expect(rule.admit(T0, 32, 1)).toEqual({ ok: true, effort: 12 });
  });

  it('raises one bit when the window reaches target units, and starts a new window at once', () => {
    const rule = new EffortRule(POLICY, T0);
    storeAt(rule, T0, 9);
    expect(rule.effort(T0)).toBe(12);
    expect(rule.admit(T0 + 1000, 12, 1)).toEqual({ ok: true, effort: 13 });
    // The new window started at the raise: 9 more leave it, the 10th raises again.
    storeAt(rule, T0 + 2000, 9);
    expect(rule.effort(T0 + 2000)).toBe(13);
    storeAt(rule, T0 + 2000, 1);
    expect(rule.effort(T0 + 2000)).toBe(14);
  });

  it('does not count refused attempts', () => {
    const rule = new EffortRule(POLICY, T0);
    for (let i = 0; i < 1000; i++) expect(rule.admit(T0, 11, 1).ok).toBe(false);
    expect(rule.effort(T0)).toBe(12);
  });

  it('counts a blob as one unit per started MiB', () => {
    expect([1, 65577, 1048576, 1048577, 1048872, 4195416, 16781592].map(blobUnits)).toEqual([1, 1, 1, 2, 2, 5, 17]);
    const rule = new EffortRule(POLICY, T0);
    expect(rule.admit(T0, 12, blobUnits(4195416)).effort).toBe(12); // 5 units
    expect(rule.admit(T0, 12, blobUnits(4195416)).effort).toBe(13); // 10 units: raised
    // A 16 MiB blob (17 units) raises by one bit only, and starts a fresh window.
    expect(rule.admit(T0, 13, blobUnits(16781592)).effort).toBe(14);
    expect(rule.admit(T0, 14, 1).effort).toBe(14);
  });

  it('holds the ceiling, however much is stored', () => {
    const rule = new EffortRule({ ...POLICY, ceiling: 14 }, T0);
    storeAt(rule, T0, 1000);
    expect(rule.effort(T0)).toBe(14);
    expect(rule.admit(T0, 14, 1)).toEqual({ ok: true, effort: 14 });
  });

  it('decays one bit per quiet window: k idle windows, k bits; never below the base', () => {
    const rule = new EffortRule(POLICY, T0);
    storeAt(rule, T0, 50); // 5 raises, the last window starting at T0
    expect(rule.effort(T0)).toBe(17);
    expect(rule.effort(T0 + W - 1)).toBe(17);
    expect(rule.effort(T0 + W)).toBe(16);
    expect(rule.effort(T0 + 3 * W + 5)).toBe(14);
    expect(rule.effort(T0 + 100 * W)).toBe(12);
  });

  it('keeps the raise through a window that ends with at least target/2 units', () => {
    const rule = new EffortRule(POLICY, T0);
    storeAt(rule, T0, 10);
    expect(rule.effort(T0)).toBe(13);
    storeAt(rule, T0 + 1000, 5);
    expect(rule.effort(T0 + W)).toBe(13);
    // The next window is empty: its end drops the raise.
    expect(rule.effort(T0 + 2 * W)).toBe(12);
  });

  it('never raises for an honest trickle (under target units a window)', () => {
    const rule = new EffortRule(POLICY, T0);
    // 9 reports a minute, evenly spread, for a day.
    for (let i = 0; i < 9 * 60 * 24; i++) {
      const now = T0 + Math.floor((i * W) / 9);
      expect(rule.admit(now, 12, 1)).toEqual({ ok: true, effort: 12 });
    }
  });

  it('holds a steady attacker near target stored items per window, or at the ceiling', () => {
    // An attacker with `rate` hashes per second stores one item per 2^E hashes.
    const simulate = (rate: number, ceiling: number, minutes: number) => {
      const rule = new EffortRule({ ...POLICY, ceiling }, T0);
      let now = T0;
      const perWindow = new Map<number, number>();
      const efforts: number[] = [];
      while (now < T0 + minutes * W) {
        const e = rule.effort(now);
        now += (2 ** e / rate) * 1000;
        expect(rule.admit(now, e, 1).ok).toBe(true);
        const minute = Math.floor((now - T0) / W);
        perWindow.set(minute, (perWindow.get(minute) ?? 0) + 1);
        efforts.push(rule.effort(now));
      }
      return { perWindow: [...perWindow.values()], efforts, last: rule.effort(now) };
    };
    // 2^21 hashes a second (a few machines): equilibrium where 60 s of work yields about
    // 10 items, i.e. 2^E ≈ 2^21 × 60 / 10, E ≈ 23.6.
    const steady = simulate(2 ** 21, 26, 240);
    const late = steady.perWindow.slice(60);
    expect(Math.max(...late)).toBeLessThanOrEqual(2 * POLICY.target);
    expect(late.reduce((a, b) => a + b, 0) / late.length).toBeGreaterThanOrEqual(POLICY.target / 4);
    expect(late.reduce((a, b) => a + b, 0) / late.length).toBeLessThanOrEqual(POLICY.target);
    const lateEfforts = steady.efforts.slice(-100);
    expect(Math.min(...lateEfforts)).toBeGreaterThanOrEqual(23);
    expect(Math.max(...lateEfforts)).toBeLessThanOrEqual(25);
    // A far stronger attacker reaches the ceiling and stays there; beyond it, only its
    // compute bounds it: 2^30 / 2^26 = 16 items a second.
    const strong = simulate(2 ** 30, 26, 30);
    expect(strong.last).toBe(26);
    expect(strong.efforts.slice(-1000).every((e) => e === 26)).toBe(true);
  });

  it('restores a saved raise (an eviction under attack does not reset it) and decays from its window', () => {
    const rule = new EffortRule(POLICY, T0);
    storeAt(rule, T0, 30);
    const saved = rule.state();
    expect(saved).toEqual({ raise: 3, windowStart: T0 });
    expect(new EffortRule(POLICY, T0 + 1000, saved).effort(T0 + 1000)).toBe(15);
    expect(new EffortRule(POLICY, T0 + 2 * W, saved).effort(T0 + 2 * W)).toBe(13);
  });

  it('keeps the raise within a new policy (a lower ceiling, a higher base)', () => {
    const rule = new EffortRule(POLICY, T0);
    storeAt(rule, T0, 100);
    expect(rule.effort(T0)).toBe(22);
    rule.setPolicy({ ...POLICY, ceiling: 16 });
    expect(rule.effort(T0)).toBe(16);
    rule.setPolicy({ ...POLICY, base: 14, ceiling: 16 });
    expect(rule.effort(T0)).toBe(16);
  });
});
