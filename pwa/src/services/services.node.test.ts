import { describe, expect, it, vi } from 'vitest';
import { parseRetryAfter } from './api.ts';
import { createAutosave, type Draft } from './drafts.ts';
import { MIN_ACCURACY_M, roundPoint } from './location.ts';

const draft = (place: string): Draft => ({ id: 'd', formId: 'stop-deal', formVersion: 1, step: 0, answers: { place }, contact: '' });

describe('autosave', () => {
  it('saves the latest draft once, a moment after the last change', async () => {
    vi.useFakeTimers();
    const saved: string[] = [];
    const autosave = createAutosave(400, async (d) => void saved.push(d.answers.place as string));
    autosave.schedule(draft('a'));
    autosave.schedule(draft('ab'));
    await vi.advanceTimersByTimeAsync(399);
    expect(saved).toEqual([]);
    autosave.schedule(draft('abc'));
    await vi.advanceTimersByTimeAsync(400);
    expect(saved).toEqual(['abc']);
    vi.useRealTimers();
  });

  it('saves at once on flush (leaving the screen), in order, and nothing after cancel', async () => {
    const saved: string[] = [];
    const autosave = createAutosave(10_000, async (d) => {
      await new Promise((r) => setTimeout(r, 5));
      saved.push(d.answers.place as string);
    });
    autosave.schedule(draft('one'));
    const first = autosave.flush();
    autosave.schedule(draft('two'));
    await Promise.all([first, autosave.flush()]);
    expect(saved).toEqual(['one', 'two']);
    autosave.schedule(draft('three'));
    autosave.cancel();
    await autosave.flush();
    expect(saved).toEqual(['one', 'two']);
  });
});

describe('roundPoint', () => {
  it('keeps 3 decimals (about 110 m) and never claims better than the rounding', () => {
    expect(roundPoint(49.431234, 2.084567, 8)).toEqual({ lat: 49.431, lon: 2.085, accuracy: MIN_ACCURACY_M });
    expect(roundPoint(-33.8688197, 151.2092955, 1234)).toEqual({ lat: -33.869, lon: 151.209, accuracy: 1240 });
    expect(roundPoint(49.4315, 2.0845)).toMatchObject({ lat: 49.432, accuracy: 111 });
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates, and ignores nonsense', () => {
    const now = Date.parse('2026-11-23T21:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Mon, 23 Nov 2026 21:01:30 GMT', now)).toBe(90_000);
    expect(parseRetryAfter('Mon, 23 Nov 2026 20:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});
