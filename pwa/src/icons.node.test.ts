import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32, DISCREET_ICONS, DISCREET_LOOK, ICONS, renderIcon, rgb, STANDARD_LOOK, type IconLook } from '../scripts/icons.ts';

/** Splits a PNG into its chunks, checking each CRC. */
function chunks(png: Buffer) {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const out: Array<{ type: string; data: Buffer }> = [];
  for (let o = 8; o < png.length; ) {
    const len = png.readUInt32BE(o);
    const type = png.toString('ascii', o + 4, o + 8);
    const data = png.subarray(o + 8, o + 8 + len);
    expect(png.readUInt32BE(o + 8 + len)).toBe(crc32(png.subarray(o + 4, o + 8 + len)));
    out.push({ type, data });
    o += 12 + len;
  }
  return out;
}

describe('app icons', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });

  it.each(ICONS)('$file is a valid $size×$size RGBA PNG', ({ size, maskable }) => {
    const png = renderIcon(size, maskable);
    const parts = chunks(png);
    expect(parts.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    const ihdr = parts[0]!.data;
    expect([ihdr.readUInt32BE(0), ihdr.readUInt32BE(4), ihdr[8], ihdr[9]]).toEqual([size, size, 8, 6]);
    const raw = inflateSync(parts[1]!.data);
    expect(raw.length).toBe((size * 4 + 1) * size);
    // Full-bleed and opaque (maskable-safe): the corner pixel is the background colour.
    expect([...raw.subarray(1, 5)]).toEqual([0x12, 0x35, 0x5b, 255]);
  });

  it.each([
    ['shield', STANDARD_LOOK],
    ['discreet note', DISCREET_LOOK],
  ] as Array<[string, IconLook]>)('keeps the maskable icon’s %s inside the safe zone (central circle of radius 40 %)', (_name, look) => {
    const size = 512;
    const raw = inflateSync(chunks(renderIcon(size, true, look))[1]!.data);
    const [r, g, b] = look.background;
    let outside = 0;
    let figure = 0;
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        const o = y * (size * 4 + 1) + 1 + x * 4;
        const isBackground = raw[o] === r && raw[o + 1] === g && raw[o + 2] === b;
        if (!isBackground) figure++;
        if (!isBackground && Math.hypot(x + 0.5 - size / 2, y + 0.5 - size / 2) > 0.4 * size) outside++;
      }
    }
    expect(outside).toBe(0);
    expect(figure).toBeGreaterThan(size * size * 0.1);
  });

  it.each(DISCREET_ICONS)('discreet $file is a valid $size×$size PNG on the neutral background, unlike the shield', ({ size, maskable }) => {
    const png = renderIcon(size, maskable, DISCREET_LOOK);
    const parts = chunks(png);
    const ihdr = parts[0]!.data;
    expect([ihdr.readUInt32BE(0), ihdr.readUInt32BE(4), ihdr[8], ihdr[9]]).toEqual([size, size, 8, 6]);
    const raw = inflateSync(parts[1]!.data);
    expect([...raw.subarray(1, 5)]).toEqual([...DISCREET_LOOK.background, 255]);
    expect(DISCREET_LOOK.background).toEqual(rgb('#56616b'));
    expect(png.equals(renderIcon(size, maskable))).toBe(false);
  });
});
