/**
 * Steps for photo tests (PROTOCOL §6): a real JPEG that carries EXIF (a GPS position and a
 * phone make), so that a test can prove the app removes them, and the reporter app's photo
 * picker on the last step of a form.
 */
import type { Page } from 'playwright-core';

/** An EXIF APP1 segment (little-endian TIFF): IFD0 with Make and a GPS IFD (48°51'N, 2°21'E). */
export function exifSegment(make: string): Buffer {
  const makeBytes = Buffer.from(make + '\0', 'ascii');
  const ifd0 = 8;
  const makeAt = ifd0 + 2 + 2 * 12 + 4;
  const gpsAt = makeAt + makeBytes.length + (makeBytes.length % 2);
  const latAt = gpsAt + 2 + 4 * 12 + 4;
  const lonAt = latAt + 24;
  const tiff = Buffer.alloc(lonAt + 24);
  tiff.write('II', 0, 'ascii');
  tiff.writeUInt16LE(42, 2);
  tiff.writeUInt32LE(ifd0, 4);
  const entry = (at: number, tag: number, type: number, count: number, value: number | string) => {
    tiff.writeUInt16LE(tag, at);
    tiff.writeUInt16LE(type, at + 2);
    tiff.writeUInt32LE(count, at + 4);
    if (typeof value === 'string') tiff.write(value, at + 8, 'ascii');
    else tiff.writeUInt32LE(value, at + 8);
  };
  tiff.writeUInt16LE(2, ifd0);
  entry(ifd0 + 2, 0x010f, 2, makeBytes.length, makeAt); // Make
  entry(ifd0 + 14, 0x8825, 4, 1, gpsAt); // GPSInfo
  makeBytes.copy(tiff, makeAt);
  tiff.writeUInt16LE(4, gpsAt);
  entry(gpsAt + 2, 0x0001, 2, 2, 'N\0'); // GPSLatitudeRef
  entry(gpsAt + 14, 0x0002, 5, 3, latAt); // GPSLatitude
  entry(gpsAt + 26, 0x0003, 2, 2, 'E\0'); // GPSLongitudeRef
  entry(gpsAt + 38, 0x0004, 5, 3, lonAt); // GPSLongitude
  [48, 51, 24].forEach((n, i) => (tiff.writeUInt32LE(n, latAt + 8 * i), tiff.writeUInt32LE(1, latAt + 8 * i + 4)));
  [2, 21, 3].forEach((n, i) => (tiff.writeUInt32LE(n, lonAt + 8 * i), tiff.writeUInt32LE(1, lonAt + 8 * i + 4)));
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const head = Buffer.alloc(4);
  head.writeUInt16BE(0xffe1, 0);
  head.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([head, body]);
}

/** A 2000×1500 JPEG drawn by Chromium (gradient, text, noise), with the EXIF segment spliced in after SOI. */
export async function photoWithExif(p: Page, make: string): Promise<Buffer> {
  const bytes = await p.evaluate(async () => {
    const c = new OffscreenCanvas(2000, 1500);
    const g = c.getContext('2d')!;
    const grad = g.createLinearGradient(0, 0, 2000, 1500);
    grad.addColorStop(0, '#2a6');
    grad.addColorStop(1, '#c33');
    g.fillStyle = grad;
    g.fillRect(0, 0, 2000, 1500);
    g.fillStyle = '#fff';
    g.font = '120px sans-serif';
    g.fillText('AB-123-CD', 500, 800);
    // A noisy patch, like foliage or gravel: the photo then weighs what a real one does (> 64 KiB).
    const noise = g.createImageData(900, 600);
    for (let i = 0; i < noise.data.length; i++) noise.data[i] = i % 4 === 3 ? 255 : Math.floor(Math.random() * 256);
    g.putImageData(noise, 1000, 100);
    return Array.from(new Uint8Array(await (await c.convertToBlob({ type: 'image/jpeg', quality: 0.9 })).arrayBuffer()));
  });
  const jpeg = Buffer.from(bytes);
  return Buffer.concat([jpeg.subarray(0, 2), exifSegment(make), jpeg.subarray(2)]);
}

export const addPhotoInput = (p: Page) => p.getByLabel('Ajouter une photo (facultatif)');

/** From the review back to the last step, where photos are added. */
export async function toLastStep(p: Page): Promise<void> {
  await p.getByRole('button', { name: 'Précédent' }).click();
  await p.getByRole('heading', { level: 2, name: 'Autres détails' }).waitFor();
}
