import { addDays, compareDates } from '../dates';
import type { Activity, ActivityOf } from '../schemas/activity';
import type { IsoDate } from '../schemas/common';
import type { BrokenPaymentPlan, BrokenPromise, PauseReason, PolicyPause } from './types';

/**
 * When reminders are held (docs/architecture.md#the-rules-the-code-computes):
 * - a dispute holds them from the day it is opened until the day it is resolved;
 * - a promise to pay holds them from the day it is made through the promised date: the payment
 *   may still arrive that day, so reminders resume the day after. A newer promise, or a payment
 *   plan agreed since, replaces it (it is then not reported broken);
 * - a payment plan holds them from the day it is agreed while its instalments are met: an
 *   instalment not covered by the payments received from the agreement up to its date breaks
 *   the plan the day after. Once the last instalment passed, the plan no longer holds. A newer
 *   plan replaces it. Instalments dated before the agreement are ignored.
 */

/** A stretch of days with reminders held: `start` inclusive, `end` exclusive (null: no end known yet). */
export interface PauseSpan {
  reason: PauseReason;
  start: IsoDate;
  end: IsoDate | null;
  until?: IsoDate;
}

export interface PauseAnalysis {
  spans: PauseSpan[];
  brokenPromise: BrokenPromise | null;
  brokenPaymentPlan: BrokenPaymentPlan | null;
}

export interface PauseInput {
  /** Activities concerning the invoice, oldest first, up to today. */
  concerning: readonly Activity[];
  /** Every activity given up to today: a promise or plan covering several invoices is met by payments on any of them. */
  all: readonly Activity[];
  today: IsoDate;
  /** The invoice is paid: nothing is broken any more. */
  closed: boolean;
}

export function analysePauses(input: PauseInput): PauseAnalysis {
  const promises = promiseSpans(input);
  const plans = paymentPlanSpans(input);
  return {
    spans: [...disputeSpans(input.concerning), ...promises.spans, ...plans.spans],
    brokenPromise: input.closed ? null : promises.broken,
    brokenPaymentPlan: input.closed ? null : plans.broken,
  };
}

function disputeSpans(concerning: readonly Activity[]): PauseSpan[] {
  const spans: PauseSpan[] = [];
  let openSince: IsoDate | null = null;
  for (const a of concerning) {
    if (a.type === 'dispute-opened' && openSince === null) openSince = a.date;
    if (a.type === 'dispute-resolved' && openSince !== null) {
      if (openSince < a.date) spans.push({ reason: 'dispute', start: openSince, end: a.date });
      openSince = null;
    }
  }
  if (openSince !== null) spans.push({ reason: 'dispute', start: openSince, end: null });
  return spans;
}

/** Payments on any of `invoiceIds` dated from `from` to `to` inclusive. */
function paidTowards(
  all: readonly Activity[],
  invoiceIds: readonly string[],
  from: IsoDate,
  to: IsoDate,
): number {
  let sum = 0;
  for (const a of all) {
    if (a.type !== 'payment-received' || a.date < from || a.date > to) continue;
    if (a.invoiceIds.some((id) => invoiceIds.includes(id))) sum += a.amountCents;
  }
  return sum;
}

function promiseSpans({ concerning, all, today }: PauseInput) {
  const promises = concerning.filter((a): a is ActivityOf<'promise-to-pay'> => a.type === 'promise-to-pay');
  const spans: PauseSpan[] = [];
  promises.forEach((promise, i) => {
    const replacedOn = promises[i + 1]?.date;
    let end = addDays(promise.promisedDate, 1);
    if (replacedOn !== undefined && replacedOn < end) end = replacedOn;
    if (promise.date < end) {
      spans.push({ reason: 'promise-to-pay', start: promise.date, end, until: promise.promisedDate });
    }
  });

  const latest = promises.at(-1);
  const replacedByPlan = latest && concerning.some((a) => a.type === 'payment-plan' && a.date >= latest.date);
  let broken: BrokenPromise | null = null;
  if (latest && latest.promisedDate < today && !replacedByPlan) {
    const paidCents = paidTowards(all, latest.invoiceIds, latest.date, latest.promisedDate);
    const keptPart = latest.amountCents !== undefined && paidCents >= latest.amountCents;
    if (!keptPart) {
      broken = {
        activityId: latest.id,
        madeOn: latest.date,
        promisedDate: latest.promisedDate,
        ...(latest.amountCents === undefined ? {} : { promisedCents: latest.amountCents }),
        paidCents,
      };
    }
  }
  return { spans, broken };
}

