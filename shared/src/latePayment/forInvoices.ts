import { z } from 'zod';
import type { IsoDate } from '../schemas/common';
import { currency, isoDate, nonNegativeCents } from '../schemas/common';
import { type Invoice, jurisdiction } from '../schemas/records';
import { computeLatePayment, type LatePaymentResult } from './computeLatePayment';
import { LatePaymentInputError } from './errors';
import type { RateTable } from './rateTable';

/**
 * Late-payment amounts for several invoices, e.g. the ones a grouped reminder or a formal notice
 * covers: each invoice is computed on its own (one fixed indemnity per invoice), then summed per
 * currency.
 */

const latePaymentItem = z.object({
  /** Your reference for the invoice (id or number), handed back as is. */
  ref: z.string().optional(),
  amountCents: nonNegativeCents,
  currency,
  dueDate: isoDate,
  contractualRatePercent: z.number().min(0).max(100).optional(),
  /** Overrides the jurisdiction given for the whole batch. */
  jurisdiction: jurisdiction.optional(),
  /** The formal notice sent for this invoice (consumers owe interest from it). */
  formalNoticeDate: isoDate.optional(),
});
export type LatePaymentItem = z.input<typeof latePaymentItem>;

const latePaymentBatchInput = z.object({
  invoices: z.array(latePaymentItem).max(1000),
  asOf: isoDate,
  jurisdiction,
  table: z.custom<RateTable>((t) => typeof t === 'object' && t !== null).optional(),
});
export type LatePaymentBatchInput = z.input<typeof latePaymentBatchInput>;

export interface LatePaymentTotals {
  currency: string;
  amountCents: number;
  interestCents: number;
  indemnityCents: number;
  totalCents: number;
  amountWithLatePaymentCents: number;
  /** How many of the invoices in this currency are late on `asOf`. */
  lateInvoices: number;
}

export interface LatePaymentSummary {
  invoices: Array<LatePaymentResult & { ref?: string }>;
  /** One entry per currency, in the order currencies first appear. */
  totals: LatePaymentTotals[];
  rateUnknownAfter: IsoDate | null;
}

/** The late-payment item of an invoice snapshot: what is still due, with its own terms. */
export function latePaymentItemFromInvoice(invoice: Invoice): LatePaymentItem {
  return {
    ref: invoice.id,
    amountCents: invoice.amountDueCents,
    currency: invoice.currency,
    dueDate: invoice.dueDate,
    contractualRatePercent: invoice.penaltyRatePercent,
    jurisdiction: invoice.jurisdiction,
  };
}

export function latePaymentForInvoices(input: LatePaymentBatchInput): LatePaymentSummary {
  const parsed = latePaymentBatchInput.safeParse(input);
  if (!parsed.success) throw new LatePaymentInputError(parsed.error);
  const { invoices, asOf, table } = parsed.data;

  const results = invoices.map(({ ref, jurisdiction: own, ...item }) => ({
    ...computeLatePayment({ ...item, asOf, jurisdiction: own ?? parsed.data.jurisdiction, table }),
    ...(ref === undefined ? {} : { ref }),
  }));

  const totals = new Map<string, LatePaymentTotals>();
  for (const r of results) {
    const t = totals.get(r.currency) ?? {
      currency: r.currency,
      amountCents: 0,
      interestCents: 0,
      indemnityCents: 0,
      totalCents: 0,
      amountWithLatePaymentCents: 0,
      lateInvoices: 0,
    };
    t.amountCents += r.amountCents;
    t.interestCents += r.interestCents;
    t.indemnityCents += r.indemnityCents;
    t.totalCents += r.totalCents;
    t.amountWithLatePaymentCents += r.amountWithLatePaymentCents;
    if (r.daysLate > 0 && r.amountCents > 0) t.lateInvoices += 1;
    totals.set(r.currency, t);
  }

  const unknown = results.flatMap((r) => (r.rateUnknownAfter ? [r.rateUnknownAfter] : [])).sort();
  return { invoices: results, totals: [...totals.values()], rateUnknownAfter: unknown[0] ?? null };
}
