import type { Activity } from '../schemas/activity';
import type { IsoDate } from '../schemas/common';
import type { Invoice } from '../schemas/records';
import type { ClosedReason } from './types';

export interface Settlement {
  closed: boolean;
  reason: ClosedReason | null;
  paidOn: IsoDate | null;
  /** Payments recorded for this invoice alone. */
  paidCents: number;
}

/**
 * Is the invoice paid? Yes when the invoicing site says paid or cancelled, when nothing is left
 * due, when a payment recorded as settling it arrived, or when the payments recorded for it
 * reach its amount.
 *
 * The amount payments are measured against is the invoice total when the page shows one: the
 * amount still due read from the page may already net off payments the team also recorded, and
 * counting those twice would stop reminders on an invoice that is not paid. A payment recorded
 * for several invoices at once counts only when it settles them: how it splits is not known.
 *
 * `activities` are those concerning the invoice, oldest first, up to today.
 */
export function settlementOf(invoice: Invoice, activities: readonly Activity[]): Settlement {
  const payments = activities.filter((a) => a.type === 'payment-received');
  const target = invoice.totalCents ?? invoice.amountDueCents;

  let paidCents = 0;
  let coveredOn: IsoDate | null = null;
  let coveredBy: ClosedReason | null = null;
  for (const payment of payments) {
    if (payment.invoiceIds.length === 1) paidCents += payment.amountCents;
    if (coveredOn !== null) continue;
    if (payment.settles) {
      coveredOn = payment.date;
      coveredBy = 'settled';
    } else if (target > 0 && paidCents >= target) {
      coveredOn = payment.date;
      coveredBy = 'payments-cover-amount';
    }
  }

  if (invoice.status === 'cancelled') return { closed: true, reason: 'cancelled', paidOn: null, paidCents };
  if (invoice.status === 'paid') return { closed: true, reason: 'paid', paidOn: coveredOn, paidCents };
  if (coveredOn !== null) return { closed: true, reason: coveredBy, paidOn: coveredOn, paidCents };
  if (invoice.amountDueCents === 0) return { closed: true, reason: 'nothing-due', paidOn: null, paidCents };
  return { closed: false, reason: null, paidOn: null, paidCents };
}
