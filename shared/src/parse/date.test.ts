import { describe, expect, it } from 'vitest';
import { parseDate, tryParseDate } from './date';
import { ParseError } from './errors';

describe('parseDate: numbers', () => {
  it.each([
    ['12/03/2026', 'fr', '2026-03-12'],
    ['03/12/2026', 'en', '2026-03-12'], // en-US: month first
    ['03/12/2026', 'fr', '2026-12-03'],
    ['12.03.2026', 'fr', '2026-03-12'],
    ['12.03.2026', 'en', '2026-03-12'], // dots are always day first
    ['12-03-2026', 'fr', '2026-03-12'],
    ['12/03/26', 'fr', '2026-03-12'],
    ['1/3/2026', 'fr', '2026-03-01'],
    ['12/03/2026 14:30', 'fr', '2026-03-12'],
    ['12/03/2026 14h30', 'fr', '2026-03-12'],
    ['2026-03-12', 'en', '2026-03-12'],
    ['2026/03/12', 'fr', '2026-03-12'],
    ['29/02/2028', 'fr', '2028-02-29'], // leap year
  ] as const)('%s (%s)', (text, locale, expected) => {
    expect(parseDate(text, { locale })).toBe(expected);
  });

  it.each([
    ['en-GB', '2026-12-03'],
    ['en-IE', '2026-12-03'],
    ['en-AU', '2026-12-03'],
    ['en-NZ', '2026-12-03'],
    ['en-IN', '2026-12-03'],
    ['en_GB', '2026-12-03'],
    ['fr-CA', '2026-12-03'],
    ['de-DE', '2026-12-03'],
    ['en-US', '2026-03-12'],
    ['en', '2026-03-12'],
    ['EN-us', '2026-03-12'],
    ['en-Latn-US', '2026-03-12'],
  ])('03/12/2026 on a page in %s', (locale, expected) => {
    expect(parseDate('03/12/2026', { locale })).toBe(expected);
  });

  it('reads day first by default (French first)', () => {
    expect(parseDate('12/03/2026')).toBe('2026-03-12');
  });

  it('swaps day and month when the expected order is impossible', () => {
    expect(parseDate('25/03/2026', { locale: 'en' })).toBe('2026-03-25');
    expect(parseDate('03/25/2026', { locale: 'fr' })).toBe('2026-03-25');
  });

  it('reads two-digit years around a pivot', () => {
    expect(parseDate('12/03/69')).toBe('2069-03-12');
    expect(parseDate('12/03/70')).toBe('1970-03-12');
    expect(parseDate('31/12/99')).toBe('1999-12-31');
    expect(parseDate('01/01/00')).toBe('2000-01-01');
  });
});

describe('parseDate: words', () => {
  it.each([
    ['12 mars 2026', '2026-03-12'],
    ['1er mars 2026', '2026-03-01'],
    ['12 MARS 2026', '2026-03-12'],
    ['12 mars. 2026', '2026-03-12'],
    ['12\u00a0mars\u00a02026', '2026-03-12'],
    ['le 12 mars 2026', '2026-03-12'],
    ['jeudi 12 mars 2026', '2026-03-12'],
    ['3 févr. 2026', '2026-02-03'],
    ['3 fevr 2026', '2026-02-03'],
    ['3 février 2026', '2026-02-03'],
    ['15 août 2026', '2026-08-15'],
    ['15 aout 2026', '2026-08-15'],
    ['15 AOÛT 2026', '2026-08-15'],
    ['24 déc. 2026', '2026-12-24'],
    ['24 dec 2026', '2026-12-24'],
    ['24 décembre 2026', '2026-12-24'],
    ['5 janv. 2026', '2026-01-05'],
    ['5 juil. 2026', '2026-07-05'],
    ['5 juin 2026', '2026-06-05'],
    ['5 sept. 2026', '2026-09-05'],
    ['Mar 12, 2026', '2026-03-12'],
    ['March 12, 2026', '2026-03-12'],
    ['March 12th, 2026', '2026-03-12'],
    ['Thu, Mar 12, 2026', '2026-03-12'],
    ['12 March 2026', '2026-03-12'],
    ['1st March 2026', '2026-03-01'],
    ['the 2nd of May 2026', '2026-05-02'],
    ['12 Mar. 2026', '2026-03-12'],
    ['12-Mar-2026', '2026-03-12'],
    ['12-mar-26', '2026-03-12'],
    ['Sept 30, 2026', '2026-09-30'],
  ])('%s', (text, expected) => {
    expect(parseDate(text)).toBe(expected);
    expect(parseDate(text, { locale: 'en' })).toBe(expected); // month words do not depend on locale
  });
});

describe('parseDate: errors', () => {
  it.each([
    ['abc', /expected a date like/],
    ['', /empty/],
    ['31/02/2026', /not a real calendar date \(there is no day 31 in month 2 of 2026\)/],
    ['29/02/2026', /not a real calendar date/],
    ['31 avril 2026', /not a real calendar date/],
    ['00/03/2026', /not a real calendar date/],
    ['13/13/2026', /no month 13/],
    ['2026-13-01', /no month 13/],
    ['12/03/0026', /year 26 is out of range/],
    ['12/03/126', /expected a date like/],
    ['12 marsh 2026', /"marsh" is not a month name/],
    ['mars 2026', /expected a date like/],
    ['12 mars', /expected a date like/],
    ['12/03-2026', /expected a date like/],
    ['32 mars 2026', /not a real calendar date/],
  ])('%j', (text, reason) => {
    expect(() => parseDate(text)).toThrow(ParseError);
    expect(() => parseDate(text)).toThrow(reason);
  });

  it('names the text in the message', () => {
    expect(() => parseDate('abc')).toThrow(/^Cannot read "abc" as a date: /);
    expect(() => parseDate('31/02/2026')).toThrow('Cannot read "31/02/2026" as a date');
    expect(() => parseDate('')).toThrow('Cannot read an empty text as a date');
  });

  it('tryParseDate returns null instead of throwing', () => {
    expect(tryParseDate('abc')).toBeNull();
    expect(tryParseDate('31/02/2026')).toBeNull();
    expect(tryParseDate('')).toBeNull();
    expect(tryParseDate('12 mars 2026')).toBe('2026-03-12');
  });
});
