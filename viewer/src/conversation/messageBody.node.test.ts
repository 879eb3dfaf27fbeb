import { describe, expect, it } from 'vitest';
import { sealMessage, TooLargeError } from '../../../crypto/index.ts';
import { bodyProblem, cleanBody, MESSAGE_BODY_MAX } from './messageBody.ts';

const key = new Uint8Array(32).fill(7);

describe('message body', () => {
  it('takes its limit from the protocol’s message schema', () => {
    expect(MESSAGE_BODY_MAX).toBe(20000);
  });

  it('refuses an empty or blank question', () => {
    expect(bodyProblem('')).toBe('empty');
    expect(bodyProblem(' \n\t ')).toBe('empty');
    expect(cleanBody('  Combien étaient-ils ?\n\n')).toBe('Combien étaient-ils ?');
  });

  it('accepts a body at the limit, which seals, and refuses one character more', async () => {
    const at = 'é'.repeat(MESSAGE_BODY_MAX);
    expect(bodyProblem(at)).toBeNull();
    expect((await sealMessage({ v: 1, at: '2026-11-23T21:40:00Z', body: at, attachments: [] }, key, key)).length).toBe(65536 + 40);
    expect(bodyProblem(at + 'é')).toBe('too-long');
  });

  it('refuses a body under the character limit whose JSON does not fit the largest bucket', async () => {
    const escaped = '\u0001'.repeat(11000);
    expect(escaped.length).toBeLessThan(MESSAGE_BODY_MAX);
    expect(bodyProblem(escaped)).toBe('too-long');
    // Positive control: sealing it really fails.
    await expect(sealMessage({ v: 1, at: '2026-11-23T21:40:00Z', body: escaped, attachments: [] }, key, key)).rejects.toBeInstanceOf(TooLargeError);
  });
});
