import { describe, expect, it } from 'vitest';
import { splitByHalfYear } from './halfYears';
import { simpleInterestCents } from './interest';
import { rateForHalfYear } from './jurisdictions';
import { DEFAULT_RATE_TABLE, legalInterestRates, parseRateTable, rateInForce } from './rateTable';

describe('the shipped rate table', () => {
  it('gives the French B2B penalty rates published for each half-year', () => {
    // Published "taux des pénalités de retard" (ECB rate on 1 Jan / 1 July + 10 points).
    const published: [string, number][] = [
      ['2022-07-01', 10],
      ['2023-01-01', 12.5],
      ['2023-07-01', 14],
      ['2024-01-01', 14.5],
      ['2024-07-01', 14.25],
      ['2025-01-01', 13.15],
      ['2025-07-01', 12.15],
      ['2026-01-01', 12.15],
    ];
    for (const [half, rate] of published) {
      expect([half, rateForHalfYear('FR', half, DEFAULT_RATE_TABLE).ratePercent]).toEqual([half, rate]);
    }
  });

  it('gives the UK statutory rates (base rate on 31 Dec / 30 June + 8 %)', () => {
    expect(rateForHalfYear('UK', '2024-01-01', DEFAULT_RATE_TABLE).ratePercent).toBe(13.25);
    expect(rateForHalfYear('UK', '2024-07-01', DEFAULT_RATE_TABLE).ratePercent).toBe(13.25);
    expect(rateForHalfYear('UK', '2025-01-01', DEFAULT_RATE_TABLE).ratePercent).toBe(12.75);
    expect(rateForHalfYear('UK', '2026-01-01', DEFAULT_RATE_TABLE).ratePercent).toBe(11.75);
  });

  it('looks up the rate in force on a day, a change counting from its own day', () => {
    const ecb = DEFAULT_RATE_TABLE.ecbMainRefinancing;
    expect(rateInForce(ecb, '2024-09-17', 'ECB').ratePercent).toBe(4.25);
    expect(rateInForce(ecb, '2024-09-18', 'ECB').ratePercent).toBe(3.65);
    expect(rateInForce(ecb, '2030-01-01', 'ECB')).toEqual({
      ratePercent: 2.15,
      unknownAfter: ecb.knownUntil,
    });
    expect(() => rateInForce(ecb, '2000-01-01', 'ECB')).toThrow(/No ECB rate is known before 2008-07-09/);
  });

  it('knows both French legal interest rates per half-year', () => {
    expect(legalInterestRates(DEFAULT_RATE_TABLE, '2025-08-14')).toEqual({
      privateCreditorPercent: 6.65,
      otherCasesPercent: 2.76,
      unknownAfter: null,
    });
    expect(legalInterestRates(DEFAULT_RATE_TABLE, '2024-03-01').otherCasesPercent).toBe(5.07);
  });

  it('records when it was last updated', () => {
    expect(DEFAULT_RATE_TABLE.updatedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('rate table validation', () => {
  const series = { source: 's', knownUntil: '2025-01-01', changes: [{ from: '2024-01-01', ratePercent: 1 }] };
  const table = {
    updatedOn: '2025-01-01',
    ecbMainRefinancing: series,
    boeBankRate: series,
    frLegalInterest: {
      source: 's',
      halfYears: [{ from: '2024-01-01', privateCreditorPercent: 1, otherCasesPercent: 1 }],
    },
  };

  it('accepts a well-formed table', () => {
    expect(parseRateTable(table).updatedOn).toBe('2025-01-01');
  });

  it('rejects changes out of order and half-years not starting on 1 January or 1 July', () => {
    const unordered = {
      ...series,
      changes: [
        { from: '2024-05-01', ratePercent: 1 },
        { from: '2024-01-01', ratePercent: 2 },
      ],
    };
    expect(() => parseRateTable({ ...table, boeBankRate: unordered })).toThrow(
      /boeBankRate\.changes: rate changes must be in increasing order/,
    );
    const badHalf = {
      source: 's',
      halfYears: [{ from: '2024-02-01', privateCreditorPercent: 1, otherCasesPercent: 1 }],
    };
    expect(() => parseRateTable({ ...table, frLegalInterest: badHalf })).toThrow(/1 January or 1 July/);
  });
});

describe('half-years and interest arithmetic', () => {
  it('splits a day range at 1 January and 1 July', () => {
    expect(splitByHalfYear('2024-06-30', '2025-01-02')).toEqual([
      { from: '2024-06-30', to: '2024-06-30', halfYearStart: '2024-01-01' },
      { from: '2024-07-01', to: '2024-12-31', halfYearStart: '2024-07-01' },
      { from: '2025-01-01', to: '2025-01-02', halfYearStart: '2025-01-01' },
    ]);
    expect(splitByHalfYear('2025-03-01', '2025-02-28')).toEqual([]);
  });

  it('computes interest exactly on large amounts', () => {
    // 100 000 000 000,00 € × 12.15 % × 365 / 365 = 12 150 000 000,00 € exactly.
    expect(simpleInterestCents(10_000_000_000_000, 12.15, 365)).toBe(1_215_000_000_000);
    expect(simpleInterestCents(0, 12.15, 365)).toBe(0);
  });
});
