/**
 * What an officer's tool may do with an opened attachment (PROTOCOL §6), pure so that the
 * viewer and the CLI apply the very same rules. The `mime` and `name` listed in a report are
 * chosen by whoever sealed it, possibly an attacker: they are never trusted alone.
 * - Shown inline: only JPEG, PNG and WebP, and only when the decrypted bytes' magic numbers
 *   say the same as the listed type. Never SVG, HTML, PDF or anything else (script, XSS,
 *   parser bugs in a police workstation's browser).
 * - Saved: a file name with no path, no control or bidi characters, a capped length and an
 *   inert extension; the type is `application/octet-stream` unless it is a verified image.
 */

/** The only types ever displayed, and their canonical file extension. */
export const INLINE_IMAGE_TYPES = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' } as const;
export type InlineImageType = keyof typeof INLINE_IMAGE_TYPES;

/** The media type of every download that is not a verified image. */
export const OPAQUE_TYPE = 'application/octet-stream';

/** Longest saved file name, extension included (well under every file system's 255). */
export const MAX_FILE_NAME = 80;

/**
 * Extensions kept on a saved file that is not a verified image: media and plain text that no
 * desktop opens as a program or a page. Anything else (html, svg, pdf, exe, js, lnk…) gets
 * `.bin` appended.
 */
const INERT_EXTENSIONS = new Set(['jpg', 'jpeg', 'png', 'webp', 'heic', 'heif', 'gif', 'mp4', 'mov', 'm4a', 'mp3', 'aac', 'ogg', 'opus', 'wav', 'txt']);

/** Windows device names, refused as a file's base name whatever the extension. */
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/** The image type announced by the first bytes, or null: JPEG `FF D8 FF`, PNG's 8-byte signature, WebP `RIFF….WEBP`. */
export function sniffImage(bytes: Uint8Array): InlineImageType | null {
  const at = (i: number, ...xs: number[]) => xs.every((x, k) => bytes[i + k] === x);
  if (bytes.length >= 3 && at(0, 0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (bytes.length >= 8 && at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (bytes.length >= 12 && at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50)) return 'image/webp';
  return null;
}

/** The listed type, lower-cased and without parameters (`Image/PNG; x=y` → `image/png`). */
export function normaliseMime(mime: string): string {
  return (mime.split(';')[0] ?? '').trim().toLowerCase();
}

/** Whether the listed type is one that may be displayed (before the bytes are known). */
export function claimsInlineImage(mime: string): boolean {
  return Object.hasOwn(INLINE_IMAGE_TYPES, normaliseMime(mime));
}

/**
 * Why an attachment is or is not displayed:
 * - `image`: an allowed image type, and the bytes agree: displayed;
 * - `mismatch`: listed as an allowed image, but the bytes are something else: not displayed;
 * - `not-image`: any other listed type (SVG, HTML, PDF, video…): never displayed.
 */
export type DisplayDecision = { show: true; type: InlineImageType } | { show: false; reason: 'mismatch' | 'not-image' };

export function displayDecision(mime: string, bytes: Uint8Array): DisplayDecision {
  if (!claimsInlineImage(mime)) return { show: false, reason: 'not-image' };
  const sniffed = sniffImage(bytes);
  return sniffed !== null && sniffed === normaliseMime(mime) ? { show: true, type: sniffed } : { show: false, reason: 'mismatch' };
}

/** The media type a saved copy is handed over with: a verified image's, else opaque bytes. */
export function downloadType(mime: string, bytes: Uint8Array): string {
  const d = displayDecision(mime, bytes);
  return d.show ? d.type : OPAQUE_TYPE;
}

/** Listed and decrypted sizes differ: shown, but marked (the listing is the sender's claim). */
export function sizeMismatch(listed: number, actual: number): boolean {
  return listed !== actual;
}

/**
 * A file name safe to save on any desktop: no directory part, no control, bidi or reserved
 * characters, no leading dot, at most {@link MAX_FILE_NAME} characters, and an extension that
 * opens nothing dangerous. A verified image always ends with its true extension.
 *
 * @example safeFileName('../../etc/x.html', 'text/html', bytes, 'piece-jointe-1') // 'x.html.bin'
 */
export function safeFileName(name: string | undefined, mime: string, bytes: Uint8Array, fallback: string): string {
  const cleaned = (name ?? '')
    .normalize('NFC')
    // Control characters, bidi overrides and isolates (a "gpj.exe" trick), zero-width ones.
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]/g, '')
    // Keep only the last path component, whatever separator the sender used.
    .split(/[/\\]/)
    .pop()!
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  let base = cleaned;
  let ext = '';
  const dot = cleaned.lastIndexOf('.');
  if (dot > 0) {
    base = cleaned.slice(0, dot);
    ext = cleaned.slice(dot + 1).toLowerCase();
  }
  if (!base || RESERVED.test(base.split('.')[0] ?? '')) base = fallback;
  const d = displayDecision(mime, bytes);
  let suffix: string;
  if (d.show) {
    const right = INLINE_IMAGE_TYPES[d.type];
    suffix = ext === right || (right === 'jpg' && ext === 'jpeg') ? `.${ext}` : ext ? `.${ext}.${right}` : `.${right}`;
  } else if (ext && INERT_EXTENSIONS.has(ext) && !claimsImageExtension(ext)) suffix = `.${ext}`;
  else suffix = ext ? `.${ext}.bin` : '.bin';
  // Cap the whole name, cutting the base and never the suffix (capped on its own: it comes from the sender too).
  suffix = suffix.length > 20 ? '.bin' : suffix;
  return [...base].slice(0, MAX_FILE_NAME - suffix.length).join('') + suffix;
}

/** An image extension on bytes that are not a verified image would make a desktop open them as one. */
function claimsImageExtension(ext: string): boolean {
  return ['jpg', 'jpeg', 'png', 'webp'].includes(ext);
}

/** `name`, or `name-2.ext`, `name-3.ext`… so that two attachments of a report never overwrite each other. */
export function uniqueFileName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name.toLowerCase())) return name;
  const dot = name.lastIndexOf('.');
  const base = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : '';
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}${ext}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}
