/** A cell: text (guarded against formulas) or a number we formatted ourselves (left as is). */
export type CsvCell = string | { number: string } | null | undefined;

/** Excel, LibreOffice and Sheets run a cell starting with these as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * RFC 4180 CSV with a UTF-8 byte-order mark (so Excel reads accents right), CRLF line ends, and
 * text cells that would start a formula prefixed with `'` (CSV injection).
 */
export function toCsv(rows: CsvCell[][], separator: ',' | ';'): string {
  const lines = rows.map((row) => row.map((cell) => encodeCell(cell, separator)).join(separator));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function encodeCell(cell: CsvCell, separator: string): string {
  if (cell === null || cell === undefined) return '';
  const text = typeof cell === 'string' ? (FORMULA_START.test(cell) ? `'${cell}` : cell) : cell.number;
  const mustQuote = text.includes(separator) || /["\r\n]/.test(text) || text !== text.trim();
  return mustQuote ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Integer cents as a plain decimal number (`-1234,56` or `-1234.56`), exact for any size. */
export function centsToDecimal(cents: number, decimalSeparator: ',' | '.'): { number: string } {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(cents));
  return {
    number: `${sign}${Math.floor(abs / 100)}${decimalSeparator}${String(abs % 100).padStart(2, '0')}`,
  };
}
