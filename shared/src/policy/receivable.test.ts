import { describe, expect, it } from 'vitest';
import type { Invoice } from '../schemas/records';
import { receivableOf } from './receivable';

const invoice = (over: Partial<Invoice> = {}) => ({
  status: 'unpaid' as const,
  amountDueCents: 100_00,
  ...over,
});
const state = (over: { closed?: boolean; daysOverdue?: number; paidCents?: number } = {}) => ({
  closed: false,
  daysOverdue: 10,
  paidCents: 0,
  ...over,
});

describe('receivableOf', () => {
  it('is the amount due while nothing was recorded', () => {
    expect(receivableOf(invoice(), state())).toEqual({ open: true, overdue: true, outstandingCents: 100_00 });
  });

  it('takes recorded payments off the total, never above what the page says is due', () => {
    // Total 100, page says 60 left (it knows of 40 paid); the team recorded those 40 too: 60 left, not 20.
    expect(
      receivableOf(invoice({ totalCents: 100_00, amountDueCents: 60_00 }), state({ paidCents: 40_00 })),
    ).toMatchObject({ outstandingCents: 60_00 });
    // The team recorded 70 the page does not show yet: 30 left.
    expect(
      receivableOf(invoice({ totalCents: 100_00, amountDueCents: 100_00 }), state({ paidCents: 70_00 })),
    ).toMatchObject({ outstandingCents: 30_00, overdue: true });
    // Without a total, payments come off the amount due.
    expect(receivableOf(invoice(), state({ paidCents: 25_00 }))).toMatchObject({ outstandingCents: 75_00 });
  });

  it('is not overdue before the due date, when fully covered, closed, a draft or cancelled', () => {
    expect(receivableOf(invoice(), state({ daysOverdue: 0 }))).toEqual({
      open: true,
      overdue: false,
      outstandingCents: 100_00,
    });
    expect(receivableOf(invoice(), state({ paidCents: 120_00 }))).toMatchObject({
      overdue: false,
      outstandingCents: 0,
    });
    expect(receivableOf(invoice(), state({ closed: true }))).toEqual({
      open: false,
      overdue: false,
      outstandingCents: 0,
    });
    for (const status of ['draft', 'cancelled'] as const) {
      expect(receivableOf(invoice({ status }), state())).toEqual({
        open: false,
        overdue: false,
        outstandingCents: 0,
      });
    }
  });
});
