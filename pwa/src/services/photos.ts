/**
 * Photos of a draft (issue R, PROTOCOL §6), loaded only when the resident adds a photo or
 * a draft already has one (dynamic import): re-encoding on the phone, and the photos kept
 * encrypted at rest with the draft.
 *
 * Re-encoding: the picture is decoded (`createImageBitmap`, orientation applied from the
 * file), drawn on a canvas at most {@link MAX_PHOTO_SIDE} px long and saved as a new JPEG.
 * A canvas export carries pixels only, so no EXIF block (date, GPS position, phone make and
 * model, serial numbers), XMP, IPTC, comment or thumbnail of the original survives.
 *
 * At rest: each photo is an AES-GCM box under the device key (crypto/draftBox.ts
 * `sealDraftBytes`) in `draftPhotos`, bound to its row, keyed `{draftId}:{photoId}`.
 */
import { openDraftBytes, sealDraftBytes } from '../../../crypto/draftBox.ts';
import { fitWithin, MAX_PHOTO_SIDE, PHOTO_MIME, PHOTO_QUALITY } from '../workers/photoRules.ts';
import { db } from './db.ts';
import { deviceKey } from './deviceKey.ts';

/** The chosen file is not a picture (a PDF, a text, a video…). */
export class NotAnImageError extends Error {
  override name = 'NotAnImageError';
}

/** The file says it is a picture but the phone cannot read it (damaged, unsupported format). */
export class PhotoDecodeError extends Error {
  override name = 'PhotoDecodeError';
}

/** A draft photo as the screen holds it: its id and the re-encoded JPEG's bytes. */
export interface DraftPhoto {
  id: string;
  bytes: Uint8Array<ArrayBuffer>;
}

const rowId = (draftId: string, photoId: string) => `${draftId}:${photoId}`;
const boxName = (draftId: string, photoId: string) => `draft-photo:${rowId(draftId, photoId)}`;

function canvasOf(width: number, height: number): OffscreenCanvas | HTMLCanvasElement {
  if (typeof OffscreenCanvas !== 'undefined') return new OffscreenCanvas(width, height);
  const c = document.createElement('canvas');
  c.width = width;
  c.height = height;
  return c;
}

async function jpegOf(canvas: OffscreenCanvas | HTMLCanvasElement): Promise<Blob> {
  if ('convertToBlob' in canvas) return canvas.convertToBlob({ type: PHOTO_MIME, quality: PHOTO_QUALITY });
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new PhotoDecodeError('canvas export failed'))), PHOTO_MIME, PHOTO_QUALITY));
}

/**
 * A new JPEG made on the phone from the chosen file's pixels only.
 * @throws NotAnImageError for a file that is not a picture, PhotoDecodeError for one that does not decode
 */
export async function reencodePhoto(file: Blob): Promise<Uint8Array<ArrayBuffer>> {
  // An empty type happens (some galleries, HEIC); the decoder then decides.
  if (file.type && !file.type.startsWith('image/')) throw new NotAnImageError(file.type);
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    throw file.type ? new PhotoDecodeError('image does not decode') : new NotAnImageError('not an image');
  }
  try {
    const { width, height } = fitWithin(bitmap.width, bitmap.height, MAX_PHOTO_SIDE);
    const canvas = canvasOf(width, height);
    const ctx = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D | null;
    if (!ctx) throw new PhotoDecodeError('no canvas');
    // A transparent picture (PNG) would turn black in a JPEG.
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(bitmap, 0, 0, width, height);
    const bytes = new Uint8Array(await (await jpegOf(canvas)).arrayBuffer());
    if (bytes[0] !== 0xff || bytes[1] !== 0xd8) throw new PhotoDecodeError('not a JPEG');
    return bytes;
  } catch (e) {
    throw e instanceof PhotoDecodeError ? e : new PhotoDecodeError('image does not re-encode');
  } finally {
    bitmap.close();
  }
}

/** Keeps a re-encoded photo with the draft, boxed under the device key; returns its id. */
export async function storeDraftPhoto(draftId: string, bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const photoId = crypto.randomUUID();
  const box = await sealDraftBytes(await deviceKey(), boxName(draftId, photoId), bytes);
  await (await db()).draftPhotos.put({ id: rowId(draftId, photoId), ...box });
  return photoId;
}

/** The draft's photos in the order given; a photo whose box is gone or does not open is left out. */
export async function loadDraftPhotos(draftId: string, photoIds: readonly string[]): Promise<DraftPhoto[]> {
  if (!photoIds.length) return [];
  const database = await db();
  const key = await deviceKey();
  const out: DraftPhoto[] = [];
  for (const id of photoIds) {
    const row = await database.draftPhotos.get(rowId(draftId, id));
    if (!row) continue;
    try {
      out.push({ id, bytes: await openDraftBytes(key, boxName(draftId, id), row) });
    } catch {
      // Key wiped in another tab: nothing readable to show or send.
    }
  }
  return out;
}

/** "Retirer la photo": its encrypted bytes leave the phone's storage. */
export async function deleteDraftPhoto(draftId: string, photoId: string): Promise<void> {
  await (await db()).draftPhotos.delete(rowId(draftId, photoId));
}
