import { addDays } from '../dates';
import type { Jurisdiction } from '../vocabulary/invoices';
import type { IsoDate } from '../vocabulary/isoDate';
import { FORMAL_NOTICE_DEADLINE_DAYS } from '../vocabulary/stages';

/** One invoice a reminder is about. Amounts in integer cents of `currency`. */
export interface ReminderInvoice {
  number: string;
  issueDate?: IsoDate;
  dueDate: IsoDate;
  amountDueCents: number;
  currency: string;
  /** Days past the due date on `today` (negative before it). */
  daysLate: number;
  /** Late-payment interest so far (from the late-payment module); shown from `reminder-2` on. */
  interestCents?: number;
  /** Fixed recovery indemnity for this invoice (40 € in France). */
  indemnityCents?: number;
  /**
   * How the interest was worked out, one line per rate period (latePayment segments): what
   * `{{interest_details}}` prints, so that the stated rate × principal gives the claimed interest.
   */
  periods?: InterestPeriod[];
}

export interface InterestPeriod {
  from: IsoDate;
  to: IsoDate;
  days: number;
  ratePercent: number;
  interestCents: number;
}

/** The person who sends the reminder (their own profile in the extension's options). */
export interface ReminderSender {
  name: string;
  role?: string;
  phone?: string;
  email?: string;
}

/** Who the company is, from the team settings; empty fields are left out. */
export interface ReminderCompany {
  name: string;
  legalName?: string;
  address?: string;
  city?: string;
  registration?: string;
  vatNumber?: string;
  legalMentions?: string;
}

/** How to pay, from the team settings. */
export interface ReminderPayment {
  iban?: string;
  bic?: string;
  paymentLink?: string;
}

export interface ReminderTotals {
  currency: string;
  amountDueCents: number;
  interestCents: number;
  indemnityCents: number;
  /** amountDue + interest + indemnity. */
  totalWithPenaltiesCents: number;
}

/**
 * Everything a reminder template can mention. One reminder covers all the chosen overdue invoices
 * of one client (same currency). The field names of the sender and company match `TeamSettings`.
 */
export interface ReminderContext {
  /** `address`: the client's postal address, several lines. */
  client: { name: string; address?: string };
  /** At least one. */
  invoices: ReminderInvoice[];
  /** Computed from `invoices` when left out (see `computeReminderTotals`). */
  totals?: ReminderTotals;
  senderName: string;
  companyName: string;
  companyAddress?: string;
  /** The sender's own details (role, phone) for the signature; `senderName` stays the name. */
  sender?: Omit<ReminderSender, 'name'>;
  /** Legal details of the company (legal name, SIREN/SIRET, VAT number…). */
  company?: Omit<ReminderCompany, 'name' | 'address'>;
  payment?: ReminderPayment;
  /** An earlier reminder went out for these invoices: "despite our previous reminder" is true. */
  reminded?: boolean;
  /** When the reference rate was assumed unchanged after this day (`rateUnknownAfter`). */
  rateUnknownAfter?: IsoDate | null;
  /**
   * Where the text goes: a mail carries the company's details under the signature; a printed
   * letter has them in its letterhead and footer, and its invoice table laid out as a table.
   */
  medium?: 'mail' | 'letter';
  today: IsoDate;
  /** Date by which payment is asked; default `today` + 8 days (`DEFAULT_DEADLINE_DAYS`). */
  deadline?: IsoDate;
  /** Yearly late-penalty rate in percent (e.g. 12.15: ECB rate + 10 points). */
  penaltyRatePercent: number;
  /** Which law the penalties rest on, for `{{penalty_law}}`; default France (B2B). */
  jurisdiction?: Jurisdiction;
}

/** A formal notice customarily leaves 8 days to pay (policy/activities.ts uses the same). */
export const DEFAULT_DEADLINE_DAYS = FORMAL_NOTICE_DEADLINE_DAYS;

/** In a letter's body, where the letter lays out its invoice table (letter.ts splits on it). */
export const LETTER_TABLE_MARK = '[[relance:invoice-table]]';

export function reminderDeadline(context: ReminderContext): IsoDate {
  return context.deadline ?? addDays(context.today, DEFAULT_DEADLINE_DAYS);
}

/** Sums the invoices of one reminder; they must share one currency. */
export function computeReminderTotals(invoices: readonly ReminderInvoice[]): ReminderTotals {
  const first = invoices[0];
  if (!first) throw new RangeError('A reminder needs at least one invoice');
  const other = invoices.find((invoice) => invoice.currency !== first.currency);
  if (other) {
    throw new RangeError(
      `Invoices ${first.number} (${first.currency}) and ${other.number} (${other.currency}) cannot be ` +
        'totalled in one reminder: send one reminder per currency',
    );
  }
  const sum = (pick: (invoice: ReminderInvoice) => number | undefined) =>
    invoices.reduce((total, invoice) => total + (pick(invoice) ?? 0), 0);
  const amountDueCents = sum((i) => i.amountDueCents);
  const interestCents = sum((i) => i.interestCents);
  const indemnityCents = sum((i) => i.indemnityCents);
  return {
    currency: first.currency,
    amountDueCents,
    interestCents,
    indemnityCents,
    totalWithPenaltiesCents: amountDueCents + interestCents + indemnityCents,
  };
}
