import { describe, expect, it } from 'vitest';
import type { AttachmentRef } from '../../../schemas/report.ts';
import { BlobFetchError, dossierAttachmentState, gatherBlobs, leftOutOf, wantedBlobs, type BlobSource } from './dossierBlobs.ts';

const ref = (blob: string, name?: string): AttachmentRef => ({ blob, key: 'E'.repeat(43), mime: 'image/png', size: 10, ...(name ? { name } : {}) });

/** A blob store in memory: `id` names the blob by its first byte (a stand-in for H(32, blob)). */
function source(store: Record<string, Uint8Array | 'missing' | 'unavailable'>, fetched: string[] = []): BlobSource {
  return {
    async fetch(id) {
      fetched.push(id);
      const x = store[id];
      if (x === undefined || x === 'missing') throw new BlobFetchError('missing');
      if (x === 'unavailable') throw new BlobFetchError('unavailable');
      return x;
    },
    async idOf(blob) {
      return `id${blob[0]}`;
    },
  };
}
const bytes = (first: number, n: number) => new Uint8Array(n).fill(first);

describe('wantedBlobs', () => {
  it('names each blob once, in the order the reports list them', () => {
    expect(wantedBlobs([{ attachments: [ref('id1'), ref('id2')] }, { attachments: [ref('id2'), ref('id3')] }, {}])).toEqual(['id1', 'id2', 'id3']);
  });
});

describe('gatherBlobs', () => {
  it('carries intact blobs and records why the others are left out, never throwing for one', async () => {
    const fetched: string[] = [];
    const g = await gatherBlobs(['id1', 'id2', 'id3', 'id4'], source({ id1: bytes(1, 5), id2: 'missing', id3: 'unavailable', id4: bytes(9, 5) }, fetched));
    expect([...g.blobs.keys()]).toEqual(['id1']);
    expect(g.bytes).toBe(5);
    expect(Object.fromEntries(g.leftOut)).toEqual({ id2: 'missing', id3: 'unavailable', id4: 'altered' });
    expect(fetched).toEqual(['id1', 'id2', 'id3', 'id4']);
  });

  it('stops at the size cap, and a smaller blob after a too large one still fits', async () => {
    const g = await gatherBlobs(['id1', 'id2', 'id3'], source({ id1: bytes(1, 60), id2: bytes(2, 50), id3: bytes(3, 40) }), 100);
    expect([...g.blobs.keys()]).toEqual(['id1', 'id3']);
    expect(g.bytes).toBe(100);
    expect(Object.fromEntries(g.leftOut)).toEqual({ id2: 'too-large' });
  });

  it('lets any other failure through (a bug is not a missing blob)', async () => {
    const broken: BlobSource = { fetch: () => Promise.reject(new TypeError('boom')), idOf: async () => '' };
    await expect(gatherBlobs(['id1'], broken)).rejects.toThrow('boom');
  });
});

describe('leftOutOf and dossierAttachmentState', () => {
  const leftOut = new Map([['id2', 'missing' as const]]);
  it('lists the left-out attachments of one report, once each', () => {
    expect(leftOutOf([ref('id1'), ref('id2'), ref('id2')], leftOut)).toEqual([{ blob: 'id2', reason: 'missing' }]);
    expect(leftOutOf(undefined, leftOut)).toEqual([]);
  });

  it('says whether the file carries an attachment, else why not', () => {
    const blobs = new Map([['id1', 'AAAA']]);
    expect(dossierAttachmentState(ref('id1'), blobs, [{ blob: 'id2', reason: 'missing' }])).toEqual({ carried: true });
    expect(dossierAttachmentState(ref('id2'), blobs, [{ blob: 'id2', reason: 'missing' }])).toEqual({ carried: false, reason: 'missing' });
    expect(dossierAttachmentState(ref('id3'), blobs, undefined)).toEqual({ carried: false, reason: 'not-carried' });
    // An older dossier file, with no blobs at all.
    expect(dossierAttachmentState(ref('id1'), null, undefined)).toEqual({ carried: false, reason: 'not-carried' });
  });
});
