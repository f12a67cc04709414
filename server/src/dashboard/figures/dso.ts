import { addDays, type IsoDate } from '@relance/shared';
import type { InvoiceFigure } from './evaluate';
import { addMoney, currenciesOf, type MoneyByCurrency } from './money';

/** The DSO window: what was billed over the last 90 days. */
export const DSO_WINDOW_DAYS = 90;

/**
 * Invoices read without an issue date are dated this many days before their due date: 30 days
 * is the French default payment term (Code de commerce, L441-10) and the most common one.
 */
export const ASSUMED_PAYMENT_TERM_DAYS = 30;

export interface Dso {
  currency: string;
  /** Whole days, or null when nothing was billed in the window. */
  days: number | null;
  receivablesCents: number;
  billedCents: number;
}

/**
 * Days sales outstanding, by the usual simple method, from the invoice snapshots:
 *
 *   DSO = receivables ÷ billed over the last 90 days × 90
 *
 * - receivables: what is left to pay on every open invoice today, overdue or not;
 * - billed: the total (or, when the page showed none, the amount due) of every invoice issued
 *   in the 90 days up to today, paid ones included, cancelled ones and drafts excluded.
 *
 * Only the invoices the team's extension has seen count: an invoice never opened with Relance
 * is in neither figure. One DSO per currency, main currency first.
 */
export function daysSalesOutstanding(figures: readonly InvoiceFigure[], today: IsoDate): Dso[] {
  const windowStart = addDays(today, -(DSO_WINDOW_DAYS - 1));
  const receivables: MoneyByCurrency = {};
  const billed: MoneyByCurrency = {};
  for (const { invoice, open, outstandingCents } of figures) {
    if (open) addMoney(receivables, invoice.currency, outstandingCents);
    if (invoice.status === 'cancelled' || invoice.status === 'draft') continue;
    const issued = invoice.issueDate ?? addDays(invoice.dueDate, -ASSUMED_PAYMENT_TERM_DAYS);
    if (issued >= windowStart && issued <= today) {
      addMoney(billed, invoice.currency, invoice.totalCents ?? invoice.amountDueCents);
    }
  }
  return currenciesOf(receivables).map((currency) => {
    const receivablesCents = receivables[currency] ?? 0;
    const billedCents = billed[currency] ?? 0;
    return {
      currency,
      receivablesCents,
      billedCents,
      days: billedCents > 0 ? Math.round((receivablesCents / billedCents) * DSO_WINDOW_DAYS) : null,
    };
  });
}
