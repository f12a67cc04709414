import { uuidv7 } from '@relance/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personActivity } from '../../src/dashboard/figures/personActivity';
import { activityChange, clientChange } from '../../testing';
import { type DashboardHarness, openHarness } from '../../testing/dashboard';

/** Paper counts as paper: letters, formal notices and reminders sent by post are letters, not "reminders". */
describe('per-person activity: letters', () => {
  let h: DashboardHarness;
  beforeAll(async () => {
    h = await openHarness('2026-03-12');
  });
  afterAll(async () => {
    await h.close();
  });

  it('counts formal notices, letters and reminders sent by letter in the letters column', async () => {
    const owner = await h.team('Imprimerie Roux');
    const client = uuidv7();
    const at = (date: string) => ({ clientId: client, invoiceIds: [], date });
    await h.push(owner.token, [
      clientChange({ id: client, name: 'Durand' }),
      activityChange({ type: 'reminder', ...at('2026-03-02'), stage: 'reminder-1', channel: 'gmail' }),
      activityChange({
        type: 'reminder',
        ...at('2026-03-03'),
        stage: 'reminder-2',
        channel: 'registered-letter',
      }),
      activityChange({ type: 'reminder', ...at('2026-03-04'), stage: 'reminder-2', channel: 'print' }),
      activityChange({ type: 'letter', ...at('2026-03-05'), registered: false }),
      activityChange({ type: 'formal-notice', ...at('2026-03-06'), deadline: '2026-03-14' }),
    ]);
    const [row] = await personActivity(h.db, owner.team.id, { from: '2026-03-01', to: '2026-03-12' });
    expect(row?.counts.reminders).toBe(1);
    expect(row?.counts.letters).toBe(4);
    expect(row?.total).toBe(5);
  });
});
