import { encode } from 'uqr';
import { describe, expect, it } from 'vitest';
import { qrPath } from './qrPath.ts';

describe('qrPath', () => {
  it('draws one square per dark module, quiet zone included', () => {
    const key = 'l7VtKq3m0Xc1b2n3v4c5x6z7a8s9d0f1g2h3j4k5l6m';
    const { size, d } = qrPath(key);
    const qr = encode(key, { ecc: 'M', border: 2 });
    expect(size).toBe(qr.size);
    const dark = qr.data.flat().filter(Boolean).length;
    expect(d.match(/M/g)?.length).toBe(dark);
    // The quiet zone stays light: no square starts in the first two rows or columns.
    expect(/M[01] /.test(d) || / [01]h/.test(d)).toBe(false);
  });
});
