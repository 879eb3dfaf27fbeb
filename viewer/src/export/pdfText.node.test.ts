import { describe, expect, it } from 'vitest';
import { splitLines, toWinAnsi, winAnsiEncodable, wrapLine, wrapText } from './pdfText.ts';

describe('toWinAnsi', () => {
  it('keeps French as it is, with its typographic signs', () => {
    const fr = 'Cage d’escalier, « bâtiment C » — 2e étage… œuvre, Noël, 12 €';
    expect(toWinAnsi(fr)).toBe(fr);
  });

  it('transliterates letters WinAnsi lacks, and spaces the locale formats use', () => {
    expect(toWinAnsi('Łódź, Kraków, İstanbul, Ştefan, Dvořák')).toBe('Lódz, Kraków, Istanbul, Stefan, Dvorák');
    expect(toWinAnsi('21\u202Fh\u200930 → 22\u00A0h')).toBe('21 h 30 -> 22\u00A0h');
    expect(toWinAnsi('ﬁn ① x²')).toBe('fin 1 x²');
  });

  it('drops bidirectional and invisible controls, and marks what has no Latin form', () => {
    expect(toWinAnsi('abc\u202Eevil\u202C\u200Bdef')).toBe('abcevildef');
    expect(toWinAnsi('مرحبا 😀 漢')).toBe('????? ? ?');
    expect(toWinAnsi('a\tb\u0007c\nd')).toBe('a bc d');
    expect(toWinAnsi('\uD800x')).toBe('x');
  });

  it('always yields drawable text', () => {
    let all = '';
    for (let cp = 0; cp < 0x3000; cp++) if (cp < 0xd800 || cp > 0xdfff) all += String.fromCodePoint(cp);
    all += '😀🏳️‍🌈\u{E000}';
    expect([...toWinAnsi(all)].every((c) => winAnsiEncodable(c.codePointAt(0)!))).toBe(true);
  });
});

describe('wrapping', () => {
  const width = (s: string) => s.length;

  it('splits every kind of line break', () => {
    expect(splitLines('a\r\nb\rc\nd\u2028e')).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('wraps at spaces, and cuts a word too long for a line', () => {
    expect(wrapLine('le hall du bâtiment C', 10, width)).toEqual(['le hall du', 'bâtiment C']);
    expect(wrapLine('aaaaaaaaaaaaaaaaaaaaaaaaa', 10, width)).toEqual(['aaaaaaaaaa', 'aaaaaaaaaa', 'aaaaa']);
    expect(wrapLine('', 10, width)).toEqual(['']);
  });

  it('makes text drawable then wraps it, line by line', () => {
    expect(wrapText('un\n\u202Edeux trois', 5, width)).toEqual(['un', 'deux', 'trois']);
  });
});
