import { describe, expect, it } from 'vitest';
import { newDraftKey, openDraft, openDraftBytes, sealDraft, sealDraftBytes } from './draftBox.ts';
import { IntegrityError } from './errors.ts';

describe('draft bytes boxes (photos of a draft)', () => {
  it('round-trips bytes and never stores them in clear', async () => {
    const key = await newDraftKey();
    const photo = new TextEncoder().encode('\xff\xd8JPEG-CANARY-bytes of a photo');
    const stored = await sealDraftBytes(key, 'draft-photo:p1', photo);
    expect(Buffer.from(stored.box).includes(Buffer.from('JPEG-CANARY'))).toBe(false);
    expect(Buffer.from(await openDraftBytes(key, 'draft-photo:p1', stored)).equals(Buffer.from(photo))).toBe(true);
  });

  it('refuses another key, another row, altered bytes, and never opens as a JSON draft', async () => {
    const key = await newDraftKey();
    const stored = await sealDraftBytes(key, 'p1', new Uint8Array([1, 2, 3]));
    await expect(openDraftBytes(await newDraftKey(), 'p1', stored)).rejects.toBeInstanceOf(IntegrityError);
    await expect(openDraftBytes(key, 'p2', stored)).rejects.toBeInstanceOf(IntegrityError);
    const altered = { iv: stored.iv, box: stored.box.slice() };
    altered.box[0]! ^= 1;
    await expect(openDraftBytes(key, 'p1', altered)).rejects.toBeInstanceOf(IntegrityError);
    await expect(openDraft(key, 'p1', stored)).rejects.toBeInstanceOf(IntegrityError);
    await expect(openDraftBytes(key, 'p1', await sealDraft(key, 'p1', [1, 2, 3]))).rejects.toBeInstanceOf(IntegrityError);
  });
});
