/**
 * Simple interest on integer cents, exact: rates are turned into integer units of 1/10 000 of a
 * percent and the division is done on BigInt, so no floating-point error can tip a rounding.
 */

/** French practice (and the UK Act's daily rate) divide by 365, also in a leap year. */
export const DAY_COUNT_BASIS = 365;

const UNITS_PER_PERCENT = 10_000;

/** A rate in percent as an integer count of 1/10 000 %, e.g. 12.15 → 121 500. */
export function rateUnits(ratePercent: number): number {
  return Math.round(ratePercent * UNITS_PER_PERCENT);
}

/** Back from units to percent, without float noise (121 500 → 12.15). */
export function percentFromUnits(units: number): number {
  return units / UNITS_PER_PERCENT;
}

/** Adds percentage points exactly: addPoints(2.15, 10) === 12.15. */
export function addPoints(ratePercent: number, points: number): number {
  return percentFromUnits(rateUnits(ratePercent) + rateUnits(points));
}

/** Multiplies a rate exactly: timesRate(2.76, 3) === 8.28. */
export function timesRate(ratePercent: number, factor: number): number {
  return percentFromUnits(rateUnits(ratePercent) * factor);
}

/**
 * amount × rate × days / 365, rounded half-up to the cent. Amounts and rates here are never
 * negative (validated upstream), so half-up is plain "round half away from zero".
 */
export function simpleInterestCents(amountCents: number, ratePercent: number, days: number): number {
  if (amountCents <= 0 || days <= 0 || ratePercent <= 0) return 0;
  const numerator = BigInt(amountCents) * BigInt(rateUnits(ratePercent)) * BigInt(days);
  const denominator = BigInt(100 * UNITS_PER_PERCENT * DAY_COUNT_BASIS);
  return Number((numerator * 2n + denominator) / (denominator * 2n));
}
