/** The kinds of activity on a client's timeline; activities are immutable and append-only. */
export const ACTIVITY_TYPES = [
  'reminder',
  'call',
  'letter',
  'promise-to-pay',
  'dispute-opened',
  'dispute-resolved',
  'payment-plan',
  'payment-received',
  'formal-notice',
  'legal-action',
  'comment',
  /** Withdraws an earlier entry (logged by mistake, or corrected by a new one); see policy/voids.ts. */
  'void',
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

/** Activities a person sends to the client to ask for payment. */
export const REMINDER_LIKE_TYPES = [
  'reminder',
  'letter',
  'formal-notice',
] as const satisfies readonly ActivityType[];

export const LEGAL_ACTION_KINDS = [
  'injonction-de-payer',
  'collection-agency',
  'commissaire-de-justice',
  'other',
] as const;
export type LegalActionKind = (typeof LEGAL_ACTION_KINDS)[number];
