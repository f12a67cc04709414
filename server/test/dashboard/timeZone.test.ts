import { describe, expect, it } from 'vitest';
import { timeOfDay } from '../../src/dashboard/figures/timeZone';

describe('timeOfDay', () => {
  it('writes an instant in the team’s zone, summer and winter time included', () => {
    expect(timeOfDay('2026-01-15T08:15:00.000Z', 'Europe/Paris', 'fr')).toBe('09:15');
    expect(timeOfDay('2026-07-15T08:15:00.000Z', 'Europe/Paris', 'fr')).toBe('10:15');
    expect(timeOfDay('2026-07-15T08:15:00.000Z', 'America/Montreal', 'en')).toBe('04:15');
    expect(timeOfDay('not a date', 'Europe/Paris', 'fr')).toBe('');
  });
});
