/**
 * CSV for spreadsheets (RFC 4180): comma-separated, CRLF line ends, a field quoted when
 * it holds a comma, quote, CR or LF, quotes doubled. A cell that starts with `=`, `+`,
 * `-`, `@`, TAB or CR is prefixed with `'` first: report text is written by anyone, and a
 * spreadsheet would otherwise run it as a formula (CSV / formula injection).
 * A UTF-8 byte-order mark leads the file so that spreadsheet programs read accents right.
 *
 * @example
 * csvCell('=HYPERLINK("http://x")') // '"\'=HYPERLINK(""http://x"")"'
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One cell, neutralised against formulas and quoted as RFC 4180 requires. */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A whole file: header then rows, each line ended by CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return '\uFEFF' + [header, ...rows].map((r) => r.map(csvCell).join(',') + '\r\n').join('');
}
