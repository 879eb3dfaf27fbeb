/**
 * Text for the PDF dossier's standard fonts (issue 4: "no external fonts"). pdf-lib's standard
 * fonts encode WinAnsi (Windows-1252) only and throw on anything else, and report text is
 * hostile: so every string is made encodable first, keeping what it can (accented letters are
 * in WinAnsi; others lose their accent, "ł" becomes "l"), dropping invisible and bidirectional
 * controls (no right-to-left override can reorder a printed line), and writing "?" for what has
 * no Latin form. Also line wrapping. Pure, so it is tested in Node.
 */

/** Code points outside Latin-1 that WinAnsi has (Œ œ Š š Ÿ Ž ž ƒ ˆ ˜ – — ‘ ’ ‚ “ ” „ † ‡ • … ‰ ‹ › € ™). */
const WIN_ANSI_EXTRA = new Set([338, 339, 352, 353, 376, 381, 382, 402, 710, 732, 8211, 8212, 8216, 8217, 8218, 8220, 8221, 8222, 8224, 8225, 8226, 8230, 8240, 8249, 8250, 8364, 8482]);

/** Whether a standard font (WinAnsi) can draw this code point. */
export function winAnsiEncodable(cp: number): boolean {
  return (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xff) || WIN_ANSI_EXTRA.has(cp);
}

/** Letters and signs with a usual Latin spelling that Unicode decomposition does not give. */
const SPELLED: Readonly<Record<string, string>> = {
  'ł': 'l', 'Ł': 'L', 'ı': 'i', 'đ': 'd', 'Đ': 'D', 'ħ': 'h', 'Ħ': 'H', 'ŀ': 'l', 'Ŀ': 'L', 'ŋ': 'n', 'Ŋ': 'N',
  'ſ': 's', 'ə': 'e', 'Ə': 'E', 'ʼ': "'", 'ʻ': "'", '′': "'", '″': '"', '‛': "'", '‟': '"',
  '‐': '-', '‑': '-', '‒': '-', '−': '-', '―': '-', '→': '->', '←': '<-', '⇒': '=>', '≤': '<=', '≥': '>=', '≠': '!=', '✓': 'v', '✔': 'v',
};

const MARK = /\p{M}/u;
const SPACE = /\p{Zs}/u;
/** Controls, format characters (bidi overrides, zero-width), unpaired surrogates, private use. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}]/u;

function transliterateChar(ch: string): string {
  const cp = ch.codePointAt(0)!;
  if (winAnsiEncodable(cp)) return ch;
  const spelled = SPELLED[ch];
  if (spelled !== undefined) return spelled;
  if (ch === '\t') return ' ';
  if (SPACE.test(ch)) return ' ';
  if (INVISIBLE.test(ch)) return '';
  if (MARK.test(ch)) return '';
  const base = ch
    .normalize('NFKD')
    .split('')
    .filter((c) => !MARK.test(c))
    .join('');
  if (base && base !== ch && [...base].every((c) => winAnsiEncodable(c.codePointAt(0)!))) return base;
  return '?';
}

/**
 * One line of text that a WinAnsi standard font can draw: every character kept, transliterated,
 * dropped (invisible) or replaced by "?". Line breaks become spaces: split lines first with
 * {@link splitLines}.
 */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) out += ch === '\n' || ch === '\r' ? ' ' : transliterateChar(ch);
  return out;
}

/** Splits on every kind of line break (CRLF, CR, LF, U+2028, U+2029). */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|[\r\n\u2028\u2029\u0085\u000b\u000c]/);
}

/**
 * Wraps one line to `maxWidth` as measured by `widthOf` (the font's own metrics): at spaces
 * when it can, inside a word when a word alone is too wide (a hostile 10,000-letter "word"
 * still fits the page).
 */
export function wrapLine(line: string, maxWidth: number, widthOf: (s: string) => number): string[] {
  const words = line.split(' ');
  const out: string[] = [];
  let current = '';
  const push = () => {
    out.push(current);
    current = '';
  };
  for (const word of words) {
    const candidate = current ? `${current} ${word}` : word;
    if (widthOf(candidate) <= maxWidth) {
      current = candidate;
      continue;
    }
    if (current) push();
    if (widthOf(word) <= maxWidth) {
      current = word;
      continue;
    }
    // Cut the word itself, as many characters per line as fit (at least one).
    let piece = '';
    for (const ch of word) {
      if (piece && widthOf(piece + ch) > maxWidth) {
        out.push(piece);
        piece = '';
      }
      piece += ch;
    }
    current = piece;
  }
  push();
  return out;
}

/** A multi-line text, made drawable and wrapped. */
export function wrapText(text: string, maxWidth: number, widthOf: (s: string) => number): string[] {
  return splitLines(text).flatMap((l) => wrapLine(toWinAnsi(l).replace(/ +$/, ''), maxWidth, widthOf));
}
