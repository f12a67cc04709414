import { describe, expect, it } from 'vitest';
import { parseAmount, tryParseAmount } from './amount';
import { ParseError } from './errors';

const eur = (cents: number) => ({ cents, currency: 'EUR' });

describe('parseAmount: French writing', () => {
  it.each([
    ['1 234,56 €', 123456],
    ['1\u00a0234,56\u00a0€', 123456], // no-break spaces
    ['1\u202f234,56\u00a0€', 123456], // narrow no-break space, as Intl writes it
    ['1 234 567,89 €', 123456789],
    ['1.234,56 EUR', 123456],
    ['1.234.567,89 €', 123456789],
    ['12 €', 1200],
    ['12,5 €', 1250],
    ['0,99 €', 99],
    ['EUR 1 234,56', 123456],
    ['1 234,56 euros', 123456],
    ['1 234,56 € TTC', 123456],
    ['1 234,56 € HT', 123456],
    ['  1 234,56 €  ', 123456],
  ])('%s', (text, cents) => {
    expect(parseAmount(text, { locale: 'fr' })).toEqual(eur(cents));
  });

  it('reads negative amounts', () => {
    expect(parseAmount('-12,00 €')).toEqual(eur(-1200));
    expect(parseAmount('\u221212,00 €')).toEqual(eur(-1200)); // Unicode minus sign
    expect(parseAmount('- 1 234,56 €')).toEqual(eur(-123456));
    expect(parseAmount('(12.00)', { locale: 'en' })).toEqual(eur(-1200));
    expect(parseAmount('-0,00 €')).toEqual(eur(0));
    expect(Object.is(parseAmount('-0,00 €').cents, 0)).toBe(true);
  });
});

describe('parseAmount: English and other writing', () => {
  it.each([
    ['€1,234.56', 123456, 'EUR'],
    ['$1,234.56', 123456, 'USD'],
    ['$0.99', 99, 'USD'],
    ['£70', 7000, 'GBP'],
    ['£1,000,000.00', 100000000, 'GBP'],
    ['-€12', -1200, 'EUR'],
    ['€-12.50', -1250, 'EUR'],
    ['US$ 12.00', 1200, 'USD'],
    ['1 234,56 $US', 123456, 'USD'],
    ['CA$5', 500, 'CAD'],
    ["CHF 1'234.50", 123450, 'CHF'],
    ['CHF 1’234.50', 123450, 'CHF'], // typographic apostrophe
    ['1234.5 usd', 123450, 'USD'],
    ['GBP 70', 7000, 'GBP'],
    ['¥1,234', 1234, 'JPY'],
  ])('%s', (text, cents, currency) => {
    expect(parseAmount(text)).toEqual({ cents, currency });
  });

  it('uses the default currency when none is written (EUR unless told)', () => {
    expect(parseAmount('1234.5')).toEqual(eur(123450));
    expect(parseAmount('1234.5', { defaultCurrency: 'GBP' })).toEqual({ cents: 123450, currency: 'GBP' });
    expect(parseAmount('1 234,56')).toEqual(eur(123456));
  });

  it('reads a bare $ as the default currency when that is a dollar', () => {
    expect(parseAmount('$12', { defaultCurrency: 'CAD' })).toEqual({ cents: 1200, currency: 'CAD' });
    expect(parseAmount('$12', { defaultCurrency: 'EUR' })).toEqual({ cents: 1200, currency: 'USD' });
  });
});

