import { describe, expect, it } from 'vitest';
import { computeLatePayment } from './computeLatePayment';
import { DEFAULT_RATE_TABLE, legalInterestRates, rateInForce } from './rateTable';
import { applyRateUpdates, withLegalInterestRate, withRateChange } from './rateUpdates';

describe('rates added by a team lead', () => {
  it('lay a new ECB rate over the shipped table, so the next half-year uses it without an extension release', () => {
    const updates = withRateChange(
      undefined,
      'ecbMainRefinancing',
      { from: '2026-06-17', ratePercent: 2.4, knownUntil: '2026-09-10' },
      { on: '2026-09-10', name: 'Élodie' },
    );
    const table = applyRateUpdates(DEFAULT_RATE_TABLE, updates);
    expect(rateInForce(table.ecbMainRefinancing, '2026-07-01', 'ECB')).toEqual({
      ratePercent: 2.4,
      unknownAfter: null,
    });
    // H2 2026 in France: 2.40 + 10 = 12.40 %, known: no "assumed rate" any more.
    // 1 000 000 × 12.4 % × 10 / 365 = 3 397.26 → 3 397.
    const r = computeLatePayment({
      amountCents: 1_000_000,
      currency: 'EUR',
      dueDate: '2026-06-30',
      asOf: '2026-07-10',
      jurisdiction: 'FR',
      table,
    });
    expect(r.segments.map((s) => [s.ratePercent, s.interestCents, s.rateUnknownAfter])).toEqual([
      [12.4, 3_397, null],
    ]);
    expect(updates.updatedBy).toBe('Élodie');
  });

  it('keeps the shipped entries, replaces one of the same day and only moves knownUntil forward', () => {
    const updates = withRateChange(
      { ecbMainRefinancing: { knownUntil: '2030-01-01', changes: [] } },
      'ecbMainRefinancing',
      { from: '2025-06-11', ratePercent: 2.2 },
      { on: '2026-09-10' },
    );
    const table = applyRateUpdates(DEFAULT_RATE_TABLE, updates);
    expect(table.ecbMainRefinancing.changes).toHaveLength(
      DEFAULT_RATE_TABLE.ecbMainRefinancing.changes.length,
    );
    expect(table.ecbMainRefinancing.changes.at(-1)).toEqual({ from: '2025-06-11', ratePercent: 2.2 });
    expect(table.ecbMainRefinancing.knownUntil).toBe('2030-01-01');
    expect(applyRateUpdates(DEFAULT_RATE_TABLE, undefined)).toBe(DEFAULT_RATE_TABLE);
  });

  it('a checked-until date alone ends the "assumed rate" for the days it covers', () => {
    const updates = withRateChange(
      undefined,
      'ecbMainRefinancing',
      { knownUntil: '2026-11-30' },
      { on: '2026-11-30' },
    );
    const table = applyRateUpdates(DEFAULT_RATE_TABLE, updates);
    expect(rateInForce(table.ecbMainRefinancing, '2026-07-01', 'ECB').unknownAfter).toBeNull();
    expect(rateInForce(DEFAULT_RATE_TABLE.ecbMainRefinancing, '2026-07-01', 'ECB').unknownAfter).toBe(
      DEFAULT_RATE_TABLE.ecbMainRefinancing.knownUntil,
    );
  });

  it('a half-year of the French legal interest rate, added by a lead, ends the assumed rate for consumers', () => {
    expect(legalInterestRates(DEFAULT_RATE_TABLE, '2026-08-01').unknownAfter).not.toBeNull();
    const updates = withLegalInterestRate(
      undefined,
      { from: '2026-07-01', privateCreditorPercent: 6.5, otherCasesPercent: 2.5 },
      { on: '2026-11-30', name: 'Élodie' },
    );
    const table = applyRateUpdates(DEFAULT_RATE_TABLE, updates);
    expect(legalInterestRates(table, '2026-08-01')).toEqual({
      privateCreditorPercent: 6.5,
      otherCasesPercent: 2.5,
      unknownAfter: null,
    });
    // The half-years before it are the shipped ones.
    expect(legalInterestRates(table, '2026-03-01').otherCasesPercent).toBe(2.62);
  });

  it('refuses a legal-rate entry that does not start a half-year', () => {
    expect(() =>
      withLegalInterestRate(
        undefined,
        { from: '2026-08-01', privateCreditorPercent: 6.5, otherCasesPercent: 2.5 },
        { on: '2026-11-30' },
      ),
    ).toThrow();
  });
});
