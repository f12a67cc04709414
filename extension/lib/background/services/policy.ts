import {
  type Activity,
  evaluateInvoice,
  type InvoicePolicyState,
  type Receivable,
  type ReminderLikeActivity,
  receivableOf,
  type TeamSettings,
} from '@relance/shared';
import type { InvoiceRow, RelanceDb } from '../../db';
import type { InvoicePolicyView, LastReminder } from '../../messages';

/** The activities of these clients, grouped by client id. */
export async function activitiesByClient(
  db: RelanceDb,
  clientIds: string[],
): Promise<Map<string, Activity[]>> {
  const unique = [...new Set(clientIds)];
  const rows = unique.length ? await db.activities.where('clientId').anyOf(unique).toArray() : [];
  const byClient = new Map<string, Activity[]>();
  for (const a of rows) {
    const list = byClient.get(a.clientId);
    if (list) list.push(a);
    else byClient.set(a.clientId, [a]);
  }
  return byClient;
}

export interface EvaluatedInvoice {
  invoice: InvoiceRow;
  state: InvoicePolicyState;
  /** Open, overdue and what is left to pay, by the rule the dashboard uses too. */
  receivable: Receivable;
  view: InvoicePolicyView;
}

/**
 * Runs the policy engine (shared/policy) on invoices, with all their clients' activities: a
 * promise or payment plan covering several invoices is then met by payments on any of them.
 */
export async function evaluateInvoices(
  db: RelanceDb,
  invoices: InvoiceRow[],
  settings: TeamSettings,
  today: string,
): Promise<EvaluatedInvoice[]> {
  const activities = await activitiesByClient(
    db,
    invoices.flatMap((i) => (i.clientId ? [i.clientId] : [])),
  );
  return evaluateWithActivities(invoices, activities, settings, today);
}

/** The same, with the clients' activities already read (by `activitiesByClient`). */
export function evaluateWithActivities(
  invoices: InvoiceRow[],
  activities: Map<string, Activity[]>,
  settings: TeamSettings,
  today: string,
): EvaluatedInvoice[] {
  return invoices.map((invoice) => {
    const state = evaluateInvoice({
      invoice,
      activities: (invoice.clientId && activities.get(invoice.clientId)) || [],
      schedule: settings.schedule,
      today,
    });
    const receivable = receivableOf(invoice, state);
    return { invoice, state, receivable, view: toView(invoice, state, receivable) };
  });
}

export function toView(
  invoice: InvoiceRow,
  state: InvoicePolicyState,
  receivable: Receivable = receivableOf(invoice, state),
): InvoicePolicyView {
  return {
    invoiceId: invoice.id,
    clientId: invoice.clientId ?? '',
    number: invoice.number,
    clientName: invoice.clientName,
    amountDueCents: invoice.amountDueCents,
    outstandingCents: receivable.outstandingCents,
    currency: invoice.currency,
    dueDate: invoice.dueDate,
    daysOverdue: state.daysOverdue,
    stage: state.stage,
    actionDue: state.actionDue,
    ...(state.nextStage ? { nextStage: state.nextStage } : {}),
    ...(state.pause
      ? { pause: { reason: state.pause.reason, ...(state.pause.until ? { until: state.pause.until } : {}) } }
      : {}),
    ...(state.lastReminder ? { lastReminder: lastReminderOf(state.lastReminder) } : {}),
  };
}

export function lastReminderOf(activity: ReminderLikeActivity): LastReminder {
  const base = {
    date: activity.date,
    ...(activity.authorName ? { authorName: activity.authorName } : {}),
    ...(activity.authorId ? { authorId: activity.authorId } : {}),
  };
  switch (activity.type) {
    case 'reminder':
      return { ...base, channel: activity.channel, stage: activity.stage };
    case 'letter':
      return {
        ...base,
        channel: activity.registered ? 'registered-letter' : 'letter',
        ...(activity.stage ? { stage: activity.stage } : {}),
      };
    case 'formal-notice':
      return { ...base, channel: activity.channel, stage: 'formal-notice' };
  }
}

/** Still owed and past its due date (shared/policy/receivable.ts). */
export function isOverdue({ receivable }: EvaluatedInvoice): boolean {
  return receivable.overdue;
}
