import type { ActivityOf } from '@relance/shared';
import type { TeamSnapshot } from '../queries/snapshot';
import { currencyFor } from './currency';
import type { InvoiceFigure } from './evaluate';

export interface OpenDispute {
  dispute: ActivityOf<'dispute-opened'>;
  clientName: string;
  /** Its invoices still disputed and unpaid (empty for a dispute about the client as a whole). */
  invoices: InvoiceFigure[];
  outstandingCents: number;
  currency: string;
}

/**
 * Disputes opened and not yet resolved, oldest first. As in the policy engine, a dispute is
 * about the invoices it names: it holds on each of them from the day it is opened until a
 * `dispute-resolved` naming that invoice; a dispute naming no invoice is about the client and
 * is resolved by one naming no invoice either. An invoice since paid or cancelled drops out; a
 * dispute left with none of its invoices open is no longer listed.
 */
export function openDisputes(snapshot: TeamSnapshot, figures: readonly InvoiceFigure[]): OpenDispute[] {
  const openOn = new Map<string, ActivityOf<'dispute-opened'>>();
  const keysOf = (a: { clientId: string; invoiceIds: readonly string[] }) =>
    a.invoiceIds.length > 0 ? a.invoiceIds.map((id) => `invoice:${id}`) : [`client:${a.clientId}`];
  for (const a of snapshot.activities) {
    if (a.date > snapshot.today) break;
    if (a.type === 'dispute-opened') {
      for (const key of keysOf(a)) if (!openOn.has(key)) openOn.set(key, a);
    } else if (a.type === 'dispute-resolved') {
      for (const key of keysOf(a)) openOn.delete(key);
    }
  }

  const byId = new Map(figures.map((f) => [f.invoice.id, f]));
  const disputes = new Map<string, OpenDispute>();
  for (const [key, dispute] of openOn) {
    const invoiceId = key.startsWith('invoice:') ? key.slice('invoice:'.length) : null;
    const figure = invoiceId ? byId.get(invoiceId) : undefined;
    if (figure && !figure.open) continue;
    let entry = disputes.get(dispute.id);
    if (!entry) {
      entry = {
        dispute,
        clientName: snapshot.clients.get(dispute.clientId)?.name ?? figure?.clientName ?? dispute.clientId,
        invoices: [],
        outstandingCents: 0,
        currency: currencyFor(figures, dispute),
      };
      disputes.set(dispute.id, entry);
    }
    if (figure) {
      entry.invoices.push(figure);
      entry.outstandingCents += figure.outstandingCents;
    }
  }
  return [...disputes.values()];
}
