import type { Activity } from '../schemas/activity';
import type { IsoDate } from '../schemas/common';
import type { Invoice } from '../schemas/records';
import { firmestStage, type StageId } from '../vocabulary/stages';
import { type EvaluateInvoiceInput, evaluateInvoice } from './evaluateInvoice';
import type { InvoicePolicyState } from './types';

/**
 * Reminders for several invoices of one client go out as one message (DESIGN.md). The message
 * uses the firmest stage whose action is due among them and covers every invoice whose action is
 * due — except that invoices not yet overdue (a courtesy heads-up) are not folded into a message
 * about late invoices: they get their own once the late ones are dealt with.
 */

export interface InvoiceWithState {
  invoice: Invoice;
  state: InvoicePolicyState;
}

export interface ClientReminderPlan {
  clientKey: string;
  clientName: string;
  /** The stage the grouped reminder is written for. */
  stage: StageId;
  /** The invoices the reminder covers (their action is due). */
  invoices: InvoiceWithState[];
  /** Other overdue invoices of the client, neither paused nor with an action due, that the message may mention. */
  otherOverdue: InvoiceWithState[];
}

export interface GroupInput {
  invoices: readonly Invoice[];
  /** The client's activities (or more: each invoice keeps those concerning it). */
  activities: readonly Activity[];
  schedule?: EvaluateInvoiceInput['schedule'];
  today: IsoDate;
}

/** Invoices belong to the same client by client id, or by name when the page gave no id. */
export function clientKeyOf(invoice: Invoice): string {
  return invoice.clientId ?? `name:${invoice.clientName.trim().toLocaleLowerCase('fr')}`;
}

/** The one reminder to send a client now, or null when no action is due. */
export function planClientReminder({
  invoices,
  activities,
  schedule,
  today,
}: GroupInput): ClientReminderPlan | null {
  const first = invoices[0];
  if (!first) return null;
  const evaluated = invoices.map((invoice) => ({
    invoice,
    state: evaluateInvoice({ invoice, activities, schedule, today }),
  }));

  const due = evaluated.filter((e) => e.state.actionDue && e.state.currentStage !== null);
  const dueAndLate = due.filter((e) => e.state.daysOverdue > 0);
  const covered = dueAndLate.length > 0 ? dueAndLate : due;
  if (covered.length === 0) return null;

  const stage = firmestStage(covered.map((e) => e.state.currentStage))!;
  const otherOverdue = evaluated.filter(
    (e) => !covered.includes(e) && !e.state.closed && e.state.pause === null && e.state.daysOverdue > 0,
  );
  return {
    clientKey: clientKeyOf(first),
    clientName: first.clientName,
    stage,
    invoices: covered,
    otherOverdue,
  };
}

/** One reminder plan per client with an action due, clients in the order their invoices come. */
export function groupByClient({ invoices, ...rest }: GroupInput): ClientReminderPlan[] {
  const byClient = new Map<string, Invoice[]>();
  for (const invoice of invoices) {
    const key = clientKeyOf(invoice);
    byClient.set(key, [...(byClient.get(key) ?? []), invoice]);
  }
  return [...byClient.values()].flatMap((group) => planClientReminder({ invoices: group, ...rest }) ?? []);
}
