import { describe, expect, it } from 'vitest';
import { clearKeepingChoices, readChoice, setChoice, type ChoiceStorage } from './phoneChoices.ts';

/** An in-memory Web Storage. */
function memory(init: Record<string, string> = {}): ChoiceStorage & { items: Map<string, string> } {
  const items = new Map(Object.entries(init));
  return {
    items,
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, String(v)),
    removeItem: (k) => void items.delete(k),
    clear: () => items.clear(),
  };
}

describe('phone-privacy choices', () => {
  it('are off by default and an untouched phone holds nothing', () => {
    const s = memory();
    expect(readChoice('quickExitErases', s)).toBe(false);
    expect(readChoice('discreetName', s)).toBe(false);
    setChoice('discreetName', false, s);
    expect(s.items.size).toBe(0);
  });

  it('are remembered one by one; off removes the item', () => {
    const s = memory();
    setChoice('quickExitErases', true, s);
    expect(readChoice('quickExitErases', s)).toBe(true);
    expect(readChoice('discreetName', s)).toBe(false);
    setChoice('quickExitErases', false, s);
    expect(s.items.size).toBe(0);
  });

  it('survive a wipe that clears everything else, and only when on', () => {
    const s = memory({ 'stopdeal.lang': 'en', other: 'x' });
    setChoice('quickExitErases', true, s);
    clearKeepingChoices(s);
    expect([...s.items.keys()]).toEqual(['stopdeal.quickExitErases']);
    setChoice('discreetName', true, s);
    clearKeepingChoices(s);
    expect(readChoice('quickExitErases', s) && readChoice('discreetName', s)).toBe(true);
    setChoice('quickExitErases', false, s);
    setChoice('discreetName', false, s);
    s.setItem('left', 'y');
    clearKeepingChoices(s);
    expect(s.items.size).toBe(0);
  });

  it('read as off when storage is disabled or throws', () => {
    const broken: ChoiceStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => undefined,
      clear: () => undefined,
    };
    expect(readChoice('quickExitErases', broken)).toBe(false);
    expect(() => setChoice('discreetName', true, broken)).not.toThrow();
    expect(readChoice('discreetName', undefined)).toBe(false);
  });
});
