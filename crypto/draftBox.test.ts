import { describe, expect, it } from 'vitest';
import { newDraftKey, openDraft, sealDraft } from './draftBox.ts';
import { IntegrityError } from './errors.ts';

describe('draftBox', () => {
  it('round-trips a draft and never stores its text in clear', async () => {
    const key = await newDraftKey();
    const draft = { answers: { place: 'cage d’escalier du 12 rue des Lilas' } };
    const stored = await sealDraft(key, 'd1', draft);
    expect(stored.iv).toHaveLength(12);
    expect(Buffer.from(stored.box).toString('latin1')).not.toContain('Lilas');
    expect(await openDraft(key, 'd1', stored)).toEqual(draft);
  });

  it('makes a key that cannot be exported', async () => {
    const key = await newDraftKey();
    expect(key.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
  });

  it('uses a fresh nonce each time', async () => {
    const key = await newDraftKey();
    const a = await sealDraft(key, 'd1', { x: 1 });
    const b = await sealDraft(key, 'd1', { x: 1 });
    expect(Buffer.from(a.iv).equals(Buffer.from(b.iv))).toBe(false);
  });

  it('refuses another key, another row, altered bytes', async () => {
    const key = await newDraftKey();
    const stored = await sealDraft(key, 'd1', { x: 1 });
    await expect(openDraft(await newDraftKey(), 'd1', stored)).rejects.toBeInstanceOf(IntegrityError);
    await expect(openDraft(key, 'd2', stored)).rejects.toBeInstanceOf(IntegrityError);
    const flipped = { iv: stored.iv, box: stored.box.slice() };
    flipped.box[0]! ^= 1;
    await expect(openDraft(key, 'd1', flipped)).rejects.toBeInstanceOf(IntegrityError);
    await expect(openDraft(key, 'd1', { iv: stored.iv, box: stored.box.slice(0, -1) })).rejects.toBeInstanceOf(IntegrityError);
  });
});
