import { z } from 'zod';
import { ACTIVITY_TYPES, type ActivityType, LEGAL_ACTION_KINDS } from '../vocabulary/activities';
import { cents, email, isoDate, isoDateTime, longText, nonNegativeCents, shortText, uuid } from './common';
import { channel, stageId } from './stage';

export { ACTIVITY_TYPES, type ActivityType };

/** Every activity is immutable and append-only; its id is a client-made UUIDv7. */
const base = {
  id: uuid,
  clientId: uuid,
  /** Invoices concerned (a grouped reminder covers several). */
  invoiceIds: z.array(uuid).max(200).default([]),
  /** When it happened (the business date used by the policy engine). */
  date: isoDate,
  at: isoDateTime,
  /** Filled in by the server from the token; what a client sends is ignored. */
  authorId: z.string().max(100).optional(),
  authorName: shortText.optional(),
  comment: longText.optional(),
};

/** Each invoice's own stage when a grouped message covers invoices at different stages. */
const invoiceStages = z.record(uuid, stageId);

export const reminderActivity = z.object({
  ...base,
  type: z.literal('reminder'),
  /** The stage the message was written for (the firmest among the invoices it covers). */
  stage: stageId,
  /** The stage each invoice was at, when they differ from `stage` (policy/activities.ts reads it). */
  invoiceStages: invoiceStages.optional(),
  channel,
  subject: shortText.optional(),
  recipients: z.array(email).max(50).optional(),
});
export const callActivity = z.object({ ...base, type: z.literal('call'), outcome: shortText.optional() });
export const letterActivity = z.object({
  ...base,
  type: z.literal('letter'),
  registered: z.boolean().default(false),
  stage: stageId.optional(),
  invoiceStages: invoiceStages.optional(),
  /** The registered-mail number (numéro de recommandé), when the person typed it. */
  trackingNumber: shortText.optional(),
});
export const promiseToPayActivity = z.object({
  ...base,
  type: z.literal('promise-to-pay'),
  promisedDate: isoDate,
  amountCents: nonNegativeCents.optional(),
});
export const disputeOpenedActivity = z.object({
  ...base,
  type: z.literal('dispute-opened'),
  reason: shortText.min(1),
});
export const disputeResolvedActivity = z.object({
  ...base,
  type: z.literal('dispute-resolved'),
  resolution: shortText.optional(),
});
export const paymentPlanActivity = z.object({
  ...base,
  type: z.literal('payment-plan'),
  instalments: z
    .array(z.object({ date: isoDate, amountCents: nonNegativeCents }))
    .min(1, 'a payment plan has at least one instalment')
    .max(120),
});
export const paymentReceivedActivity = z.object({
  ...base,
  type: z.literal('payment-received'),
  amountCents: cents,
  /** True when this payment settles the invoices in full. */
  settles: z.boolean().default(false),
});
export const formalNoticeActivity = z.object({
  ...base,
  type: z.literal('formal-notice'),
  deadline: isoDate.optional(),
  channel: channel.default('registered-letter'),
  trackingNumber: shortText.optional(),
});
export const legalActionActivity = z.object({
  ...base,
  type: z.literal('legal-action'),
  kind: z.enum(LEGAL_ACTION_KINDS).default('other'),
});
export const commentActivity = z.object({ ...base, type: z.literal('comment'), text: longText.min(1) });
/**
 * Withdraws an earlier activity of the same client (activities stay immutable: this one says the
 * other no longer counts). A correction is a void followed by the corrected activity.
 */
export const voidActivity = z.object({
  ...base,
  type: z.literal('void'),
  voids: uuid,
  /** What the voided entry was, for the history ("Relance formelle du 12/03/2026"). */
  voidedType: z.enum(ACTIVITY_TYPES).optional(),
  voidedDate: isoDate.optional(),
  /** The activity that replaces it, when this void is a correction. */
  replacedBy: uuid.optional(),
});

export const activity = z.discriminatedUnion('type', [
  reminderActivity,
  callActivity,
  letterActivity,
  promiseToPayActivity,
  disputeOpenedActivity,
  disputeResolvedActivity,
  paymentPlanActivity,
  paymentReceivedActivity,
  formalNoticeActivity,
  legalActionActivity,
  commentActivity,
  voidActivity,
]);
export type Activity = z.infer<typeof activity>;
// The union above and the vocabulary's list must name the same types: this fails to compile otherwise.
const sameTypes: [Activity['type'], ActivityType] extends [ActivityType, Activity['type']] ? true : never =
  true;
void sameTypes;
export type ActivityOf<T extends ActivityType> = Extract<Activity, { type: T }>;
