import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { ReportPlaintext } from '../../../schemas/report.ts';
import { attachmentList, canAddPhoto, fitWithin, MAX_PHOTO_SIDE, MAX_PHOTOS } from './photoRules.ts';

describe('photo size cap', () => {
  it('scales the longest side down to the cap, keeping the shape', () => {
    expect(fitWithin(4000, 3000)).toEqual({ width: 1600, height: 1200 });
    expect(fitWithin(3000, 4000)).toEqual({ width: 1200, height: 1600 });
    expect(fitWithin(4032, 1816)).toEqual({ width: 1600, height: 721 });
  });

  it('never scales up a small photo', () => {
    expect(fitWithin(640, 480)).toEqual({ width: 640, height: 480 });
    expect(fitWithin(MAX_PHOTO_SIDE, 10)).toEqual({ width: MAX_PHOTO_SIDE, height: 10 });
  });

  it('keeps at least one pixel on a very thin photo, and refuses an empty one', () => {
    expect(fitWithin(100000, 1)).toEqual({ width: 1600, height: 1 });
    expect(() => fitWithin(0, 10)).toThrow(RangeError);
    expect(() => fitWithin(Number.NaN, 10)).toThrow(RangeError);
  });
});

describe('attachment list', () => {
  const id = (c: string) => c.repeat(42) + 'A';
  it('lists each sealed photo as a JPEG with its key and size, in order, and no file name', () => {
    const list = attachmentList([
      { id: id('B'), key: id('C'), size: 250_000 },
      { id: id('D'), key: id('E'), size: 12 },
    ]);
    expect(list).toEqual([
      { blob: id('B'), key: id('C'), mime: 'image/jpeg', size: 250_000 },
      { blob: id('D'), key: id('E'), mime: 'image/jpeg', size: 12 },
    ]);
    expect(list.some((a) => 'name' in a)).toBe(false);
  });

  it('is what the report plaintext schema accepts', () => {
    const report = { v: 1, id: 'A'.repeat(22), form: 'stop-deal', formVersion: 1, createdAt: '2026-11-23T10:00:00Z', answers: {}, contact: null, replyTo: null, attachments: attachmentList([{ id: id('B'), key: id('C'), size: 9 }]) };
    expect(v.parse(ReportPlaintext, report).attachments).toHaveLength(1);
  });

  it('allows at most three photos', () => {
    expect(MAX_PHOTOS).toBe(3);
    expect([0, 1, 2, 3].map(canAddPhoto)).toEqual([true, true, true, false]);
  });
});
