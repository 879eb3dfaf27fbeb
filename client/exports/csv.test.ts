import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv.ts';

describe('csvCell (RFC 4180 and formula injection)', () => {
  it('leaves plain text alone', () => {
    expect(csvCell('Centre-ville')).toBe('Centre-ville');
    expect(csvCell('')).toBe('');
    expect(csvCell('rue des Lilas 12')).toBe('rue des Lilas 12');
  });
  it('quotes commas, quotes and line breaks, doubling quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('il a dit "viens"')).toBe('"il a dit ""viens"""');
    expect(csvCell('ligne 1\nligne 2')).toBe('"ligne 1\nligne 2"');
    expect(csvCell('x\r\ny')).toBe('"x\r\ny"');
  });
  it.each(['=1+1', '+33 6 12', '-2', '@SUM(A1)', '\tcmd', '\rcmd'])('neutralises a cell starting like a formula: %j', (cell) => {
    const out = csvCell(cell);
    // After removing RFC 4180 quoting, the cell starts with a single quote then the text.
    const unquoted = out.startsWith('"') ? out.slice(1, -1).replace(/""/g, '"') : out;
    expect(unquoted).toBe(`'${cell}`);
  });
  it('neutralises then quotes a hostile formula', () => {
    expect(csvCell('=HYPERLINK("http://x","clic")')).toBe('"\'=HYPERLINK(""http://x"",""clic"")"');
  });
  it('does not touch a formula sign later in the text', () => {
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell(' =1')).toBe(' =1');
  });
});

describe('toCsv', () => {
  it('writes a BOM, a header and CRLF-ended rows', () => {
    expect(toCsv(['N°', 'Lieu'], [['1', 'Hall, B'], ['2', '=cmd']])).toBe('\uFEFFN°,Lieu\r\n1,"Hall, B"\r\n2,\'=cmd\r\n');
  });
});
