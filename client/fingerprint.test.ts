import { describe, expect, it } from 'vitest';
import { fingerprint, shortFingerprint } from './fingerprint.ts';

describe('fingerprint (D13)', () => {
  it('writes the 16 id bytes as 8 groups of 4 uppercase hex digits, like the CLI', () => {
    expect(fingerprint('AAECAwQFBgcICQoLDA0ODw')).toBe('0001 0203 0405 0607 0809 0A0B 0C0D 0E0F');
    expect(shortFingerprint('AAECAwQFBgcICQoLDA0ODw')).toBe('0001 0203');
  });
  it('shows a malformed id as it is rather than throwing', () => {
    expect(fingerprint('not+b64')).toBe('not+b64');
  });
});
