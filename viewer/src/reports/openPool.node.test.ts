import { describe, expect, it } from 'vitest';
import { batches, MAX_WORKERS, poolSize } from './openPool.ts';

describe('report worker pool', () => {
  it('starts one worker per core, within bounds', () => {
    expect(poolSize(undefined)).toBe(2);
    expect(poolSize(1)).toBe(1);
    expect(poolSize(2)).toBe(2);
    expect(poolSize(64)).toBe(MAX_WORKERS);
    expect(poolSize(0)).toBe(2);
  });

  it('spreads a page over the workers in ordered batches, never losing an item', () => {
    const page = Array.from({ length: 500 }, (_, i) => i);
    const two = batches(page, 2);
    expect(two.map((b) => b.length)).toEqual([125, 125, 125, 125]);
    expect(two.flat()).toEqual(page);
    expect(batches(page.slice(0, 30), 4).map((b) => b.length)).toEqual([25, 5]);
    expect(batches(Array.from({ length: 5000 }, (_, i) => i), 1).every((b) => b.length === 250)).toBe(true);
    expect(batches([], 2)).toEqual([]);
  });
});
