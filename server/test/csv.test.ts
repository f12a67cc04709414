import { describe, expect, it } from 'vitest';
import { centsToDecimal, toCsv } from '../src/services/csv';
import { parseCsv } from './support/csv';

describe('CSV writer', () => {
  it('starts with a BOM, ends lines with CRLF and quotes what needs it', () => {
    const text = toCsv(
      [
        ['a', 'b;c', 'say "hi"', 'two\nlines', ' padded ', null, undefined, ''],
        ['é', 'x,y', 'carriage\rreturn'],
      ],
      ';',
    );
    expect(text).toBe(
      '\uFEFFa;"b;c";"say ""hi""";"two\nlines";" padded ";;;\r\né;x,y;"carriage\rreturn"\r\n',
    );
    expect(parseCsv(text.slice(1), ';')).toEqual([
      ['a', 'b;c', 'say "hi"', 'two\nlines', ' padded ', '', '', ''],
      ['é', 'x,y', 'carriage\rreturn'],
    ]);
    expect(toCsv([['x,y', 'x;y']], ',')).toBe('\uFEFF"x,y",x;y\r\n');
  });

  it('defuses text that a spreadsheet would run as a formula, but not our own numbers', () => {
    const cells = ['=1+1', '+33 6', '-2', '@SUM(A1)', '\tTAB', '\rCR', 'ok = fine', 'a@b.fr'];
    const row = parseCsv(toCsv([[...cells, centsToDecimal(-1234, ',')]], ';').slice(1), ';')[0];
    expect(row).toEqual([
      "'=1+1",
      "'+33 6",
      "'-2",
      "'@SUM(A1)",
      "'\tTAB",
      "'\rCR",
      'ok = fine',
      'a@b.fr',
      '-12,34',
    ]);
  });

  it('writes cents as exact decimals', () => {
    expect(centsToDecimal(123456, ',')).toEqual({ number: '1234,56' });
    expect(centsToDecimal(5, '.')).toEqual({ number: '0.05' });
    expect(centsToDecimal(-5, '.')).toEqual({ number: '-0.05' });
    expect(centsToDecimal(0, ',')).toEqual({ number: '0,00' });
    expect(centsToDecimal(9_999_999_999_999, '.')).toEqual({ number: '99999999999.99' });
  });
});
