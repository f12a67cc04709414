import { describe, expect, it } from 'vitest';
import { computeLatePayment } from './computeLatePayment';
import { LatePaymentInputError } from './errors';
import { parseRateTable } from './rateTable';

// Every expected amount below was worked out by hand (shown in the comments) from the rates in
// rates.json: interest = amount × rate × days / 365, rounded half-up to the cent per segment.

describe('France, business to business', () => {
  it('splits 10 000,00 € due 2025-05-15, paid 2025-08-14, at 1 July', () => {
    const r = computeLatePayment({
      amountCents: 1_000_000,
      currency: 'EUR',
      dueDate: '2025-05-15',
      asOf: '2025-08-14',
      jurisdiction: 'FR',
    });
    expect(r.daysLate).toBe(91);
    expect(r.segments).toEqual([
      // 16 May – 30 June = 46 days. ECB rate in force on 1 Jan 2025: 3.15 (since 2024-12-18) + 10 = 13.15 %.
      // 1 000 000 × 13.15 % × 46 / 365 = 16 572.60 → 16 573 cents.
      {
        from: '2025-05-16',
        to: '2025-06-30',
        days: 46,
        ratePercent: 13.15,
        basis: 'statutory',
        referenceRatePercent: 3.15,
        interestCents: 16_573,
        rateUnknownAfter: null,
      },
      // 1 July – 14 August = 45 days. ECB rate in force on 1 July 2025: 2.15 (since 2025-06-11) + 10 = 12.15 %.
      // 1 000 000 × 12.15 % × 45 / 365 = 14 979.45 → 14 979 cents.
      {
        from: '2025-07-01',
        to: '2025-08-14',
        days: 45,
        ratePercent: 12.15,
        basis: 'statutory',
        referenceRatePercent: 2.15,
        interestCents: 14_979,
        rateUnknownAfter: null,
      },
    ]);
    // 165,73 + 149,79 = 315,52 € interest, + 40 € indemnity = 355,52 €.
    expect(r.interestCents).toBe(31_552);
    expect(r.fixedSum).toEqual({ amountCents: 4_000, currency: 'EUR' });
    expect(r.indemnityCents).toBe(4_000);
    expect(r.totalCents).toBe(35_552);
    expect(r.amountWithLatePaymentCents).toBe(1_035_552);
    expect(r.rateUnknownAfter).toBeNull();
    expect(r.dayCountBasis).toBe(365);
  });

  it('splits a delay spanning New Year', () => {
    const r = computeLatePayment({
      amountCents: 500_000,
      currency: 'EUR',
      dueDate: '2023-12-15',
      asOf: '2024-01-20',
      jurisdiction: 'FR',
    });
    expect(r.daysLate).toBe(36);
    // 16–31 Dec 2023 = 16 days at 4.00 (in force on 1 July 2023, since 2023-06-21) + 10 = 14 %:
    //   500 000 × 14 % × 16 / 365 = 3 068.49 → 3 068.
    // 1–20 Jan 2024 = 20 days at 4.50 (in force on 1 Jan 2024) + 10 = 14.5 %:
    //   500 000 × 14.5 % × 20 / 365 = 3 972.60 → 3 973.
    expect(r.segments.map((s) => [s.from, s.to, s.days, s.ratePercent, s.interestCents])).toEqual([
      ['2023-12-16', '2023-12-31', 16, 14, 3_068],
      ['2024-01-01', '2024-01-20', 20, 14.5, 3_973],
    ]);
    expect(r.interestCents).toBe(7_041);
    expect(r.totalCents).toBe(11_041);
  });

  it('keeps dividing by 365 in a leap year, counting 29 February as a day late', () => {
    // 16–29 Feb (14 days) + 1–15 Mar (15 days) = 29 days at 14.5 %:
    // 100 000 × 14.5 % × 29 / 365 = 1 152.05 → 1 152 (a /366 basis would give 1 148.91 → 1 149).
    const r = computeLatePayment({
      amountCents: 100_000,
      currency: 'EUR',
      dueDate: '2024-02-15',
      asOf: '2024-03-15',
      jurisdiction: 'FR',
    });
    expect(r.daysLate).toBe(29);
    expect(r.segments).toHaveLength(1);
    expect(r.interestCents).toBe(1_152);
  });

  it('raises a contractual rate below 3 × the legal interest rate to that floor', () => {
    // H2 2025 legal rate (other cases) 2.76 % → floor 8.28 %. 30 days:
    // 1 000 000 × 8.28 % × 30 / 365 = 6 805.48 → 6 805.
    const r = computeLatePayment({
      amountCents: 1_000_000,
      currency: 'EUR',
      dueDate: '2025-09-30',
      asOf: '2025-10-30',
      jurisdiction: 'FR',
      contractualRatePercent: 5,
    });
    expect(r.segments).toEqual([
      expect.objectContaining({
        ratePercent: 8.28,
        basis: 'legal-floor',
        referenceRatePercent: 2.76,
        days: 30,
      }),
    ]);
    expect(r.interestCents).toBe(6_805);
  });

  it('uses a contractual rate above the floor as it stands', () => {
    // 1 000 000 × 15 % × 30 / 365 = 12 328.77 → 12 329.
    const r = computeLatePayment({
      amountCents: 1_000_000,
      currency: 'EUR',
      dueDate: '2025-09-30',
      asOf: '2025-10-30',
      jurisdiction: 'FR',
      contractualRatePercent: 15,
    });
    expect(r.segments[0]).toMatchObject({ ratePercent: 15, basis: 'contractual' });
    expect(r.interestCents).toBe(12_329);
  });

  it('rounds each segment half-up', () => {
    // At 36.5 % a year the interest is amount × days / 1000: 2 500 × 1 / 1000 = 2.5 → 3 (half-up,
    // where banker's rounding would give 2), and 1 500 → 1.5 → 2.
    const at = (amountCents: number) =>
      computeLatePayment({
        amountCents,
        currency: 'EUR',
        dueDate: '2025-09-30',
        asOf: '2025-10-01',
        jurisdiction: 'FR',
        contractualRatePercent: 36.5,
      }).interestCents;
    expect(at(2_500)).toBe(3);
    expect(at(1_500)).toBe(2);
  });
});

