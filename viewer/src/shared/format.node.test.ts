import { describe, expect, it } from 'vitest';
import { formatBytes, formatClock, formatDay, formatMinute, formatReceived, formatTimestamp } from './format.ts';

describe('format', () => {
  it('writes the received hour in the given time zone', () => {
    expect(formatReceived('2026-11-23T21:00:00Z', 'fr', 'Europe/Paris')).toBe('23 nov. 2026, 22:00');
    expect(formatReceived('2026-11-23T21:00:00Z', 'en', 'UTC')).toBe('23 Nov 2026, 21:00');
  });
  it('writes a message’s minute', () => {
    expect(formatMinute('2026-11-23T21:05:00Z', 'fr', 'Europe/Paris')).toBe('23 nov. 2026, 22:05');
    expect(formatMinute('2026-11-23T21:05:00Z', 'en', 'UTC')).toBe('23 Nov 2026, 21:05');
  });
  it('writes a phone timestamp in full', () => {
    expect(formatTimestamp('2026-11-23T21:40:00Z', 'fr', 'Europe/Paris')).toBe('23 novembre 2026 à 22:40');
  });
  it('writes a calendar day without shifting it across time zones', () => {
    expect(formatDay('2026-11-20', 'fr')).toBe('vendredi 20 novembre 2026');
    expect(formatDay('2026-11-20', 'en')).toMatch(/^Friday,? 20 November 2026$/);
  });
  it('keeps what is not a valid day or time as it is', () => {
    expect(formatDay('2026-02-30', 'fr')).toBe('2026-02-30');
    expect(formatDay('<b>', 'fr')).toBe('<b>');
    expect(formatClock('9h', 'fr')).toBe('9h');
    expect(formatReceived('not a date', 'fr')).toBe('not a date');
  });
  it('writes times the French way', () => {
    expect(formatClock('07:05', 'fr')).toBe('07 h 05');
    expect(formatClock('07:05', 'en')).toBe('07:05');
  });
  it('writes sizes', () => {
    expect(formatBytes(512, 'fr')).toBe('512 o');
    expect(formatBytes(1536, 'fr')).toBe('1,5 Ko');
    expect(formatBytes(3 * 1024 * 1024, 'en')).toBe('3 MB');
  });
});
