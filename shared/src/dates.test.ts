import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isLeapYear, todayLocal } from './dates';
import { isoDate } from './schemas/common';

describe('calendar dates', () => {
  it('counts days across a leap day', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2023-02-28', '2023-03-01')).toBe(1);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  });
  it('counts negative days before the date and across years', () => {
    expect(daysBetween('2026-03-12', '2026-03-09')).toBe(-3);
    expect(daysBetween('2025-12-31', '2026-01-01')).toBe(1);
  });
  it('ignores daylight saving changes (Europe/Paris switch on 2026-03-29)', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
  });
  it('knows leap years', () => {
    expect([2024, 2000, 1900, 2026].map(isLeapYear)).toEqual([true, true, false, false]);
  });
  it('reads today in local time', () => {
    expect(todayLocal(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
  it('rejects dates that do not exist', () => {
    expect(isoDate.safeParse('2026-02-29').success).toBe(false);
    expect(isoDate.safeParse('2024-02-29').success).toBe(true);
    expect(isoDate.safeParse('12/03/2026').error?.issues[0]?.message).toMatch(/YYYY-MM-DD/);
  });
});