describe('nothing before the due date', () => {
  it.each([
    ['before', '2025-05-01'],
    ['on', '2025-05-15'],
  ])('owes nothing %s the due date', (_, asOf) => {
    const r = computeLatePayment({
      amountCents: 1_000_000,
      currency: 'EUR',
      dueDate: '2025-05-15',
      asOf,
      jurisdiction: 'FR',
    });
    expect(r).toMatchObject({
      daysLate: 0,
      segments: [],
      interestCents: 0,
      indemnityCents: 0,
      totalCents: 0,
    });
    expect(r.fixedSum).toBeNull();
  });

  it('owes the indemnity from the first day late', () => {
    const r = computeLatePayment({
      amountCents: 1_000_000,
      currency: 'EUR',
      dueDate: '2025-05-15',
      asOf: '2025-05-16',
      jurisdiction: 'FR',
    });
    // 1 000 000 × 13.15 % × 1 / 365 = 360.27 → 360.
    expect(r).toMatchObject({ daysLate: 1, interestCents: 360, indemnityCents: 4_000, totalCents: 4_360 });
  });
});

describe('EU directive', () => {
  it('adds 8 points to the ECB rate of each half-year', () => {
    // 46 days at 3.15 + 8 = 11.15 %: 1 000 000 × 11.15 % × 46 / 365 = 14 052.05 → 14 052.
    // 45 days at 2.15 + 8 = 10.15 %: 1 000 000 × 10.15 % × 45 / 365 = 12 513.70 → 12 514.
    const r = computeLatePayment({
      amountCents: 1_000_000,
      currency: 'EUR',
      dueDate: '2025-05-15',
      asOf: '2025-08-14',
      jurisdiction: 'EU',
    });
    expect(r.segments.map((s) => [s.ratePercent, s.interestCents])).toEqual([
      [11.15, 14_052],
      [10.15, 12_514],
    ]);
    expect(r.indemnityCents).toBe(4_000);
    expect(r.totalCents).toBe(30_566);
  });

  it('reports the 40 EUR but leaves it out of totals in another currency', () => {
    const r = computeLatePayment({
      amountCents: 1_000_000,
      currency: 'USD',
      dueDate: '2025-05-15',
      asOf: '2025-08-14',
      jurisdiction: 'EU',
    });
    expect(r.fixedSum).toEqual({ amountCents: 4_000, currency: 'EUR' });
    expect(r.indemnityCents).toBe(0);
    expect(r.totalCents).toBe(r.interestCents);
  });
});

