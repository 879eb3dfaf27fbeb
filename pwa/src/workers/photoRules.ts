/**
 * Photos of a report (issue R, PROTOCOL §6), the pure rules: how many, how large once
 * re-encoded, and how the sealed blobs are listed in the report plaintext. Used by the page
 * and the crypto worker, so it touches no DOM and no storage.
 */
import type { AttachmentRef } from '../../../schemas/report.ts';

/** A resident may attach up to three photos to one report. */
export const MAX_PHOTOS = 3;
/** Longest side of a re-encoded photo, in pixels: a plate stays readable, the file ≈ 0.2–0.6 MB. */
export const MAX_PHOTO_SIDE = 1600;
/** JPEG quality of the re-encoding. */
export const PHOTO_QUALITY = 0.8;
/** Every photo leaves the phone as a JPEG made on the phone. */
export const PHOTO_MIME = 'image/jpeg';

/**
 * The size a photo is re-encoded at: its own if the longest side fits `max`, else scaled
 * down keeping its shape (each side at least 1 px). Never scaled up.
 */
export function fitWithin(width: number, height: number, max = MAX_PHOTO_SIDE): { width: number; height: number } {
  if (!(width > 0 && height > 0)) throw new RangeError('image has no size');
  const scale = Math.min(1, max / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** A photo sealed as a blob: what the report lists about it. */
export interface SealedPhotoRef {
  /** `b64(H(32, blob))`. */
  id: string;
  /** The secretstream key (b64). */
  key: string;
  /** Bytes of the JPEG before padding. */
  size: number;
}

/**
 * The report's `attachments` (PROTOCOL §6), in the order the photos were added. No `name`:
 * an original file name (`IMG_20261120_213012.jpg`, `PXL_…`) can tell the phone and the
 * moment; the JPEG made on the phone has no name worth sending.
 */
export function attachmentList(photos: readonly SealedPhotoRef[]): AttachmentRef[] {
  return photos.map((p) => ({ blob: p.id, key: p.key, mime: PHOTO_MIME, size: p.size }));
}

/** Whether one more photo may be added to a draft that has `count`. */
export const canAddPhoto = (count: number): boolean => count < MAX_PHOTOS;
