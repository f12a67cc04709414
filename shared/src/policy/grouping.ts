import type { Activity } from '../schemas/activity';
import type { IsoDate } from '../schemas/common';
import type { Invoice } from '../schemas/records';
import { firmestStage, type StageId } from '../vocabulary/stages';
import { type EvaluateInvoiceInput, evaluateInvoice } from './evaluateInvoice';
import type { InvoicePolicyState } from './types';

/**
 * Reminders for several invoices of one client go out as one message (docs/architecture.md#the-rules-the-code-computes), without mixing
 * what must stay apart:
 * - the message covers only invoices whose action is due (neither paused, nor done, nor closed);
 * - a formal notice covers only invoices at `formal-notice`, and the collections file (`legal`) only
 *   invoices at `legal`: an invoice 23 days late is never put under a formal notice or a court
 *   file because another invoice of the client is 70 days late. Amicable stages (courtesy to
 *   payment plan) are grouped, the message written for the firmest of them;
 * - invoices not yet overdue (a courtesy heads-up) are not folded into a message about late
 *   invoices: they get their own once the late ones are dealt with;
 * - each invoice keeps its own stage: logging the message records it per invoice
 *   (`invoiceStagesOf`), so a reminder-1 invoice grouped into a reminder-2 message is done at
 *   reminder-1, not pushed to reminder-2.
 */

/** Which invoices may share one message. */
export type StageKind = 'amicable' | 'formal-notice' | 'legal';

export function stageKind(stage: StageId): StageKind {
  return stage === 'formal-notice' || stage === 'legal' ? stage : 'amicable';
}

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
  /** The invoice the person asked about: the message is of its kind when its action is due. */
  focusInvoiceId?: string;
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
  focusInvoiceId,
}: GroupInput): ClientReminderPlan | null {
  const first = invoices[0];
  if (!first) return null;
  const evaluated = invoices.map((invoice) => ({
    invoice,
    state: evaluateInvoice({ invoice, activities, schedule, today }),
  }));

  const due = evaluated.filter((e) => e.state.actionDue && e.state.currentStage !== null);
  if (due.length === 0) return null;
  const focus = due.find((e) => e.invoice.id === focusInvoiceId);
  const kind = stageKind(focus?.state.currentStage ?? firmestStage(due.map((e) => e.state.currentStage))!);
  const ofKind = due.filter((e) => stageKind(e.state.currentStage!) === kind);
  const late = ofKind.filter((e) => e.state.daysOverdue > 0);
  const early = ofKind.filter((e) => e.state.daysOverdue <= 0);
  const covered = focus && focus.state.daysOverdue <= 0 ? early : late.length > 0 ? late : early;
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

/**
 * Each covered invoice's own stage, for the activity logged when the message goes out
 * (`invoiceStages`): only those that differ from the message's stage; undefined when none do.
 */
export function invoiceStagesOf(
  plan: Pick<ClientReminderPlan, 'stage' | 'invoices'>,
): Record<string, StageId> | undefined {
  const own = plan.invoices.filter(
    (e) => e.state.currentStage !== null && e.state.currentStage !== plan.stage,
  );
  if (own.length === 0) return undefined;
  return Object.fromEntries(own.map((e) => [e.invoice.id, e.state.currentStage!]));
}
