import { describe, expect, it } from 'vitest';
import { teamSettings } from './settings';

describe('teamSettings', () => {
  it('fills the defaults of an empty document', () => {
    const parsed = teamSettings.parse({});
    expect(parsed.jurisdiction).toBe('FR');
    expect(parsed.quietPeriodDays).toBe(5);
  });

  it('keeps a setting it does not know, written by a newer release', () => {
    const parsed = teamSettings.parse({ quietPeriodDays: 7, futureSetting: { on: true } });
    expect(parsed).toMatchObject({ quietPeriodDays: 7, futureSetting: { on: true } });
  });

  it('still refuses a known setting with a wrong value', () => {
    expect(teamSettings.safeParse({ quietPeriodDays: -1 }).success).toBe(false);
  });
});