function paymentPlanSpans({ concerning, all, today }: PauseInput) {
  const plans = concerning.filter((a): a is ActivityOf<'payment-plan'> => a.type === 'payment-plan');
  const spans: PauseSpan[] = [];
  let broken: BrokenPaymentPlan | null = null;

  plans.forEach((plan, i) => {
    const replacedOn = plans[i + 1]?.date;
    const instalments = plan.instalments
      .filter((inst) => inst.date >= plan.date)
      .sort((a, b) => compareDates(a.date, b.date));
    const last = instalments.at(-1);
    if (!last) return;

    let end = addDays(last.date, 1);
    let missed: BrokenPaymentPlan | null = null;
    let expectedCents = 0;
    for (const inst of instalments) {
      expectedCents += inst.amountCents;
      const missedFrom = addDays(inst.date, 1);
      // Not yet passed, or the plan was replaced before this instalment could be missed.
      if (missedFrom > today || (replacedOn !== undefined && replacedOn <= inst.date)) break;
      const paidCents = paidTowards(all, plan.invoiceIds, plan.date, inst.date);
      if (paidCents < expectedCents) {
        missed = {
          activityId: plan.id,
          agreedOn: plan.date,
          missedInstalmentDate: inst.date,
          expectedCents,
          paidCents,
        };
        end = missedFrom;
        break;
      }
    }
    if (replacedOn !== undefined && replacedOn < end) end = replacedOn;
    if (plan.date < end) spans.push({ reason: 'payment-plan', start: plan.date, end, until: last.date });
    if (i === plans.length - 1) broken = missed;
  });
  return { spans, broken };
}

/** Days with reminders held, overlapping and touching spans merged: disjoint and in order. */
export interface PausedPeriod {
  start: IsoDate;
  end: IsoDate | null;
}

export function mergeSpans(spans: readonly PauseSpan[]): PausedPeriod[] {
  const sorted = [...spans].sort((a, b) => compareDates(a.start, b.start));
  const periods: PausedPeriod[] = [];
  for (const span of sorted) {
    const current = periods.at(-1);
    if (current && (current.end === null || span.start <= current.end)) {
      if (current.end !== null && (span.end === null || span.end > current.end)) current.end = span.end;
    } else {
      periods.push({ start: span.start, end: span.end });
    }
  }
  return periods;
}

export function isWithin(period: PausedPeriod, date: IsoDate): boolean {
  return period.start <= date && (period.end === null || date < period.end);
}

/** The first day on or after `date` that is not held by a pause; null when a pause with no end holds it. */
export function firstDayNotPaused(periods: readonly PausedPeriod[], date: IsoDate): IsoDate | null {
  const holding = periods.find((p) => isWithin(p, date));
  return holding ? holding.end : date;
}

/** The last day reminders resumed after a pause, on or before today. */
export function lastResumedOn(periods: readonly PausedPeriod[], today: IsoDate): IsoDate | null {
  const ended = periods.filter((p) => p.end !== null && p.end <= today);
  return ended.at(-1)?.end ?? null;
}

const PRIORITY: PauseReason[] = ['dispute', 'payment-plan', 'promise-to-pay'];

/** The pause holding reminders today, if any: a dispute first, then a plan, then a promise. */
export function pauseOn(
  spans: readonly PauseSpan[],
  periods: readonly PausedPeriod[],
  today: IsoDate,
): PolicyPause | null {
  const holding = spans.filter((s) => isWithin(s, today));
  if (holding.length === 0) return null;
  const reason = PRIORITY.find((r) => holding.some((s) => s.reason === r))!;
  const span = holding.find((s) => s.reason === reason)!;
  const since = periods.find((p) => isWithin(p, today))!.start;
  return { reason, since, ...(span.until === undefined ? {} : { until: span.until }) };
}