describe('parseAmount: which mark is decimal', () => {
  it('takes the last of two different marks as decimal', () => {
    expect(parseAmount('1.234,5').cents).toBe(123450);
    expect(parseAmount('1,234.5').cents).toBe(123450);
  });

  it('takes a mark repeated as digit grouping', () => {
    expect(parseAmount('1,234,567').cents).toBe(123456700);
    expect(parseAmount('1.234.567').cents).toBe(123456700);
  });

  it('takes a single mark not followed by three digits as decimal', () => {
    expect(parseAmount('1,5').cents).toBe(150);
    expect(parseAmount('1.50', { locale: 'fr' }).cents).toBe(150);
    expect(parseAmount('1,50', { locale: 'en' }).cents).toBe(150);
  });

  it('reads 1,234 and 1.234 as one thousand two hundred and thirty-four for two-decimal currencies', () => {
    for (const locale of ['fr', 'en'] as const) {
      expect(parseAmount('1,234 €', { locale }).cents).toBe(123400);
      expect(parseAmount('1.234 €', { locale }).cents).toBe(123400);
      expect(parseAmount('$1,234', { locale }).cents).toBe(123400);
    }
  });

  it('lets the locale decide for three-decimal currencies', () => {
    expect(parseAmount('1,234 KWD', { locale: 'fr' })).toEqual({ cents: 1234, currency: 'KWD' });
    expect(parseAmount('1,234 KWD', { locale: 'en' })).toEqual({ cents: 1234000, currency: 'KWD' });
    expect(parseAmount('1.234 KWD', { locale: 'en' })).toEqual({ cents: 1234, currency: 'KWD' });
    expect(parseAmount('1.234 KWD', { locale: 'fr' })).toEqual({ cents: 1234000, currency: 'KWD' });
  });

  it('accepts extra decimals only when they are zeros', () => {
    expect(parseAmount('12,500 €', { locale: 'fr' }).cents).toBe(1250000); // grouping: 12 500 €
    expect(parseAmount('1 234,500 €').cents).toBe(123450);
    expect(() => parseAmount('0,125 €')).toThrow(/more decimals than EUR has \(2\)/);
    expect(() => parseAmount('1234.567 €')).toThrow(/more decimals/);
  });
});

describe('parseAmount: exactness', () => {
  it('never goes through floats', () => {
    // 1.15 * 100 = 114.99999999999999 and 4.35 * 100 = 434.99999999999994 in floating point.
    expect(parseAmount('1,15 €').cents).toBe(115);
    expect(parseAmount('4,35 €').cents).toBe(435);
    expect(parseAmount('90 071 992 547 409,91 €').cents).toBe(9007199254740991);
  });

  it('refuses amounts beyond exact integers', () => {
    expect(() => parseAmount('900 719 925 474 099,92 €')).toThrow(/too large/);
  });
});

describe('parseAmount: errors', () => {
  it.each([
    ['abc', /no digits/],
    ['', /empty/],
    ['   ', /empty/],
    ['€', /no digits/],
    ['12 34 €', /grouped by three/],
    ['1,23,456', /grouped by three/],
    ['1 234.567,89', /mixed digit-group separators/],
    ['12 XYZ', /"XYZ" is not a currency/],
    ['€12 USD', /two currencies \(EUR and USD\)/],
    ['2 x 12,00 €', /single number/],
    ['--12', /more than one sign/],
    ['12,00 € env.', /not a currency/],
  ])('%j', (text, reason) => {
    expect(() => parseAmount(text)).toThrow(ParseError);
    expect(() => parseAmount(text)).toThrow(reason);
  });

  it('names the text in the message', () => {
    expect(() => parseAmount('abc')).toThrow('Cannot read "abc" as an amount: no digits');
    expect(() => parseAmount('')).toThrow('Cannot read an empty text as an amount');
    try {
      parseAmount('12 XYZ');
    } catch (error) {
      expect(error).toBeInstanceOf(ParseError);
      expect((error as ParseError).text).toBe('12 XYZ');
      expect((error as ParseError).kind).toBe('amount');
    }
  });

  it('tryParseAmount returns null instead of throwing', () => {
    expect(tryParseAmount('abc')).toBeNull();
    expect(tryParseAmount('')).toBeNull();
    expect(tryParseAmount('12 €')).toEqual(eur(1200));
  });
});
