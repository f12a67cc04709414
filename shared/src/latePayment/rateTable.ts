import { z } from 'zod';
import { addDays, compareDates } from '../dates';
import type { IsoDate } from '../schemas/common';
import { isoDate } from '../schemas/common';
import { describeIssues } from './errors';
import { halfYearStart, nextHalfYearStart } from './halfYears';
import ratesJson from './rates.json';

/**
 * The reference-rate table ships as data (rates.json) so that a new rate is a data change, not a
 * code change. It is validated here when loaded; a table coming from elsewhere (a server setting,
 * a test) goes through `parseRateTable` too.
 */

export const percent = z.number().min(-10).max(100);

export const ascendingFrom = (entries: { from: string }[]) =>
  entries.every((e, i) => i === 0 || entries[i - 1]!.from < e.from);

/** A central-bank rate: a list of dated changes, each in force until the next one. */
const rateSeries = z.object({
  source: z.string(),
  /** The last day on which the series was checked: the last rate is known to hold until then. */
  knownUntil: isoDate,
  changes: z
    .array(z.object({ from: isoDate, ratePercent: percent }))
    .min(1)
    .refine(ascendingFrom, 'rate changes must be in increasing order of date'),
});
export type RateSeries = z.infer<typeof rateSeries>;

export const legalInterestHalfYear = z.object({
  from: isoDate.refine(
    (d) => d.endsWith('-01-01') || d.endsWith('-07-01'),
    'a half-year starts on 1 January or 1 July',
  ),
  /** Creditor is a private person not acting for professional needs. */
  privateCreditorPercent: percent,
  /** Every other case (the creditor is a business). */
  otherCasesPercent: percent,
});

export const rateTable = z.object({
  updatedOn: isoDate,
  notes: z.string().optional(),
  ecbMainRefinancing: rateSeries,
  boeBankRate: rateSeries,
  frLegalInterest: z.object({
    source: z.string(),
    halfYears: z
      .array(legalInterestHalfYear)
      .min(1)
      .refine(ascendingFrom, 'half-years must be in increasing order of date'),
  }),
});
export type RateTable = z.infer<typeof rateTable>;

/** Validates a rate table; throws an Error whose message lists what is wrong. */
export function parseRateTable(input: unknown): RateTable {
  const result = rateTable.safeParse(input);
  if (!result.success) throw new Error(`Invalid rate table:\n${describeIssues(result.error)}`);
  return result.data;
}

export const DEFAULT_RATE_TABLE: RateTable = parseRateTable(ratesJson);

/** A looked-up rate; `unknownAfter` is set when the date lies beyond what the table knows. */
export interface LookedUpRate {
  ratePercent: number;
  /** The last day the table vouches for, when the rate had to be assumed unchanged after it. */
  unknownAfter: IsoDate | null;
}

/** The rate of a central-bank series in force on `date` (the last change on or before it). */
export function rateInForce(series: RateSeries, date: IsoDate, name: string): LookedUpRate {
  const first = series.changes[0]!;
  if (compareDates(date, first.from) < 0) {
    throw new RangeError(`No ${name} rate is known before ${first.from} (asked for ${date})`);
  }
  let rate = first.ratePercent;
  for (const change of series.changes) {
    if (compareDates(change.from, date) > 0) break;
    rate = change.ratePercent;
  }
  const known = compareDates(date, series.knownUntil) <= 0;
  return { ratePercent: rate, unknownAfter: known ? null : series.knownUntil };
}

export interface LegalInterestRates {
  privateCreditorPercent: number;
  otherCasesPercent: number;
  unknownAfter: IsoDate | null;
}

/** The French legal interest rates for the half-year containing `date`. */
export function legalInterestRates(table: RateTable, date: IsoDate): LegalInterestRates {
  const halfYears = table.frLegalInterest.halfYears;
  const wanted = halfYearStart(date);
  const first = halfYears[0]!;
  if (compareDates(wanted, first.from) < 0) {
    throw new RangeError(`No French legal interest rate is known before ${first.from} (asked for ${date})`);
  }
  // The latest half-year listed on or before the wanted one; if it is not the wanted one itself,
  // the table does not know that half-year yet and its rates are assumed unchanged.
  const listed = halfYears.filter((h) => compareDates(h.from, wanted) <= 0).at(-1)!;
  const unknownAfter = listed.from === wanted ? null : addDays(nextHalfYearStart(listed.from), -1);
  return { ...pickRates(listed), unknownAfter };
}

function pickRates(h: z.infer<typeof legalInterestHalfYear>) {
  return { privateCreditorPercent: h.privateCreditorPercent, otherCasesPercent: h.otherCasesPercent };
}
