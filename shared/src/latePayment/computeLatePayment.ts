import { z } from 'zod';
import { addDays, compareDates, daysBetween, maxDate } from '../dates';
import type { IsoDate } from '../schemas/common';
import { currency, isoDate, nonNegativeCents } from '../schemas/common';
import { type Jurisdiction, jurisdiction } from '../schemas/records';
import { LatePaymentInputError } from './errors';
import { halfYearStart, splitByHalfYear } from './halfYears';
import { DAY_COUNT_BASIS, simpleInterestCents } from './interest';
import { type FixedSum, fixedRecoverySum, type RateBasis, rateForHalfYear } from './jurisdictions';
import { DEFAULT_RATE_TABLE, type RateTable } from './rateTable';

/**
 * Late-payment interest and fixed indemnity for one invoice.
 *
 * - Interest runs from the day after the due date up to and including `asOf` (the payment date,
 *   or today): `daysLate = asOf − dueDate`, nothing when `asOf` is on or before the due date.
 * - Consumers (B2C) owe legal interest only from the day after the formal notice (`formalNoticeDate`).
 * - Those days are split at every 1 January and 1 July; each segment gets the rate of its
 *   half-year (the UK fixes one rate for the whole debt: one segment) and its interest = amount × rate × days / 365 (also in leap years, as French
 *   practice does), rounded half-up to the cent per segment. The total is the sum of segments.
 * - When a rate lies beyond what the rate table knows, the last known rate is used and
 *   `rateUnknownAfter` says from when the result is an estimate.
 * - The fixed sum is stated in the currency of the law (EUR, or GBP for the UK). It counts in
 *   `indemnityCents` and the totals only when the invoice is in that currency; otherwise it is
 *   reported in `fixedSum` alone, since no exchange rate is assumed here.
 */

export const latePaymentInput = z.object({
  amountCents: nonNegativeCents,
  currency,
  dueDate: isoDate,
  asOf: isoDate,
  jurisdiction,
  /** The rate the invoice's terms set, in percent per year. */
  contractualRatePercent: z.number().min(0).max(100).optional(),
  /**
   * Consumers (B2C) owe legal interest only from the formal notice (Code civil 1231-6): the day it
   * was sent. Without one, a consumer owes no interest yet. Other jurisdictions ignore it.
   */
  formalNoticeDate: isoDate.optional(),
  /** Defaults to the shipped table; build another one with `parseRateTable`. */
  table: z.custom<RateTable>((t) => typeof t === 'object' && t !== null).optional(),
});
export type LatePaymentInput = z.input<typeof latePaymentInput>;

export interface LatePaymentSegment {
  /** First day of interest in the segment (inclusive). */
  from: IsoDate;
  /** Last day (inclusive). */
  to: IsoDate;
  days: number;
  ratePercent: number;
  basis: RateBasis;
  referenceRatePercent: number;
  interestCents: number;
  /** Set when this segment's rate was assumed (beyond the table's knowledge). */
  rateUnknownAfter: IsoDate | null;
}

export interface LatePaymentResult {
  jurisdiction: Jurisdiction;
  currency: string;
  amountCents: number;
  dueDate: IsoDate;
  asOf: IsoDate;
  daysLate: number;
  /** The first day interest runs (day after the due date, or after the formal notice for B2C); null when none runs yet. */
  interestFrom: IsoDate | null;
  dayCountBasis: typeof DAY_COUNT_BASIS;
  segments: LatePaymentSegment[];
  interestCents: number;
  /** The statutory fixed sum in the currency of the law, or null when none applies. */
  fixedSum: FixedSum | null;
  /** The fixed sum counted in the invoice's currency (0 when none applies or currencies differ). */
  indemnityCents: number;
  /** Interest + indemnity: what is owed on top of the invoice amount. */
  totalCents: number;
  /** The invoice amount plus `totalCents`. */
  amountWithLatePaymentCents: number;
  /** Earliest day after which a rate used was assumed unchanged; null when every rate is known. */
  rateUnknownAfter: IsoDate | null;
}

function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw new LatePaymentInputError(result.error);
  return result.data;
}

export function computeLatePayment(input: LatePaymentInput): LatePaymentResult {
  const { amountCents, dueDate, asOf, contractualRatePercent, formalNoticeDate, ...rest } = parseInput(
    latePaymentInput,
    input,
  );
  const table = rest.table ?? DEFAULT_RATE_TABLE;
  const daysLate = Math.max(0, daysBetween(dueDate, asOf));
  const late = daysLate > 0 && amountCents > 0;
  const interestFrom = late ? firstDayOfInterest(rest.jurisdiction, dueDate, formalNoticeDate) : null;

  const segment = (from: IsoDate, to: IsoDate, halfYear: IsoDate): LatePaymentSegment => {
    const rate = rateForHalfYear(rest.jurisdiction, halfYear, table, contractualRatePercent);
    const days = daysBetween(from, to) + 1;
    return {
      from,
      to,
      days,
      ratePercent: rate.ratePercent,
      basis: rate.basis,
      referenceRatePercent: rate.referenceRatePercent,
      interestCents: simpleInterestCents(amountCents, rate.ratePercent, days),
      rateUnknownAfter: rate.unknownAfter,
    };
  };
  let segments: LatePaymentSegment[] = [];
  if (interestFrom !== null && compareDates(interestFrom, asOf) <= 0) {
    segments =
      rest.jurisdiction === 'UK'
        ? // The Act fixes the reference rate once per debt: the base rate on the 31 December or
          // 30 June before interest starts, kept until payment (no re-reading each half-year).
          [segment(interestFrom, asOf, halfYearStart(interestFrom))]
        : splitByHalfYear(interestFrom, asOf).map((piece) =>
            segment(piece.from, piece.to, piece.halfYearStart),
          );
  }

  const interestCents = segments.reduce((sum, s) => sum + s.interestCents, 0);
  const fixedSum = late ? fixedRecoverySum(rest.jurisdiction, amountCents) : null;
  const indemnityCents = fixedSum && fixedSum.currency === rest.currency ? fixedSum.amountCents : 0;
  const totalCents = interestCents + indemnityCents;
  const unknownDates = segments.flatMap((s) => (s.rateUnknownAfter ? [s.rateUnknownAfter] : [])).sort();

  return {
    jurisdiction: rest.jurisdiction,
    currency: rest.currency,
    amountCents,
    dueDate,
    asOf,
    daysLate,
    interestFrom: segments.length > 0 ? interestFrom : null,
    dayCountBasis: DAY_COUNT_BASIS,
    segments,
    interestCents,
    fixedSum,
    indemnityCents,
    totalCents,
    amountWithLatePaymentCents: amountCents + totalCents,
    rateUnknownAfter: unknownDates[0] ?? null,
  };
}

/**
 * Interest runs from the day after the due date; for a consumer, from the day after the formal
 * notice (never before the due date), and not at all before one was sent.
 */
function firstDayOfInterest(
  jurisdiction: Jurisdiction,
  dueDate: IsoDate,
  formalNoticeDate: IsoDate | undefined,
): IsoDate | null {
  if (jurisdiction !== 'B2C') return addDays(dueDate, 1);
  if (formalNoticeDate === undefined) return null;
  return addDays(maxDate(dueDate, formalNoticeDate), 1);
}
