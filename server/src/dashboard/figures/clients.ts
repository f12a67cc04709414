import type { IsoDate } from '@relance/shared';
import type { TeamSnapshot } from '../queries/snapshot';
import type { InvoiceFigure } from './evaluate';
import { addMoney, type MoneyByCurrency } from './money';

export interface ClientSummary {
  id: string;
  name: string;
  openInvoices: number;
  overdueInvoices: number;
  outstanding: MoneyByCurrency;
  overdue: MoneyByCurrency;
  lastActivity: IsoDate | null;
}

/**
 * Every client the team knows (client documents, and clients named by invoices), those with
 * overdue invoices first, then by name.
 */
export function clientSummaries(snapshot: TeamSnapshot, figures: readonly InvoiceFigure[]): ClientSummary[] {
  const rows = new Map<string, ClientSummary>();
  const row = (id: string, name: string) => {
    let r = rows.get(id);
    if (!r) {
      r = { id, name, openInvoices: 0, overdueInvoices: 0, outstanding: {}, overdue: {}, lastActivity: null };
      rows.set(id, r);
    }
    return r;
  };
  for (const client of snapshot.clients.values()) row(client.id, client.name);
  for (const f of figures) {
    if (!f.invoice.clientId) continue;
    const r = row(f.invoice.clientId, f.clientName);
    if (!f.open) continue;
    r.openInvoices += 1;
    addMoney(r.outstanding, f.invoice.currency, f.outstandingCents);
    if (f.overdue) {
      r.overdueInvoices += 1;
      addMoney(r.overdue, f.invoice.currency, f.outstandingCents);
    }
  }
  for (const a of snapshot.activities) {
    const r = rows.get(a.clientId);
    if (r && a.date <= snapshot.today) r.lastActivity = a.date;
  }
  return [...rows.values()].sort(
    (a, b) => Number(b.overdueInvoices > 0) - Number(a.overdueInvoices > 0) || a.name.localeCompare(b.name),
  );
}
