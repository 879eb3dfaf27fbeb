import { describe, expect, it } from 'vitest';
import { barHeight, byDistrict, byHour, byWeekday, peaks } from './charts.ts';
import { entry, unreadable } from '../reports/testEntries.node.ts';

describe('charts', () => {
  // 2026-11-20 is a Friday; 2026-11-23 a Monday.
  const entries = [
    entry({ district: 'argentine', date: '2026-11-20', 'time-from': '22:15' }, { receivedAt: '2026-11-23T08:00:00Z' }),
    entry({ district: 'argentine', date: '2026-11-20', 'time-from': '22:50' }, { receivedAt: '2026-11-23T08:00:00Z' }),
    entry({ district: 'centre-ville', date: '2026-11-20' }, { receivedAt: '2026-11-23T08:00:00Z' }),
    entry({ district: 'centre-ville' }, { receivedAt: '2026-11-23T21:00:00Z' }),
    unreadable({ receivedAt: '2026-11-22T13:00:00Z' }),
  ];

  it('counts by hour: the report’s time, else the hour received (local)', () => {
    const h = byHour(entries, 'Europe/Paris');
    expect(h.bins).toHaveLength(24);
    expect(h.bins[22]).toEqual({ index: 22, count: 3, fromArrival: 1 });
    expect(h.bins[9]).toEqual({ index: 9, count: 1, fromArrival: 1 });
    expect(h.bins[14]).toEqual({ index: 14, count: 1, fromArrival: 1 });
    expect(h.total).toBe(5);
    expect(h.fromArrival).toBe(3);
    expect(h.bins.reduce((n, b) => n + b.count, 0)).toBe(5);
    expect(peaks(h)).toEqual([22]);
  });

  it('counts by weekday, Monday first', () => {
    const w = byWeekday(entries, 'Europe/Paris');
    expect(w.bins.map((b) => b.count)).toEqual([1, 0, 0, 0, 3, 0, 1]);
    expect(w.fromArrival).toBe(2);
    expect(peaks(w)).toEqual([4]);
  });

  it('counts by district and scales bars', () => {
    expect(byDistrict(entries)).toEqual(new Map([['argentine', 2], ['centre-ville', 2]]));
    expect(barHeight(3, 3, 100)).toBe(100);
    expect(barHeight(1, 3, 100)).toBe(33.3);
    expect(barHeight(0, 0, 100)).toBe(0);
    expect(peaks(byHour([], 'UTC'))).toEqual([]);
  });
});
