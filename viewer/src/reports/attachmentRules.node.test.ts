import { describe, expect, it } from 'vitest';
import { blobIdOf, randomB64, sealBlob, useSumo } from '../../../crypto/index.ts';
import {
  claimsInlineImage, displayDecision, downloadType, MAX_FILE_NAME, OPAQUE_TYPE, safeFileName, sizeMismatch, sniffImage, uniqueFileName,
} from '../../../client/attachmentRules.ts';
import { openBlobChecked } from './blobOpen.ts';

useSumo();

const bytes = (...xs: number[]) => new Uint8Array([...xs, ...new Array(16).fill(0)]);
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0);
const WEBP = bytes(0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50);
const HTML = new TextEncoder().encode('<html><script>alert(1)</script></html>');
const SVG = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

describe('magic numbers', () => {
  it('recognises JPEG, PNG and WebP by their first bytes only', () => {
    expect(sniffImage(JPEG)).toBe('image/jpeg');
    expect(sniffImage(PNG)).toBe('image/png');
    expect(sniffImage(WEBP)).toBe('image/webp');
    expect(sniffImage(HTML)).toBeNull();
    expect(sniffImage(SVG)).toBeNull();
    expect(sniffImage(new Uint8Array())).toBeNull();
    // A truncated signature, and RIFF that is not WebP (a WAV file).
    expect(sniffImage(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBeNull();
    expect(sniffImage(bytes(0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x41, 0x56, 0x45))).toBeNull();
  });
});

describe('display decision (stated type × bytes)', () => {
  it('shows an allowed image only when the bytes agree with the stated type', () => {
    expect(displayDecision('image/png', PNG)).toEqual({ show: true, type: 'image/png' });
    expect(displayDecision('Image/JPEG; q=1', JPEG)).toEqual({ show: true, type: 'image/jpeg' });
    expect(displayDecision('image/webp', WEBP)).toEqual({ show: true, type: 'image/webp' });
    expect(displayDecision('image/png', HTML)).toEqual({ show: false, reason: 'mismatch' });
    expect(displayDecision('image/png', JPEG)).toEqual({ show: false, reason: 'mismatch' });
  });
  it('never shows SVG, HTML, PDF or another type, whatever the bytes', () => {
    for (const mime of ['image/svg+xml', 'text/html', 'application/pdf', 'image/gif', 'application/xhtml+xml', '', 'image/png-x']) {
      expect(displayDecision(mime, PNG)).toEqual({ show: false, reason: 'not-image' });
      expect(claimsInlineImage(mime)).toBe(false);
    }
  });
  it('hands a download over as opaque bytes unless it is a verified image', () => {
    expect(downloadType('image/png', PNG)).toBe('image/png');
    expect(downloadType('image/png', HTML)).toBe(OPAQUE_TYPE);
    expect(downloadType('text/html', HTML)).toBe(OPAQUE_TYPE);
    expect(downloadType('image/svg+xml', SVG)).toBe(OPAQUE_TYPE);
  });
});

describe('size', () => {
  it('flags a decrypted size that differs from the stated one', () => {
    expect(sizeMismatch(100, 100)).toBe(false);
    expect(sizeMismatch(100, 101)).toBe(true);
    expect(sizeMismatch(0, 5)).toBe(true);
  });
});

describe('safe file names', () => {
  it('keeps a plain name, and gives a verified image its true extension', () => {
    expect(safeFileName('photo.png', 'image/png', PNG, 'f')).toBe('photo.png');
    expect(safeFileName('photo.jpeg', 'image/jpeg', JPEG, 'f')).toBe('photo.jpeg');
    expect(safeFileName('photo', 'image/webp', WEBP, 'f')).toBe('photo.webp');
    expect(safeFileName('photo.exe', 'image/png', PNG, 'f')).toBe('photo.exe.png');
    expect(safeFileName(undefined, 'image/png', PNG, 'piece-jointe-2')).toBe('piece-jointe-2.png');
  });
  it('strips directories, control and bidi characters, reserved characters and leading dots', () => {
    expect(safeFileName('../../etc/passwd', 'text/plain', HTML, 'f')).toBe('passwd.bin');
    expect(safeFileName('C:\\Users\\x\\evil.txt', 'text/plain', HTML, 'f')).toBe('evil.txt');
    expect(safeFileName('a\u0000b\nc\u202egnp.exe', 'text/plain', HTML, 'f')).toBe('abcgnp.exe.bin');
    expect(safeFileName('.bashrc', 'text/plain', HTML, 'f')).toBe('bashrc.bin');
    expect(safeFileName('a<b>:c|d?.txt', 'text/plain', HTML, 'f')).toBe('a_b__c_d_.txt');
    expect(safeFileName('/', 'text/plain', HTML, 'fallback')).toBe('fallback.bin');
    expect(safeFileName('CON.txt', 'text/plain', HTML, 'fallback')).toBe('fallback.txt');
  });
  it('never keeps an extension that opens something dangerous, nor an image extension on bytes that are not that image', () => {
    expect(safeFileName('page.html', 'text/html', HTML, 'f')).toBe('page.html.bin');
    expect(safeFileName('logo.svg', 'image/svg+xml', SVG, 'f')).toBe('logo.svg.bin');
    expect(safeFileName('doc.pdf', 'application/pdf', HTML, 'f')).toBe('doc.pdf.bin');
    expect(safeFileName('photo.png', 'image/png', HTML, 'f')).toBe('photo.png.bin');
    expect(safeFileName('clip.mp4', 'video/mp4', HTML, 'f')).toBe('clip.mp4');
  });
  it('caps the length, extension kept', () => {
    const name = safeFileName('é'.repeat(300) + '.png', 'image/png', PNG, 'f');
    expect([...name].length).toBe(MAX_FILE_NAME);
    expect(name.endsWith('.png')).toBe(true);
    expect(safeFileName('x.' + 'a'.repeat(50), 'text/plain', HTML, 'f')).toBe('x.bin');
  });
  it('makes names unique within a report', () => {
    const taken = new Set(['photo.png', 'photo-2.png']);
    expect(uniqueFileName('photo.png', taken)).toBe('photo-3.png');
    expect(uniqueFileName('PHOTO.PNG', new Set(['photo.png']))).toBe('PHOTO-2.PNG');
    expect(uniqueFileName('other.png', taken)).toBe('other.png');
  });
});

describe('opening a downloaded blob (reports/blobOpen.ts)', () => {
  it('opens the blob the report names, refuses other bytes and a wrong key', async () => {
    const sealed = await sealBlob(PNG);
    expect(await blobIdOf(sealed.blob)).toBe(sealed.id);
    expect(await openBlobChecked(sealed.id, sealed.blob, sealed.key)).toEqual({ ok: true, plain: PNG });
    const other = await sealBlob(JPEG);
    expect(await openBlobChecked(sealed.id, other.blob, other.key)).toEqual({ ok: false, error: 'id_mismatch' });
    expect(await openBlobChecked(sealed.id, sealed.blob, await randomB64(32))).toEqual({ ok: false, error: 'integrity' });
  });
});
