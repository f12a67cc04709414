import { addDays } from '../dates';
import type { Activity } from '../schemas/activity';
import type { IsoDate } from '../schemas/common';
import type { StageId } from '../schemas/stage';
import { FORMAL_NOTICE_DEADLINE_DAYS } from '../vocabulary/stages';
import type { ReminderLikeActivity } from './types';

/** An activity concerns an invoice when the invoice is among its `invoiceIds`. */
export function concernsInvoice(activity: Activity, invoiceId: string): boolean {
  return activity.invoiceIds.includes(invoiceId);
}

/** Chronological order: business date, then the instant it was recorded, then id (UUIDv7 is time-ordered). */
export function compareActivities(a: Activity, b: Activity): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  const byInstant = Date.parse(a.at) - Date.parse(b.at);
  if (byInstant !== 0) return byInstant;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The activities concerning an invoice, oldest first. */
export function activitiesForInvoice(activities: readonly Activity[], invoiceId: string): Activity[] {
  return activities.filter((a) => concernsInvoice(a, invoiceId)).sort(compareActivities);
}

/** What had happened by `today`: the engine never looks at later-dated activities. */
export function happenedBy(activities: readonly Activity[], today: IsoDate): Activity[] {
  return activities.filter((a) => a.date <= today);
}

export function isReminderLike(activity: Activity): activity is ReminderLikeActivity {
  return activity.type === 'reminder' || activity.type === 'letter' || activity.type === 'formal-notice';
}

/**
 * The stage an activity shows was reached and done for an invoice: a reminder or letter sent for
 * a stage (a grouped message records each invoice's own stage in `invoiceStages`), a formal
 * notice, a legal action. A letter without a stage, a call or a comment shows none.
 */
export function stageShownBy(activity: Activity, invoiceId?: string): StageId | null {
  switch (activity.type) {
    case 'reminder':
      return (invoiceId !== undefined && activity.invoiceStages?.[invoiceId]) || activity.stage;
    case 'letter':
      return (invoiceId !== undefined && activity.invoiceStages?.[invoiceId]) || activity.stage || null;
    case 'formal-notice':
      return 'formal-notice';
    case 'legal-action':
      return 'legal';
    default:
      return null;
  }
}

/** Does this activity do the action of `stage` for the invoice? A letter without a stage does the stage in force. */
export function fulfilsStage(activity: Activity, stage: StageId, invoiceId?: string): boolean {
  if (activity.type === 'letter' && activity.stage === undefined && !activity.invoiceStages) return true;
  return stageShownBy(activity, invoiceId) === stage;
}

/**
 * The deadline the latest formal notice for the invoice gave (its own, else 8 days after it was
 * sent), or null when none was sent. `legal` comes no earlier than the day after it.
 */
export function formalNoticeDeadline(concerning: readonly Activity[], invoiceId: string): IsoDate | null {
  let deadline: IsoDate | null = null;
  for (const a of concerning) {
    if (stageShownBy(a, invoiceId) !== 'formal-notice') continue;
    const own = a.type === 'formal-notice' ? a.deadline : undefined;
    deadline = own ?? addDays(a.date, FORMAL_NOTICE_DEADLINE_DAYS);
  }
  return deadline;
}
