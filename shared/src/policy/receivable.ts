import type { Invoice } from '../schemas/records';
import type { InvoicePolicyState } from './types';

/**
 * What an invoice still means as money owed, on the day the policy state was computed. One rule
 * for the popup, the notes panel, the compose panel, the reminders and letters, and the dashboard.
 */
export interface Receivable {
  /** Neither closed (paid, cancelled, nothing left) nor a draft: it still counts as owed. */
  open: boolean;
  /** Open, past its due date, and something is left to pay. */
  overdue: boolean;
  /**
   * What is left to pay: the amount due read from the page, less payments the team recorded that
   * the page does not show yet — `min(amountDue, (total ?? amountDue) − paid)`, never below 0;
   * 0 when the invoice is not open. Payments are measured against the total when the page shows
   * one, because the page's amount due may already net off payments the team also recorded.
   */
  outstandingCents: number;
}

export function receivableOf(
  invoice: Pick<Invoice, 'status' | 'amountDueCents' | 'totalCents'>,
  state: Pick<InvoicePolicyState, 'closed' | 'daysOverdue' | 'paidCents'>,
): Receivable {
  const open = !state.closed && invoice.status !== 'draft' && invoice.status !== 'cancelled';
  const target = invoice.totalCents ?? invoice.amountDueCents;
  const outstandingCents = open ? Math.max(0, Math.min(invoice.amountDueCents, target - state.paidCents)) : 0;
  return { open, overdue: open && state.daysOverdue > 0 && outstandingCents > 0, outstandingCents };
}
