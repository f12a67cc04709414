import {
  type Activity,
  evaluateInvoice,
  type Invoice,
  type InvoicePolicyState,
  type Receivable,
  receivableOf,
} from '@relance/shared';
import type { TeamSnapshot } from '../queries/snapshot';

/** One invoice as the dashboard sees it today: the policy's verdict and what is left to pay (receivable.ts). */
export interface InvoiceFigure extends Receivable {
  invoice: Invoice;
  state: InvoicePolicyState;
  clientName: string;
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
    return {
      invoice,
      state,
      clientName: (invoice.clientId && snapshot.clients.get(invoice.clientId)?.name) || invoice.clientName,
      ...receivableOf(invoice, state),
    };
  });
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
