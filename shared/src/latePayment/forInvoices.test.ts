import { describe, expect, it } from 'vitest';
import type { Invoice } from '../schemas/records';
import { computeLatePayment } from './computeLatePayment';
import { latePaymentForInvoices, latePaymentItemFromInvoice } from './forInvoices';

describe('late payment for several invoices', () => {
  const asOf = '2025-08-14';

  it('sums interest and owes one indemnity per late invoice', () => {
    const summary = latePaymentForInvoices({
      asOf,
      jurisdiction: 'FR',
      invoices: [
        // Worked out in computeLatePayment.test.ts: 315,52 € interest.
        { ref: 'F-001', amountCents: 1_000_000, currency: 'EUR', dueDate: '2025-05-15' },
        // 4–14 Aug 2025 = 11 days at 12.15 %: 50 000 × 12.15 % × 11 / 365 = 183.08 → 183.
        { ref: 'F-002', amountCents: 50_000, currency: 'EUR', dueDate: '2025-08-03' },
        // Not yet due: nothing, and no indemnity.
        { ref: 'F-003', amountCents: 20_000, currency: 'EUR', dueDate: '2025-09-01' },
      ],
    });
    expect(summary.invoices.map((r) => [r.ref, r.interestCents, r.indemnityCents])).toEqual([
      ['F-001', 31_552, 4_000],
      ['F-002', 183, 4_000],
      ['F-003', 0, 0],
    ]);
    expect(summary.totals).toEqual([
      {
        currency: 'EUR',
        amountCents: 1_070_000,
        interestCents: 31_735,
        indemnityCents: 8_000,
        totalCents: 39_735,
        amountWithLatePaymentCents: 1_109_735,
        lateInvoices: 2,
      },
    ]);
    expect(summary.rateUnknownAfter).toBeNull();
  });

  it('keeps one total per currency and lets an invoice carry its own jurisdiction', () => {
    const summary = latePaymentForInvoices({
      asOf,
      jurisdiction: 'FR',
      invoices: [
        { amountCents: 100_000, currency: 'EUR', dueDate: '2025-08-03' },
        { amountCents: 100_000, currency: 'GBP', dueDate: '2025-08-03', jurisdiction: 'UK' },
      ],
    });
    expect(summary.totals.map((t) => [t.currency, t.indemnityCents])).toEqual([
      ['EUR', 4_000],
      ['GBP', 7_000],
    ]);
    expect(summary.invoices[1]).toEqual(
      computeLatePayment({
        amountCents: 100_000,
        currency: 'GBP',
        dueDate: '2025-08-03',
        asOf,
        jurisdiction: 'UK',
      }),
    );
  });

  it('reads an invoice snapshot: amount still due, its currency and its own penalty rate', () => {
    const invoice: Invoice = {
      id: '0190a8e2-0000-7000-8000-000000000001',
      number: 'F-2025-042',
      clientName: 'Boulangerie Martin',
      totalCents: 200_000,
      amountDueCents: 120_000,
      currency: 'EUR',
      dueDate: '2025-05-15',
      status: 'partial',
      penaltyRatePercent: 12,
    };
    expect(latePaymentItemFromInvoice(invoice)).toEqual({
      ref: invoice.id,
      amountCents: 120_000,
      currency: 'EUR',
      dueDate: '2025-05-15',
      contractualRatePercent: 12,
      jurisdiction: undefined,
    });
  });

  it('names the invoice at fault in its error', () => {
    expect(() =>
      latePaymentForInvoices({
        asOf,
        jurisdiction: 'FR',
        invoices: [
          { amountCents: 100, currency: 'EUR', dueDate: '2025-08-03' },
          { amountCents: -5, currency: 'EUR', dueDate: '2025-08-03' },
        ],
      }),
    ).toThrow(/invoices\.1\.amountCents: amount must not be negative/);
  });
});
