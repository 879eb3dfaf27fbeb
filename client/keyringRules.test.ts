import { describe, expect, it } from 'vitest';
import { mergePoliceKeys, passphraseProblem } from './keyringRules.ts';

const key = (kid: string) => ({ kid, publicKey: `${kid}-pk`, secretKey: `${kid}-sk` });

describe('new officer', () => {
  it('wants 12 characters (counted as people count them) typed twice alike', () => {
    expect(passphraseProblem('court', 'court')).toBe('too-short');
    expect(passphraseProblem('éééééééééééé', 'éééééééééééé')).toBeNull();
    expect(passphraseProblem('😀😀😀😀😀😀', '😀😀😀😀😀😀')).toBe('too-short');
    expect(passphraseProblem('une phrase assez longue', 'une phrase assez longu')).toBe('differ');
  });

  it('adds granted police keys first, without duplicates', () => {
    const merged = mergePoliceKeys([key('old')], [key('new'), key('old'), key('new')]);
    expect(merged.police.map((k) => k.kid)).toEqual(['new', 'old']);
    expect(merged.added).toEqual(['new']);
  });
});
