import { describe, expect, it } from 'vitest';
import { localDayHour, reportMoment, validDay, weekdayOf } from './reportTime.ts';

const entry = (receivedAt: string, answers: Record<string, unknown> | null) => ({
  receivedAt,
  report: answers ? { v: 1 as const, id: 'x', form: 'stop-deal', formVersion: 1, createdAt: '2026-01-01T00:00:00Z', answers, contact: null, replyTo: null, attachments: [] } : null,
});

describe('reportTime', () => {
  it('accepts only real calendar days', () => {
    expect(validDay('2026-11-23')).toBe('2026-11-23');
    expect(validDay('2026-02-31')).toBeNull();
    expect(validDay('23/11/2026')).toBeNull();
    expect(validDay(20261123)).toBeNull();
  });

  it('numbers weekdays from Monday', () => {
    expect(weekdayOf('2026-11-23')).toBe(0); // a Monday
    expect(weekdayOf('2026-11-29')).toBe(6); // a Sunday
  });

  it('reads arrival times in the given zone, summer and winter', () => {
    expect(localDayHour('2026-11-23T23:00:00Z', 'Europe/Paris')).toEqual({ day: '2026-11-24', hour: 0 });
    expect(localDayHour('2026-07-01T21:00:00Z', 'Europe/Paris')).toEqual({ day: '2026-07-01', hour: 23 });
    expect(localDayHour('2026-07-01T21:00:00Z', 'UTC')).toEqual({ day: '2026-07-01', hour: 21 });
  });

  it('prefers the report’s own date and time, and says where each came from', () => {
    expect(reportMoment(entry('2026-11-23T09:00:00Z', { date: '2026-11-20', 'time-from': '22:30' }), 'Europe/Paris')).toEqual({
      day: '2026-11-20', weekday: 4, hour: 22, daySource: 'answer', hourSource: 'answer',
    });
    expect(reportMoment(entry('2026-11-23T09:00:00Z', { date: '2026-11-20' }), 'Europe/Paris')).toEqual({
      day: '2026-11-20', weekday: 4, hour: 10, daySource: 'answer', hourSource: 'received',
    });
    expect(reportMoment(entry('2026-11-23T09:00:00Z', { date: 'hier', 'time-from': '25:00' }), 'Europe/Paris')).toEqual({
      day: '2026-11-23', weekday: 0, hour: 10, daySource: 'received', hourSource: 'received',
    });
    expect(reportMoment(entry('2026-11-23T09:00:00Z', null), 'UTC')).toMatchObject({ day: '2026-11-23', hour: 9, daySource: 'received' });
  });
});