describe('United Kingdom', () => {
  it('fixes the Bank of England rate once per debt, on the 31 December or 30 June before interest starts', () => {
    // Interest starts 21 June 2025: the base rate on 31 Dec 2024 was 4.75 %, + 8 = 12.75 %, kept
    // after 1 July although the base rate was 4.25 % on 30 June 2025 (s.6 of the 1998 Act).
    // 21 June – 10 July = 20 days: 100 000 × 12.75 % × 20 / 365 = 698.63 → 699.
    const r = computeLatePayment({
      amountCents: 100_000,
      currency: 'GBP',
      dueDate: '2025-06-20',
      asOf: '2025-07-10',
      jurisdiction: 'UK',
    });
    expect(
      r.segments.map((s) => [s.from, s.to, s.days, s.referenceRatePercent, s.ratePercent, s.interestCents]),
    ).toEqual([['2025-06-21', '2025-07-10', 20, 4.75, 12.75, 699]]);
    // Exactly £1,000 is not "under £1,000": £70.
    expect(r.indemnityCents).toBe(7_000);
    expect(r.totalCents).toBe(7_699);
  });

  it('claims £825.00 on £10,000 due 1 March 2022, on 1 March 2023 (rate of 31 Dec 2021: 0.25 % + 8)', () => {
    // Bank Rate rose from 0.25 % to 3.50 % during the year; the debt keeps 8.25 %:
    // 1 000 000 × 8.25 % × 365 / 365 = 82 500 pence. Re-reading each half-year would give £928.83.
    const r = computeLatePayment({
      amountCents: 1_000_000,
      currency: 'GBP',
      dueDate: '2022-03-01',
      asOf: '2023-03-01',
      jurisdiction: 'UK',
    });
    expect(r.daysLate).toBe(365);
    expect(r.segments).toHaveLength(1);
    expect(r.segments[0]).toMatchObject({ referenceRatePercent: 0.25, ratePercent: 8.25, days: 365 });
    expect(r.interestCents).toBe(82_500);
    expect(r.indemnityCents).toBe(10_000); // £100 from £10,000
  });

  it('starts interest on 1 July with the base rate of 30 June', () => {
    // Due 30 June 2025, interest from 1 July: 30 June 2025 rate 4.25 % + 8 = 12.25 %, 10 days:
    // 100 000 × 12.25 % × 10 / 365 = 335.62 → 336.
    const r = computeLatePayment({
      amountCents: 100_000,
      currency: 'GBP',
      dueDate: '2025-06-30',
      asOf: '2025-07-10',
      jurisdiction: 'UK',
    });
    expect(r.segments.map((s) => [s.referenceRatePercent, s.ratePercent, s.interestCents])).toEqual([
      [4.25, 12.25, 336],
    ]);
  });
  it.each([
    [99_999, 4_000],
    [100_000, 7_000],
    [999_999, 7_000],
    [1_000_000, 10_000],
  ])('owes the right fixed sum on a debt of %i pence', (amountCents, fixed) => {
    const r = computeLatePayment({
      amountCents,
      currency: 'GBP',
      dueDate: '2025-06-20',
      asOf: '2025-06-21',
      jurisdiction: 'UK',
    });
    expect(r.fixedSum).toEqual({ amountCents: fixed, currency: 'GBP' });
    expect(r.indemnityCents).toBe(fixed);
  });
});

describe('consumers (B2C)', () => {
  it('owes legal interest from the formal notice only (Code civil 1231-6), no indemnity, whatever the terms say', () => {
    // Due 1 March 2025, formal notice sent 1 March... interest from the day after the notice.
    // Notice on 11 March: 12–31 March 2025 = 20 days at the H1 2025 legal rate, other cases, 3.71 %:
    // 200 000 × 3.71 % × 20 / 365 = 406.58 → 407.
    const r = computeLatePayment({
      amountCents: 200_000,
      currency: 'EUR',
      dueDate: '2025-03-01',
      asOf: '2025-03-31',
      jurisdiction: 'B2C',
      contractualRatePercent: 20,
      formalNoticeDate: '2025-03-11',
    });
    expect(r.interestFrom).toBe('2025-03-12');
    expect(r.segments).toEqual([
      expect.objectContaining({ from: '2025-03-12', ratePercent: 3.71, basis: 'legal-interest', days: 20 }),
    ]);
    expect(r.interestCents).toBe(407);
    expect(r.fixedSum).toBeNull();
    expect(r.indemnityCents).toBe(0);
    expect(r.totalCents).toBe(407);
  });

  it('owes nothing yet before a formal notice was sent', () => {
    const r = computeLatePayment({
      amountCents: 200_000,
      currency: 'EUR',
      dueDate: '2025-03-01',
      asOf: '2025-03-31',
      jurisdiction: 'B2C',
    });
    expect(r).toMatchObject({
      daysLate: 30,
      interestFrom: null,
      segments: [],
      interestCents: 0,
      totalCents: 0,
    });
  });

  it('never runs before the due date, even when the notice came early', () => {
    const r = computeLatePayment({
      amountCents: 200_000,
      currency: 'EUR',
      dueDate: '2025-03-01',
      asOf: '2025-03-31',
      jurisdiction: 'B2C',
      formalNoticeDate: '2025-02-20',
    });
    expect(r.interestFrom).toBe('2025-03-02');
    // 30 days: 200 000 × 3.71 % × 30 / 365 = 609.86 → 610.
    expect(r.interestCents).toBe(610);
  });
});

