import type { z } from 'zod';
import { addDays, daysBetween, maxDate } from '../dates';
import type { Activity } from '../schemas/activity';
import type { IsoDate } from '../schemas/common';
import type { Invoice } from '../schemas/records';
import { DEFAULT_SCHEDULE, type ScheduleStep, type StageId, schedule } from '../schemas/stage';
import {
  activitiesForInvoice,
  formalNoticeDeadline,
  fulfilsStage,
  happenedBy,
  isReminderLike,
  stageShownBy,
} from './activities';
import { analysePauses, lastResumedOn, mergeSpans, pauseOn } from './pauses';
import { settlementOf } from './settlement';
import { currentIndex, stageTimeline } from './timeline';
import type { InvoicePolicyState } from './types';
import { withoutVoided } from './voids';

/**
 * The dunning policy for one invoice on one day (docs/architecture.md#the-rules-the-code-computes).
 *
 * - Paid (see settlement.ts) ends everything; a draft is not dunned.
 * - The current stage is the furthest enabled step reached (timeline.ts: skipped steps are not
 *   sent afterwards, pauses delay steps, stages never go backwards).
 * - Its action is due from the day the stage was reached until an activity does it: a reminder
 *   or letter for that very stage (a reminder for another stage does not count), a letter without
 *   a stage, a formal notice for `formal-notice`, a legal action for `legal`. A call is not
 *   counted: log the reminder made by phone as a reminder.
 * - `legal` comes no earlier than the day after the deadline of the formal notice sent (if one was).
 * - Voided activities (voids.ts) are ignored, as if never logged.
 * - While a pause holds (pauses.ts) nothing is due and the badge says `paused`. When a pause ends
 *   and the invoice is still unpaid, the clock restarts: the stage in force becomes due again on
 *   the day reminders resume, even if its reminder was sent before the pause (a broken promise
 *   or a resolved dispute calls for a new reminder), and later steps follow one at a time.
 */

export interface EvaluateInvoiceInput {
  invoice: Invoice;
  /**
   * The activities concerning the invoice; others are ignored. Pass all of the client's when a
   * promise or payment plan covers several invoices: payments on any of them then count.
   */
  activities: readonly Activity[];
  /** The team's schedule, validated here (throws a ZodError when invalid); disabled steps are skipped. */
  schedule?: z.input<typeof schedule>;
  today: IsoDate;
}

/** The enabled steps of a schedule, in order; throws when the schedule is invalid. */
export function enabledSteps(input: z.input<typeof schedule> = DEFAULT_SCHEDULE): ScheduleStep[] {
  return schedule.parse(input).filter((step) => step.enabled);
}

export function evaluateInvoice({
  invoice,
  activities,
  schedule: scheduleInput = DEFAULT_SCHEDULE,
  today,
}: EvaluateInvoiceInput): InvoicePolicyState {
  const steps = enabledSteps(scheduleInput);
  // Withdrawn entries and their voids never count (voids.ts): every consumer follows the engine.
  const known = happenedBy(withoutVoided(activities), today);
  const concerning = activitiesForInvoice(known, invoice.id);
  const settlement = settlementOf(invoice, concerning);

  const common = {
    invoiceId: invoice.id,
    daysOverdue: daysBetween(invoice.dueDate, today),
    lastReminder: concerning.filter(isReminderLike).at(-1) ?? null,
    closed: settlement.closed,
    closedReason: settlement.reason,
    paidOn: settlement.paidOn,
    paidCents: settlement.paidCents,
  };
  const outsideSchedule = {
    currentStage: null,
    stageDueSince: null,
    channels: [],
    actionDue: false,
    nextStage: null,
    pause: null,
    brokenPromise: null,
    brokenPaymentPlan: null,
  };
  if (settlement.closed) return { ...common, ...outsideSchedule, stage: 'paid' };
  if (invoice.status === 'draft') return { ...common, ...outsideSchedule, stage: 'none' };

  const pauses = analysePauses({ concerning, all: known, today, closed: false });
  const periods = mergeSpans(pauses.spans);
  const timeline = stageTimeline({
    dueDate: invoice.dueDate,
    steps,
    periods,
    shownOn: firstShown(concerning, invoice.id),
    notBefore: legalNotBefore(concerning, invoice.id),
  });
  const index = currentIndex(timeline, today);
  const current = timeline[index] ?? null;
  const next = timeline[index + 1];
  const pause = pauseOn(pauses.spans, periods, today);

  let stageDueSince: IsoDate | null = null;
  let done = false;
  if (current?.reachedOn) {
    const resumedOn = lastResumedOn(periods, today);
    stageDueSince = resumedOn ? maxDate(current.reachedOn, resumedOn) : current.reachedOn;
    const since = stageDueSince;
    done = concerning.some((a) => a.date >= since && fulfilsStage(a, current.step.stage, invoice.id));
  }

  return {
    ...common,
    stage: pause ? 'paused' : (current?.step.stage ?? 'none'),
    currentStage: current?.step.stage ?? null,
    stageDueSince,
    channels: current ? [...current.step.channel] : [],
    actionDue: current !== null && pause === null && !done,
    nextStage: next?.reachedOn ? { stage: next.step.stage, date: next.reachedOn } : null,
    pause,
    brokenPromise: pauses.brokenPromise,
    brokenPaymentPlan: pauses.brokenPaymentPlan,
  };
}

/** `legal` waits for the day after the deadline of the formal notice sent, when one was. */
function legalNotBefore(concerning: readonly Activity[], invoiceId: string): Map<StageId, IsoDate> {
  const deadline = formalNoticeDeadline(concerning, invoiceId);
  return deadline ? new Map([['legal', addDays(deadline, 1)]]) : new Map();
}

/** For each stage, the first day an activity shows it done. */
function firstShown(concerning: readonly Activity[], invoiceId: string): Map<StageId, IsoDate> {
  const shown = new Map<StageId, IsoDate>();
  for (const a of concerning) {
    const stage = stageShownBy(a, invoiceId);
    if (stage && !shown.has(stage)) shown.set(stage, a.date);
  }
  return shown;
}
