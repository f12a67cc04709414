import { addDays, type IsoDate, toDayNumber } from '@relance/shared';

/** The calendar week holding `today`, Monday to Sunday (the French and ISO 8601 week). */
export function weekOf(today: IsoDate): { start: IsoDate; end: IsoDate } {
  // Day 0 of the epoch (1970-01-01) was a Thursday: Monday is 0 after shifting by 3.
  const weekday = (((toDayNumber(today) + 3) % 7) + 7) % 7;
  const start = addDays(today, -weekday);
  return { start, end: addDays(start, 6) };
}