describe('rates beyond the table', () => {
  it('uses the last known rate and says from when it is an estimate', () => {
    const r = computeLatePayment({
      amountCents: 1_000_000,
      currency: 'EUR',
      dueDate: '2026-06-20',
      asOf: '2026-07-10',
      jurisdiction: 'FR',
    });
    // H1 2026: ECB on 1 Jan 2026 is known (2.15, checked until 2026-02-05); H2 2026 is not.
    expect(r.segments.map((s) => [s.ratePercent, s.rateUnknownAfter])).toEqual([
      [12.15, null],
      [12.15, '2026-02-05'],
    ]);
    expect(r.rateUnknownAfter).toBe('2026-02-05');
  });

  it('flags a legal interest half-year the table does not list yet', () => {
    const r = computeLatePayment({
      amountCents: 100_000,
      currency: 'EUR',
      dueDate: '2026-07-01',
      asOf: '2026-07-31',
      jurisdiction: 'B2C',
      formalNoticeDate: '2026-07-01',
    });
    expect(r.segments[0]).toMatchObject({ ratePercent: 2.62, rateUnknownAfter: '2026-06-30' });
    expect(r.rateUnknownAfter).toBe('2026-06-30');
  });

  it('computes from another table given as data', () => {
    const table = parseRateTable({
      updatedOn: '2030-01-01',
      ecbMainRefinancing: {
        source: 'test',
        knownUntil: '2030-12-31',
        changes: [{ from: '2029-01-01', ratePercent: 1 }],
      },
      boeBankRate: {
        source: 'test',
        knownUntil: '2030-12-31',
        changes: [{ from: '2029-01-01', ratePercent: 2 }],
      },
      frLegalInterest: {
        source: 'test',
        halfYears: [{ from: '2030-01-01', privateCreditorPercent: 5, otherCasesPercent: 1 }],
      },
    });
    // 365 days of 2030-H1+H2 at 1 + 10 = 11 %: 181 + 184 days → 100 000 × 11 % × 181 / 365 = 5 454.79 → 5 455
    // and 100 000 × 11 % × 184 / 365 = 5 545.21 → 5 545.
    const r = computeLatePayment({
      amountCents: 100_000,
      currency: 'EUR',
      dueDate: '2029-12-31',
      asOf: '2030-12-31',
      jurisdiction: 'FR',
      table,
    });
    expect(r.segments.map((s) => [s.days, s.ratePercent, s.interestCents])).toEqual([
      [181, 11, 5_455],
      [184, 11, 5_545],
    ]);
    expect(r.rateUnknownAfter).toBeNull();
  });

  it('refuses a date before the first rate it knows', () => {
    expect(() =>
      computeLatePayment({
        amountCents: 100_000,
        currency: 'EUR',
        dueDate: '2014-03-01',
        asOf: '2014-04-01',
        jurisdiction: 'B2C',
        formalNoticeDate: '2014-03-01',
      }),
    ).toThrow(/No French legal interest rate is known before 2015-01-01/);
  });
});

describe('invalid input', () => {
  const valid = {
    amountCents: 100_000,
    currency: 'EUR',
    dueDate: '2025-05-15',
    asOf: '2025-06-15',
    jurisdiction: 'FR' as const,
  };

  it('rejects a negative amount with a clear message', () => {
    expect(() => computeLatePayment({ ...valid, amountCents: -1 })).toThrow(LatePaymentInputError);
    expect(() => computeLatePayment({ ...valid, amountCents: -1 })).toThrow(
      /amountCents[\s\S]*must not be negative/,
    );
  });

  it('rejects dates that are not real YYYY-MM-DD dates', () => {
    expect(() => computeLatePayment({ ...valid, dueDate: '2025-02-30' })).toThrow(
      /dueDate[\s\S]*not a real calendar date/,
    );
    expect(() => computeLatePayment({ ...valid, asOf: '15/06/2025' })).toThrow(/asOf[\s\S]*YYYY-MM-DD/);
  });

  it('rejects fractional cents and unknown jurisdictions', () => {
    expect(() => computeLatePayment({ ...valid, amountCents: 10.5 })).toThrow(/integer cents/);
    // @ts-expect-error: not a jurisdiction
    expect(() => computeLatePayment({ ...valid, jurisdiction: 'US' })).toThrow(/jurisdiction/);
  });
});
