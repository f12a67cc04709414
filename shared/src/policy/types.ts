import type { ActivityOf } from '../schemas/activity';
import type { IsoDate } from '../schemas/common';
import type { BadgeStage, Channel, StageId } from '../schemas/stage';

export type PauseReason = 'dispute' | 'promise-to-pay' | 'payment-plan';

export interface PolicyPause {
  reason: PauseReason;
  /** First day reminders were held. */
  since: IsoDate;
  /** Promise: the promised date. Payment plan: its last instalment. Dispute: unknown. */
  until?: IsoDate;
}

/** The latest promise to pay, whose date passed without it being kept. */
export interface BrokenPromise {
  activityId: string;
  madeOn: IsoDate;
  promisedDate: IsoDate;
  promisedCents?: number;
  /** Paid towards the promise between the day it was made and the promised date. */
  paidCents: number;
}

/** The latest payment plan, broken by an instalment not met by its date. */
export interface BrokenPaymentPlan {
  activityId: string;
  agreedOn: IsoDate;
  missedInstalmentDate: IsoDate;
  /** Instalments due up to and including the missed one. */
  expectedCents: number;
  /** Paid from the agreement up to the missed instalment's date. */
  paidCents: number;
}

/** Activities a person sends to the client to ask for payment. */
export type ReminderLikeActivity =
  | ActivityOf<'reminder'>
  | ActivityOf<'letter'>
  | ActivityOf<'formal-notice'>;

/** Why an invoice needs no more reminders. */
export type ClosedReason = 'paid' | 'cancelled' | 'nothing-due' | 'settled' | 'payments-cover-amount';

export interface NextStage {
  stage: StageId;
  /** The day it becomes due if nothing changes (no payment, no pause). */
  date: IsoDate;
}

/** What the policy engine says about one invoice on one day. */
export interface InvoicePolicyState {
  invoiceId: string;
  /** Today − due date: negative before the due date. */
  daysOverdue: number;
  /** What the badge shows: the current stage, or `none`, `paid` (also cancelled), `paused`. */
  stage: BadgeStage;
  /** The stage reached, also while paused; null before the first stage, for drafts and once closed. */
  currentStage: StageId | null;
  /** The day the current stage's action became due (later than its scheduled day after a pause). */
  stageDueSince: IsoDate | null;
  /** The current stage's channels, from the schedule. */
  channels: Channel[];
  /** True while the current stage's action has not been done (never while paused or closed). */
  actionDue: boolean;
  nextStage: NextStage | null;
  pause: PolicyPause | null;
  brokenPromise: BrokenPromise | null;
  brokenPaymentPlan: BrokenPaymentPlan | null;
  lastReminder: ReminderLikeActivity | null;
  /** Paid, cancelled or nothing left to pay: no more reminders. */
  closed: boolean;
  closedReason: ClosedReason | null;
  /** The day the payment that settled it was received, when the history shows it. */
  paidOn: IsoDate | null;
  /** Sum of the payments recorded for this invoice alone. */
  paidCents: number;
}
