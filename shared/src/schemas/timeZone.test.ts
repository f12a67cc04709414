import { describe, expect, it } from 'vitest';
import { DEFAULT_TIME_ZONE, teamSettings } from './settings';

describe('team setting timeZone', () => {
  it('gives settings written before it Paris, keeps a chosen zone, refuses an unknown one', () => {
    expect(teamSettings.parse({ companyName: 'Atelier' }).timeZone).toBe(DEFAULT_TIME_ZONE);
    expect(DEFAULT_TIME_ZONE).toBe('Europe/Paris');
    expect(teamSettings.parse({ timeZone: 'America/Montreal' }).timeZone).toBe('America/Montreal');
    expect(teamSettings.safeParse({ timeZone: 'Mars/Olympus_Mons' }).success).toBe(false);
  });
});
