import { describe, expect, it } from 'vitest';
import { SURGE_FACTOR, SURGE_FLOOR, surgeOf } from './surge.ts';

const now = new Date('2026-11-23T21:40:00Z');
const hourIso = (hoursAgo: number) => new Date(Date.UTC(2026, 10, 23, 21 - hoursAgo)).toISOString().replace('.000', '');
const many = (n: number, hoursAgo: number) => Array.from({ length: n }, () => hourIso(hoursAgo));
/** `perHour` reports in each of the 7 × 24 hours before the last two. */
const usualWeek = (perHour: number) => Array.from({ length: 168 }, (_, h) => many(perHour, h + 2)).flat();

describe('surgeOf', () => {
  it('counts the current hour, compares with the median of the week before', () => {
    expect(surgeOf([...usualWeek(2), ...many(3412, 0)], now)).toEqual({ recent: 3412, usual: 2, abnormal: true });
  });

  it('keeps the surge past the hour: the previous hour counts as recent', () => {
    expect(surgeOf([...usualWeek(2), ...many(500, 1), ...many(3, 0)], now)).toEqual({ recent: 500, usual: 2, abnormal: true });
  });

  it('needs more than the floor in a quiet town, and more than ten times the usual rate in a busy one', () => {
    expect(surgeOf(many(SURGE_FLOOR, 0), now)).toMatchObject({ usual: 0, abnormal: false });
    expect(surgeOf(many(SURGE_FLOOR + 1, 0), now)).toMatchObject({ usual: 0, abnormal: true });
    expect(surgeOf([...usualWeek(5), ...many(SURGE_FACTOR * 5, 0)], now).abnormal).toBe(false);
    expect(surgeOf([...usualWeek(5), ...many(SURGE_FACTOR * 5 + 1, 0)], now).abnormal).toBe(true);
  });

  it('does not learn an earlier surge as usual (median, quiet hours count as 0)', () => {
    const earlier = many(20_000, 30);
    expect(surgeOf([...earlier, ...many(40, 0)], now)).toEqual({ recent: 40, usual: 0, abnormal: true });
  });

  it('ignores reports older than the week and unreadable times', () => {
    expect(surgeOf([...many(10_000, 200), 'not a time', ...many(4, 0)], now)).toEqual({ recent: 4, usual: 0, abnormal: false });
  });
});
