import type { Membership } from '@relance/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DashboardHarness, dashboardSignIn, openHarness } from '../../testing/dashboard';

/** The team's reference-rate table: a lead adds a rate on the dashboard, installs pull it with sync. */
describe('reference rates', () => {
  let h: DashboardHarness;
  let owner: Membership;
  let member: Membership;

  beforeAll(async () => {
    h = await openHarness('2026-09-10');
    owner = await h.team('Atelier Taux');
    member = await h.join(owner, 'Max Member');
  });
  afterAll(() => h?.close());

  const api = (token: string, init: RequestInit = {}) =>
    h.app.request('/api/v1/rates', {
      ...init,
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
        ...(init.headers ?? {}),
      },
    });
  const post = async (path: string, token: string, form: Record<string, string>) =>
    h.app.request(path, {
      method: 'POST',
      headers: {
        Cookie: await dashboardSignIn(h.app, token),
        Origin: 'http://localhost',
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams(form).toString(),
    });

  it('starts from the shipped table', async () => {
    const res = await api(owner.token);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      table: { ecbMainRefinancing: { knownUntil: string } };
      updates: null;
    };
    expect(body.updates).toBeNull();
    expect(body.table.ecbMainRefinancing.knownUntil).toBe('2026-02-05');
  });

  it('a lead adds a published rate from the dashboard; it travels in the settings document', async () => {
    const page = await h.get('/dashboard/rates', owner.token);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Connu jusqu’au 05/02/2026');

    const res = await post('/dashboard/rates', owner.token, {
      series: 'ecbMainRefinancing',
      from: '2026-06-17',
      ratePercent: '2.4',
      knownUntil: '2026-09-10',
    });
    expect(res.status).toBe(303);
    const after = (await (await api(owner.token)).json()) as {
      table: { ecbMainRefinancing: { knownUntil: string; changes: { from: string; ratePercent: number }[] } };
      updates: { updatedBy: string };
    };
    expect(after.table.ecbMainRefinancing.changes.at(-1)).toEqual({ from: '2026-06-17', ratePercent: 2.4 });
    expect(after.table.ecbMainRefinancing.knownUntil).toBe('2026-09-10');
    expect(after.updates.updatedBy).toBe('Olivia Owner');

    // The extension's sync pull brings the settings document with the update.
    const pull = await h.app.request('/api/v1/sync/pull?since=0', {
      headers: { Authorization: `Bearer ${member.token}` },
    });
    const { changes } = (await pull.json()) as {
      changes: { docType?: string; data?: { rateUpdates?: unknown } }[];
    };
    expect(changes.find((c) => c.docType === 'settings')?.data?.rateUpdates).toMatchObject({
      ecbMainRefinancing: { changes: [{ from: '2026-06-17', ratePercent: 2.4 }] },
    });
  });

  it('refuses members and bad entries with a 400 or 403 saying why', async () => {
    expect(
      (
        await api(member.token, {
          method: 'POST',
          body: JSON.stringify({ series: 'boeBankRate', knownUntil: '2026-09-01' }),
        })
      ).status,
    ).toBe(403);
    const bad = await api(owner.token, {
      method: 'POST',
      body: JSON.stringify({ series: 'boeBankRate', from: '2026-09-01' }),
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('give both the date and the rate of a change');
    const page = await post('/dashboard/rates', owner.token, { series: 'boeBankRate', ratePercent: '3.5' });
    expect(page.status).toBe(400);
    expect(await page.text()).toContain('Indiquez la date et le taux');
  });

  it('a lead adds a half-year of the French legal interest rate from the dashboard', async () => {
    const page = await (await h.get('/dashboard/rates', owner.token)).text();
    // The form offers the half-years after the last one known (the shipped table ends in H1 2026).
    expect(page).toContain('value="2026-07-01"');
    const res = await post('/dashboard/rates', owner.token, {
      series: 'frLegalInterest',
      from: '2026-07-01',
      otherCasesPercent: '2.5',
      privateCreditorPercent: '6.5',
    });
    expect(res.status).toBe(303);
    const after = (await (await api(owner.token)).json()) as {
      table: { frLegalInterest: { halfYears: { from: string }[] } };
    };
    expect(after.table.frLegalInterest.halfYears.at(-1)).toEqual({
      from: '2026-07-01',
      privateCreditorPercent: 6.5,
      otherCasesPercent: 2.5,
    });
    const wrongDay = await post('/dashboard/rates', owner.token, {
      series: 'frLegalInterest',
      from: '2026-08-01',
      otherCasesPercent: '2.5',
      privateCreditorPercent: '6.5',
    });
    expect(wrongDay.status).toBe(400);
    expect(await wrongDay.text()).toContain('Un semestre commence le 1er janvier');
  });
});
