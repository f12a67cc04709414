// The dunning policy engine: stage, pauses and action due for each invoice, grouped per client.
export {
  activitiesForInvoice,
  compareActivities,
  concernsInvoice,
  formalNoticeDeadline,
  fulfilsStage,
  isReminderLike,
  stageShownBy,
} from './activities';
export { type EvaluateInvoiceInput, enabledSteps, evaluateInvoice } from './evaluateInvoice';
export {
  type ClientReminderPlan,
  clientKeyOf,
  type GroupInput,
  groupByClient,
  type InvoiceWithState,
  invoiceStagesOf,
  planClientReminder,
  type StageKind,
  stageKind,
} from './grouping';
export { type Receivable, receivableOf } from './receivable';
export { type Settlement, settlementOf } from './settlement';
export type {
  BrokenPaymentPlan,
  BrokenPromise,
  ClosedReason,
  InvoicePolicyState,
  NextStage,
  PauseReason,
  PolicyPause,
  ReminderLikeActivity,
} from './types';
export { canVoid, voidedIds, withoutVoided } from './voids';
