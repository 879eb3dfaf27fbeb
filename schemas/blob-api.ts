/**
 * Attachment blobs on the wire (PROTOCOL §6, docs/api.md "Blobs"): the upload's header and
 * media type, its answer, and the Worker's limits. Additive to `api.ts` (`BlobId` lives
 * there); imports nothing from it, so it may be re-exported anywhere without a cycle.
 */
import * as v from 'valibot';
import { b64Bytes } from './encoding.ts';
import { BLOB_SIZES } from './limits.ts';

/** Header carrying the upload's proof of work: b64 of 8 bytes (PROTOCOL §6). */
export const BLOB_POW_HEADER = 'X-Pow';
/** The only media type of an upload and of a download; another one is `415`. */
export const BLOB_MEDIA_TYPE = 'application/octet-stream';
/** Largest blob (the 16 MiB bucket sealed): a body past this is `413`, read while streaming. */
export const MAX_BLOB_BYTES = Math.max(...BLOB_SIZES);
/** A blob that no report names is deleted once this many hours have passed since its upload hour. */
export const BLOB_ORPHAN_HOURS = 24;

/** The upload and download target of blob `id`. */
export function blobTarget(id: string): string {
  return `/api/v1/blobs/${id}`;
}

/** `201` (stored) / `200` (already stored) answer to `PUT /api/v1/blobs/{blobId}`. */
export const PutBlobAnswer = v.object({ blob: b64Bytes(32) });
export type PutBlobAnswer = v.InferOutput<typeof PutBlobAnswer>;
