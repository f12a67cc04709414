import { stageRank, type TeamSettings } from '@relance/shared';
import type { RelanceDb } from '../../db';
import type { InvoicePolicyView, TodayWork } from '../../messages';
import { evaluateInvoices, isOverdue } from './policy';

/** The popup's list: what is due today, grouped by client (firmest first), and the overdue totals. */
export async function todayWork(db: RelanceDb, settings: TeamSettings, today: string): Promise<TodayWork> {
  const known = (await db.invoices.toArray()).filter((i) => !i.deleted);
  const invoices = known.filter((i) => i.status !== 'paid' && i.status !== 'cancelled');
  const evaluated = await evaluateInvoices(db, invoices, settings, today);

  const groups = new Map<string, { clientId: string; clientName: string; invoices: InvoicePolicyView[] }>();
  for (const { view, state } of evaluated) {
    if (!state.actionDue) continue;
    const group = groups.get(view.clientId) ?? {
      clientId: view.clientId,
      clientName: view.clientName,
      invoices: [],
    };
    group.invoices.push(view);
    groups.set(view.clientId, group);
  }
  const firmness = (views: InvoicePolicyView[]) => Math.max(...views.map((v) => stageRank(v.stage)));
  const sorted = [...groups.values()].sort(
    (a, b) => firmness(b.invoices) - firmness(a.invoices) || a.clientName.localeCompare(b.clientName, 'fr'),
  );
  for (const g of sorted) g.invoices.sort((a, b) => b.daysOverdue - a.daysOverdue);

  const totals = new Map<string, { currency: string; cents: number; count: number }>();
  for (const e of evaluated.filter(isOverdue)) {
    const t = totals.get(e.invoice.currency) ?? { currency: e.invoice.currency, cents: 0, count: 0 };
    t.cents += e.receivable.outstandingCents;
    t.count += 1;
    totals.set(e.invoice.currency, t);
  }
  return { today, groups: sorted, overdueTotals: [...totals.values()], invoicesSeen: known.length };
}
