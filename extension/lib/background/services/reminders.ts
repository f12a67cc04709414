import {
  type Activity,
  compareActivities,
  daysBetween,
  firmestStage,
  isReminderLike,
  isStageId,
  type Language,
  latePaymentForInvoices,
  latePaymentItemFromInvoice,
  planClientReminder,
  type ReminderInvoice,
  renderTemplate,
  type StageId,
  type TeamSettings,
  templateFor,
} from '@relance/shared';
import type { ClientRow, InvoiceRow, RelanceDb } from '../../db';
import type { LastReminder, PreparedReminder } from '../../messages';
import { UserError } from '../../userError';
import { activitiesByClient, type EvaluatedInvoice, evaluateWithActivities, lastReminderOf } from './policy';

/**
 * The reminder text for invoices, one message per client (and currency): the client's invoices
 * whose action is due are grouped with the ones asked for, written for the firmest stage due, in
 * the client's language, with late-payment interest and indemnities (shared/latePayment).
 * Nothing is sent or logged here: a person reviews the text, sends it, and the send is logged.
 */
export async function prepareReminders(
  db: RelanceDb,
  invoiceIds: string[],
  settings: TeamSettings,
  today: string,
  language?: Language,
  /** Written for this stage rather than the one due (a formal notice printed ahead of time). */
  forcedStage?: StageId,
): Promise<PreparedReminder[]> {
  if (forcedStage !== undefined && !isStageId(forcedStage)) {
    throw new UserError('invalid-stage', `unknown stage ${String(forcedStage)}`);
  }
  const asked = (await db.invoices.bulkGet(invoiceIds)).filter((i): i is InvoiceRow => !!i && !i.deleted);
  if (asked.length === 0) throw new UserError('unknown-invoice', 'none of these invoices is known');

  const reminders: PreparedReminder[] = [];
  for (const group of groupBy(asked, (i) => `${i.clientId}|${i.currency}`)) {
    const first = group[0]!;
    const client = first.clientId ? await db.clients.get(first.clientId) : undefined;
    // The client's other open invoices in the same currency may be due too: one message for all.
    const siblings = first.clientId
      ? (await db.invoices.where('clientId').equals(first.clientId).toArray()).filter(
          (i) => !i.deleted && i.currency === first.currency && !group.some((g) => g.id === i.id),
        )
      : [];
    const byClient = await activitiesByClient(db, first.clientId ? [first.clientId] : []);
    const activities = (first.clientId && byClient.get(first.clientId)) || [];
    const plan = planClientReminder({
      invoices: [...group, ...siblings],
      activities,
      schedule: settings.schedule,
      today,
    });
    const evaluated = evaluateWithActivities([...group, ...siblings], byClient, settings, today);
    const covered = evaluated.filter(
      (e) =>
        group.some((g) => g.id === e.invoice.id) || plan?.invoices.some((p) => p.invoice.id === e.invoice.id),
    );
    const stage = forcedStage ?? plan?.stage ?? stageReached(covered);
    reminders.push(
      render({ client, clientName: first.clientName, covered, stage, activities, settings, today, language }),
    );
  }
  return reminders;
}

function render(input: {
  client: ClientRow | undefined;
  clientName: string;
  covered: EvaluatedInvoice[];
  stage: StageId;
  activities: Activity[];
  settings: TeamSettings;
  today: string;
  language: Language | undefined;
}): PreparedReminder {
  const { client, covered, stage, settings, today } = input;
  const lang = input.language ?? client?.language ?? settings.language;
  const jurisdiction = client?.jurisdiction ?? settings.jurisdiction;
  const invoices = covered.map((e) => e.invoice);
  // What is claimed is what is left to pay (receivable.ts), and interest runs on that balance.
  const owed = new Map(covered.map((e) => [e.invoice.id, e.receivable.outstandingCents]));
  const late = latePaymentForInvoices({
    invoices: invoices.map((i) => ({ ...latePaymentItemFromInvoice(i), amountCents: owed.get(i.id)! })),
    asOf: today,
    jurisdiction,
  });
  const byRef = new Map(late.invoices.map((r) => [r.ref, r]));
  const lines: ReminderInvoice[] = invoices.map((invoice) => {
    const result = byRef.get(invoice.id);
    return {
      number: invoice.number,
      ...(invoice.issueDate ? { issueDate: invoice.issueDate } : {}),
      dueDate: invoice.dueDate,
      amountDueCents: owed.get(invoice.id)!,
      currency: invoice.currency,
      daysLate: daysBetween(invoice.dueDate, today),
      interestCents: result?.interestCents ?? 0,
      indemnityCents: result?.indemnityCents ?? 0,
    };
  });
  const rate = late.invoices.flatMap((r) => r.segments).at(-1)?.ratePercent ?? 0;
  const text = renderTemplate(
    templateFor(stage, lang, settings.templates),
    {
      client: { name: client?.name ?? input.clientName },
      invoices: lines,
      senderName: settings.senderName,
      companyName: settings.companyName,
      companyAddress: settings.companyAddress,
      today,
      penaltyRatePercent: rate,
      jurisdiction,
    },
    lang,
  );
  const totals = late.totals[0];
  const step = settings.schedule.find((s) => s.stage === stage);
  const recent = latestReminder(input.activities);
  return {
    clientId: client?.id ?? invoices[0]!.clientId ?? '',
    clientName: client?.name ?? input.clientName,
    stage,
    invoiceIds: invoices.map((i) => i.id),
    language: lang,
    subject: text.subject,
    body: text.body,
    recipients: client?.emails ?? [],
    channels: step ? [...step.channel] : ['email'],
    totalDueCents: invoices.reduce((sum, i) => sum + owed.get(i.id)!, 0),
    currency: invoices[0]!.currency,
    ...(totals && totals.interestCents + totals.indemnityCents > 0
      ? {
          latePayment: {
            interestCents: totals.interestCents,
            indemnityCents: totals.indemnityCents,
            currency: totals.currency,
          },
        }
      : {}),
    ...(recent && daysBetween(recent.date, today) < settings.quietPeriodDays
      ? { recentReminder: recent }
      : {}),
  };
}

/** The client's latest reminder, letter or formal notice, whoever sent it. */
export function latestReminder(activities: readonly Activity[]): LastReminder | undefined {
  const last = activities.filter(isReminderLike).sort(compareActivities).at(-1);
  return last ? lastReminderOf(last) : undefined;
}

/** When nothing is due (the person asks anyway), the stage the invoices are at, or the first step. */
function stageReached(evaluated: EvaluatedInvoice[]): StageId {
  const firmest = firmestStage(evaluated.map((e) => e.state.currentStage));
  if (firmest) return firmest;
  return evaluated.some((e) => e.state.daysOverdue > 0) ? 'reminder-1' : 'courtesy';
}

function groupBy<T>(items: T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return [...groups.values()];
}
