import { addDays, compareDates } from '../dates';
import type { IsoDate } from '../schemas/common';

/**
 * Late-payment rates change per calendar half-year (1 January – 30 June, 1 July – 31 December),
 * so interest is computed in pieces that never cross 1 January or 1 July.
 */

/** `YYYY-01-01` or `YYYY-07-01`: the first day of the half-year containing `date`. */
export function halfYearStart(date: IsoDate): IsoDate {
  const year = date.slice(0, 4);
  return Number(date.slice(5, 7)) <= 6 ? `${year}-01-01` : `${year}-07-01`;
}

/** The first day of the half-year after the one containing `date`. */
export function nextHalfYearStart(date: IsoDate): IsoDate {
  const year = Number(date.slice(0, 4));
  return Number(date.slice(5, 7)) <= 6 ? `${year}-07-01` : `${year + 1}-01-01`;
}

export interface HalfYearPiece {
  /** First day of the piece (inclusive). */
  from: IsoDate;
  /** Last day of the piece (inclusive). */
  to: IsoDate;
  halfYearStart: IsoDate;
}

/** Splits the inclusive day range `firstDay`..`lastDay` at every 1 January and 1 July. */
export function splitByHalfYear(firstDay: IsoDate, lastDay: IsoDate): HalfYearPiece[] {
  const pieces: HalfYearPiece[] = [];
  let from = firstDay;
  while (compareDates(from, lastDay) <= 0) {
    const next = nextHalfYearStart(from);
    const endOfHalf = addDays(next, -1);
    const to = compareDates(endOfHalf, lastDay) < 0 ? endOfHalf : lastDay;
    pieces.push({ from, to, halfYearStart: halfYearStart(from) });
    from = next;
  }
  return pieces;
}
