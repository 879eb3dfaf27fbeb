/**
 * Opens one downloaded attachment (PROTOCOL §6), in a report worker or on the page alike.
 * First the bytes must hash to the id the report lists (`b64(H(32, blob))`): the Worker
 * cannot hand over other bytes than those the sender named. openBlob then authenticates
 * every chunk under the key from the sealed report, which alone would already refuse any
 * substitute (the Worker never sees that key); the id check gives it its own message and
 * costs one hash.
 */
import { blobIdOf, IntegrityError, openBlob } from '../../../crypto/index.ts';
import type { BlobFailure } from './openMessages.ts';

export type BlobOpened = { ok: true; plain: Uint8Array } | { ok: false; error: BlobFailure };

export async function openBlobChecked(id: string, blob: Uint8Array, key: string): Promise<BlobOpened> {
  try {
    if ((await blobIdOf(blob)) !== id) return { ok: false, error: 'id_mismatch' };
    // A copy with its own buffer, so that it can be transferred whole to the page.
    return { ok: true, plain: (await openBlob(blob, key)).slice() };
  } catch (e) {
    return { ok: false, error: e instanceof IntegrityError ? 'integrity' : 'failed' };
  }
}
