import type { Membership } from '@relance/shared';
import { uuidv7 } from '@relance/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personActivity } from '../../src/dashboard/figures/personActivity';
import { activityChange, clientChange } from '../../testing';
import { type DashboardHarness, openHarness } from '../../testing/dashboard';

/** The people table counts what still stands: a withdrawn reminder and its void count for no one. */
describe('personActivity and withdrawn entries', () => {
  let h: DashboardHarness;
  let owner: Membership;
  const client = uuidv7();
  const kept = uuidv7();
  const withdrawn = uuidv7();

  beforeAll(async () => {
    h = await openHarness('2026-03-12');
    owner = await h.team('Atelier Lumière');
    await h.push(owner.token, [
      clientChange({ id: client, name: 'Alpha SARL' }),
      activityChange({ id: kept, type: 'reminder', clientId: client, stage: 'reminder-1', channel: 'email' }),
      activityChange({
        id: withdrawn,
        type: 'reminder',
        clientId: client,
        stage: 'reminder-2',
        channel: 'email',
      }),
      activityChange({ type: 'void', clientId: client, voids: withdrawn, voidedType: 'reminder' }),
      activityChange({ type: 'call', clientId: client }),
    ]);
  });
  afterAll(() => h.close());

  it('counts the reminder that stands, not the withdrawn one, and not the void', async () => {
    const [row] = await personActivity(h.db, owner.team.id, { from: '2026-03-01', to: '2026-03-12' });
    expect(row?.counts.reminders).toBe(1);
    expect(row?.counts.calls).toBe(1);
    expect(row?.total).toBe(2);
  });
});
