import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { firstIssuePath } from './issues.ts';

const Shape = v.object({ kdf: v.object({ salt: v.string() }), keys: v.array(v.object({ kid: v.string() })) });

describe('firstIssuePath', () => {
  it('names the first invalid field with dots, array indexes included', () => {
    const nested = v.safeParse(Shape, { kdf: { salt: 1 }, keys: [] });
    expect(nested.success || firstIssuePath(nested.issues)).toBe('kdf.salt');
    const indexed = v.safeParse(Shape, { kdf: { salt: 's' }, keys: [{ kid: 'a' }, { kid: 2 }] });
    expect(indexed.success || firstIssuePath(indexed.issues)).toBe('keys.1.kid');
  });

  it('is empty when the value itself is wrong', () => {
    const root = v.safeParse(Shape, 'not an object');
    expect(root.success || firstIssuePath(root.issues)).toBe('');
    expect(firstIssuePath([])).toBe('');
  });
});
