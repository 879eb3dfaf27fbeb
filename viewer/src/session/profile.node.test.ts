import { describe, expect, it } from 'vitest';
import { cleanDisplayName, cleanIdleMinutes, IDLE_MAX_MINUTES, IDLE_MIN_MINUTES } from './profile.ts';
import { idleRemaining } from './idleLock.ts';

describe('profile', () => {
  it('keeps a display name to one line within the event schema’s 80 characters', () => {
    expect(cleanDisplayName('  Brigadier\n  Martin ')).toBe('Brigadier Martin');
    expect(cleanDisplayName('x'.repeat(200))).toHaveLength(80);
  });

  it('bounds the idle time, and refuses what is not a number', () => {
    expect(cleanIdleMinutes(10)).toBe(10);
    expect(cleanIdleMinutes(0)).toBe(IDLE_MIN_MINUTES);
    expect(cleanIdleMinutes(10_000)).toBe(IDLE_MAX_MINUTES);
    expect(cleanIdleMinutes(Number.NaN)).toBeNull();
  });
});

describe('idle lock', () => {
  it('counts the idle time from the last activity, by the clock', () => {
    expect(idleRemaining(1_000_000, 1_000_000, 10)).toBe(600_000);
    expect(idleRemaining(1_000_000, 1_590_000, 10)).toBe(10_000);
    expect(idleRemaining(1_000_000, 1_000_000 + 3_001, 0.05)).toBeLessThan(0);
  });
});
