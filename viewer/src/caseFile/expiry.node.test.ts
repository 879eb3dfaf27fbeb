import { describe, expect, it } from 'vitest';
import { addMonths, daysLeft, defaultExpiry, effectiveExpiry, expiresSoon, expiryForStatusChange } from './expiry.ts';

const RETENTION = { months: 12, closedMonths: 2 };
const NOW = new Date('2026-11-23T21:40:12Z');

describe('expiry', () => {
  it('adds calendar months as the Worker subtracts them (setUTCMonth)', () => {
    expect(addMonths('2026-11-23T21:00:00Z', 2)).toBe('2027-01-23T21:00:00Z');
    expect(addMonths('2026-01-31T10:00:00Z', 1)).toBe('2026-03-03T10:00:00Z');
    expect(defaultExpiry('2026-02-01T08:00:00Z', RETENTION)).toBe('2027-02-01T08:00:00Z');
  });

  it('closing sets now + closedMonths; reopening sets the default back; other changes touch nothing', () => {
    expect(expiryForStatusChange('verifie', 'classe', '2026-11-01T10:00:00Z', NOW, RETENTION)).toBe('2027-01-23T21:40:12Z');
    expect(expiryForStatusChange('classe', 'a-verifier', '2026-11-01T10:00:00Z', NOW, RETENTION)).toBe('2027-11-01T10:00:00Z');
    expect(expiryForStatusChange('nouveau', 'verifie', '2026-11-01T10:00:00Z', NOW, RETENTION)).toBeNull();
    expect(expiryForStatusChange('classe', 'classe', '2026-11-01T10:00:00Z', NOW, RETENTION)).toBeNull();
  });

  it('takes the earlier of the recorded expiry and the retention period', () => {
    expect(effectiveExpiry('2026-11-01T10:00:00Z', null, RETENTION)).toBe('2027-11-01T10:00:00Z');
    expect(effectiveExpiry('2026-11-01T10:00:00Z', '2027-01-01T00:00:00Z', RETENTION)).toBe('2027-01-01T00:00:00Z');
    expect(effectiveExpiry('2026-11-01T10:00:00Z', '2028-01-01T00:00:00Z', RETENTION)).toBe('2027-11-01T10:00:00Z');
  });

  it('says what expires within 30 days, past dates included', () => {
    expect(expiresSoon('2026-12-20T00:00:00Z', NOW)).toBe(true);
    expect(expiresSoon('2026-11-01T00:00:00Z', NOW)).toBe(true);
    expect(expiresSoon('2027-01-10T00:00:00Z', NOW)).toBe(false);
    expect(expiresSoon(null, NOW)).toBe(false);
    expect(daysLeft('2026-11-25T21:40:12Z', NOW)).toBe(2);
    expect(daysLeft('2026-11-01T00:00:00Z', NOW)).toBe(0);
    expect(daysLeft('2026-12-03T21:40:30Z', NOW)).toBe(10);
    expect(daysLeft('2026-12-03T10:00:00Z', NOW)).toBe(10);
  });
});
