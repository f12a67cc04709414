import { type Activity, evaluateInvoice, type Invoice, type InvoicePolicyState } from '@relance/shared';
import type { TeamSnapshot } from '../queries/snapshot';

/** One invoice as the dashboard sees it today: the policy's verdict and what is left to pay. */
export interface InvoiceFigure {
  invoice: Invoice;
  state: InvoicePolicyState;
  clientName: string;
  /** Neither closed (paid, cancelled, nothing due) nor a draft: it still counts as a receivable. */
  open: boolean;
  /** Open and past its due date. */
  overdue: boolean;
  /**
   * What is left to pay: the amount due read from the page, less payments the team recorded that
   * the page does not show yet — `min(amountDue, (total ?? amountDue) − paid)`, never below 0.
   * 0 when the invoice is not open.
   */
  outstandingCents: number;
}

/**
 * Runs the policy engine (`evaluateInvoice`, with the team's schedule) on every invoice. Each one
 * is given its client's activities, so that payments towards a promise or a plan covering several
 * invoices count, as the engine expects.
 */
export function evaluateInvoices(snapshot: TeamSnapshot): InvoiceFigure[] {
  const byClient = new Map<string, Activity[]>();
  const byInvoice = new Map<string, Activity[]>();
  for (const a of snapshot.activities) {
    push(byClient, a.clientId, a);
    for (const id of a.invoiceIds) push(byInvoice, id, a);
  }
  return snapshot.invoices.map((invoice) => {
    const own = byInvoice.get(invoice.id) ?? [];
    const ofClient = invoice.clientId ? (byClient.get(invoice.clientId) ?? []) : [];
    const activities = ofClient.length === 0 ? own : [...new Set([...ofClient, ...own])];
    const state = evaluateInvoice({
      invoice,
      activities,
      schedule: snapshot.settings.schedule,
      today: snapshot.today,
    });
    const open = !state.closed && invoice.status !== 'draft';
    const target = invoice.totalCents ?? invoice.amountDueCents;
    const outstandingCents = open
      ? Math.max(0, Math.min(invoice.amountDueCents, target - state.paidCents))
      : 0;
    return {
      invoice,
      state,
      clientName: (invoice.clientId && snapshot.clients.get(invoice.clientId)?.name) || invoice.clientName,
      open,
      overdue: open && state.daysOverdue > 0 && outstandingCents > 0,
      outstandingCents,
    };
  });
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
