import type { Membership } from '@relance/shared';
import { uuidv7 } from '@relance/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOverview, type Overview } from '../../src/dashboard/figures/overview';
import { personActivity } from '../../src/dashboard/figures/personActivity';
import { loadTeamSnapshot } from '../../src/dashboard/queries/snapshot';
import { activityChange, clientChange, invoiceChange } from '../../testing';
import { type DashboardHarness, openHarness } from '../../testing/dashboard';

/**
 * The overview's figures on a seeded team, today being Thursday 12 March 2026 (week: Monday 9 to
 * Sunday 15). Every expected number below is worked out by hand from the seed.
 */
const TODAY = '2026-03-12';

describe('dashboard figures', () => {
  let h: DashboardHarness;
  let owner: Membership;
  let marie: Membership;
  let overview: Overview;
  const alpha = uuidv7();
  const beta = uuidv7();
  const gamma = uuidv7();
  const delta = uuidv7();
  const inv = {
    a1: uuidv7(), // 10 days late, 1 000 €; promise for Tue 10 broken
    a2: uuidv7(), // 45 days late, 2 500 €: formal notice reached, not sent
    a3: uuidv7(), // 15 days late, 500 € of which 100 € paid (page not updated); reminder-2 sent
    b1: uuidv7(), // 75 days late, 500 €, disputed
    b2: uuidv7(), // 131 days late, 300 €, formal notice sent: at the legal stage
    c1: uuidv7(), // due in 8 days, 800 €
    c2: uuidv7(), // paid
    c3: uuidv7(), // 20 days late, 600 €, promise for Fri 13
    d1: uuidv7(), // 11 days late, 123,45 $
    draft: uuidv7(),
    cancelled: uuidv7(),
  };

  beforeAll(async () => {
    h = await openHarness(TODAY);
    owner = await h.team('Atelier Lumière');
    marie = await h.join(owner, 'Marie Martin');
    await h.push(owner.token, [
      clientChange({ id: alpha, name: 'Alpha SARL' }),
      clientChange({ id: beta, name: 'Beta & Fils' }),
      clientChange({ id: gamma, name: 'Gamma' }),
      clientChange({ id: delta, name: 'Delta Inc' }),
      invoiceChange({
        id: inv.a1,
        number: 'A-1',
        clientId: alpha,
        clientName: 'Alpha SARL',
        amountDueCents: 100_000,
        dueDate: '2026-03-02',
      }),
      invoiceChange({
        id: inv.a2,
        number: 'A-2',
        clientId: alpha,
        clientName: 'Alpha SARL',
        amountDueCents: 250_000,
        dueDate: '2026-01-26',
      }),
      invoiceChange({
        id: inv.a3,
        number: 'A-3',
        clientId: alpha,
        clientName: 'Alpha SARL',
        amountDueCents: 50_000,
        totalCents: 50_000,
        dueDate: '2026-02-25',
      }),
      invoiceChange({
        id: inv.b1,
        number: 'B-1',
        clientId: beta,
        clientName: 'Beta & Fils',
        amountDueCents: 50_000,
        dueDate: '2025-12-27',
        issueDate: '2025-12-15',
      }),
      invoiceChange({
        id: inv.b2,
        number: 'B-2',
        clientId: beta,
        clientName: 'Beta & Fils',
        amountDueCents: 30_000,
        dueDate: '2025-11-01',
      }),
      invoiceChange({
        id: inv.c1,
        number: 'C-1',
        clientId: gamma,
        clientName: 'Gamma',
        amountDueCents: 80_000,
        dueDate: '2026-03-20',
        issueDate: '2026-02-18',
      }),
      invoiceChange({
        id: inv.c2,
        number: 'C-2',
        clientId: gamma,
        clientName: 'Gamma',
        amountDueCents: 0,
        totalCents: 40_000,
        dueDate: '2026-02-01',
        issueDate: '2026-01-02',
        status: 'paid',
      }),
      invoiceChange({
        id: inv.c3,
        number: 'C-3',
        clientId: gamma,
        clientName: 'Gamma',
        amountDueCents: 60_000,
        dueDate: '2026-02-20',
      }),
      invoiceChange({
        id: inv.d1,
        number: 'D-1',
        clientId: delta,
        clientName: 'Delta Inc',
        amountDueCents: 12_345,
        currency: 'USD',
        dueDate: '2026-03-01',
      }),
      invoiceChange({
        id: inv.draft,
        number: 'DRAFT',
        clientId: gamma,
        clientName: 'Gamma',
        amountDueCents: 99_900,
        dueDate: '2026-01-01',
        status: 'draft',
      }),
      invoiceChange({
        id: inv.cancelled,
        number: 'X-1',
        clientId: gamma,
        clientName: 'Gamma',
        amountDueCents: 77_700,
        dueDate: '2026-02-01',
        issueDate: '2026-01-15',
        status: 'cancelled',
      }),
      activityChange({
        type: 'payment-received',
        clientId: alpha,
        invoiceIds: [inv.a3],
        date: '2026-03-01',
        amountCents: 10_000,
      }),
      activityChange({
        type: 'promise-to-pay',
        clientId: alpha,
        invoiceIds: [inv.a1],
        date: '2026-03-02',
        promisedDate: '2026-03-10',
        amountCents: 100_000,
      }),
      activityChange({
        type: 'dispute-opened',
        clientId: beta,
        invoiceIds: [inv.b1],
        date: '2026-02-01',
        reason: 'Livraison incomplète',
      }),
      activityChange({
        type: 'formal-notice',
        clientId: beta,
        invoiceIds: [inv.b2],
        date: '2026-01-10',
        deadline: '2026-01-25',
      }),
      // A dispute opened and resolved: not open any more.
      activityChange({
        type: 'dispute-opened',
        clientId: gamma,
        invoiceIds: [inv.c1],
        date: '2026-02-19',
        reason: 'Erreur de TVA',
      }),
      activityChange({
        type: 'dispute-resolved',
        clientId: gamma,
        invoiceIds: [inv.c1],
        date: '2026-02-21',
        resolution: 'Avoir émis',
      }),
      // Replaced by Marie's promise of 5 March: not listed although its date falls this week.
      activityChange({
        type: 'promise-to-pay',
        clientId: gamma,
        invoiceIds: [inv.c3],
        date: '2026-02-25',
        promisedDate: '2026-03-11',
      }),
      // Outside the people period below.
      activityChange({
        type: 'reminder',
        clientId: gamma,
        invoiceIds: [inv.c3],
        date: '2026-02-27',
        stage: 'reminder-1',
        channel: 'email',
      }),
    ]);
    await h.push(marie.token, [
      activityChange({
        type: 'reminder',
        clientId: alpha,
        invoiceIds: [inv.a3],
        date: '2026-03-11',
        stage: 'reminder-2',
        channel: 'gmail',
      }),
      activityChange({
        type: 'call',
        clientId: alpha,
        invoiceIds: [inv.a1],
        date: '2026-03-09',
        outcome: 'Rappeler lundi',
      }),
      activityChange({
        type: 'promise-to-pay',
        clientId: gamma,
        invoiceIds: [inv.c3],
        date: '2026-03-05',
        promisedDate: '2026-03-13',
        amountCents: 60_000,
      }),
    ]);
    overview = buildOverview(await loadTeamSnapshot(h.db, owner.team.id, TODAY));
  });

  afterAll(() => h?.close());

  it('totals the overdue amount per currency and splits it by age', () => {
    expect(overview.overdue).toEqual([
      {
        currency: 'EUR',
        // A-1 1 000 + A-3 400 (500 less 100 paid) + C-3 600 | A-2 2 500 | B-1 500 | B-2 300
        totalCents: 530_000,
        count: 6,
        buckets: [
          { bucket: '0-30', cents: 200_000, count: 3 },
          { bucket: '31-60', cents: 250_000, count: 1 },
          { bucket: '61-90', cents: 50_000, count: 1 },
          { bucket: '90+', cents: 30_000, count: 1 },
        ],
      },
      {
        currency: 'USD',
        totalCents: 12_345,
        count: 1,
        buckets: [
          { bucket: '0-30', cents: 12_345, count: 1 },
          { bucket: '31-60', cents: 0, count: 0 },
          { bucket: '61-90', cents: 0, count: 0 },
          { bucket: '90+', cents: 0, count: 0 },
        ],
      },
    ]);
  });

  it('computes DSO as receivables ÷ billed over the last 90 days × 90', () => {
    const eur = overview.dso.find((d) => d.currency === 'EUR');
    // Receivables: the 5 300 € overdue + C-1's 800 € not yet due.
    // Billed since 13 Dec 2025 (issue date, else due date − 30 days): C-1 800, C-2 400 (paid
    // counts), A-1 1 000, A-2 2 500, A-3 500, C-3 600, B-1 500 (issued 15 Dec); not B-2 (issued
    // 2 Oct), nor the draft or the cancelled invoice. 6 100 / 6 300 × 90 = 87.1.
    expect(eur).toEqual({ currency: 'EUR', receivablesCents: 610_000, billedCents: 630_000, days: 87 });
    expect(overview.dso.find((d) => d.currency === 'USD')).toEqual({
      currency: 'USD',
      receivablesCents: 12_345,
      billedCents: 12_345,
      days: 90,
    });
  });

  it('counts open invoices per stage with the policy engine', () => {
    const byStage = Object.fromEntries(overview.stages.map((s) => [s.stage, [s.count, s.actionDue]]));
    expect(byStage).toEqual({
      courtesy: [0, 0],
      'reminder-1': [2, 2], // A-1 (its promise broke on the 10th: reminders resumed), D-1
      'reminder-2': [1, 0], // A-3, reminded yesterday
      'payment-plan': [0, 0],
      'formal-notice': [1, 1],
      legal: [1, 1], // B-2
      paused: [2, 0], // B-1 (dispute), C-3 (promise)
      none: [1, 0], // C-1, not due yet
    });
    expect(overview.stages.find((s) => s.stage === 'reminder-1')?.outstanding).toEqual({
      EUR: 100_000,
      USD: 12_345,
    });
    expect(overview.stages.map((s) => s.stage)).toEqual([
      'courtesy',
      'reminder-1',
      'reminder-2',
      'payment-plan',
      'formal-notice',
      'legal',
      'paused',
      'none',
    ]);
  });

  it('lists the promises falling due this week, without replaced ones, with their status', () => {
    expect(overview.week).toEqual({ start: '2026-03-09', end: '2026-03-15' });
    expect(
      overview.promises.map((p) => ({
        client: p.clientName,
        date: p.promise.promisedDate,
        cents: p.cents,
        status: p.status,
        by: p.promise.authorName,
      })),
    ).toEqual([
      { client: 'Alpha SARL', date: '2026-03-10', cents: 100_000, status: 'broken', by: 'Olivia Owner' },
      { client: 'Gamma', date: '2026-03-13', cents: 60_000, status: 'upcoming', by: 'Marie Martin' },
    ]);
  });

  it('lists open disputes and the invoices at formal notice', () => {
    expect(
      overview.disputes.map((d) => [
        d.clientName,
        d.dispute.reason,
        d.invoices.map((f) => f.invoice.number),
        d.outstandingCents,
      ]),
    ).toEqual([['Beta & Fils', 'Livraison incomplète', ['B-1'], 50_000]]);
    expect(
      overview.formalNotices.map((n) => [
        n.figure.invoice.number,
        n.figure.state.stage,
        n.notice?.date ?? null,
      ]),
    ).toEqual([
      ['B-2', 'legal', '2026-01-10'],
      ['A-2', 'formal-notice', null],
    ]);
  });

  it('counts each person’s activity over a period', async () => {
    const rows = await personActivity(h.db, owner.team.id, { from: '2026-03-01', to: TODAY });
    const byName = Object.fromEntries(rows.map((r) => [r.name, { ...r.counts, total: r.total }]));
    expect(byName['Marie Martin']).toEqual({
      reminders: 1,
      calls: 1,
      letters: 0,
      promises: 1,
      payments: 0,
      disputes: 0,
      other: 0,
      total: 3,
    });
    expect(byName['Olivia Owner']).toEqual({
      reminders: 0,
      calls: 0,
      letters: 0,
      promises: 1,
      payments: 1,
      disputes: 0,
      other: 0,
      total: 2,
    });
    expect(rows.map((r) => r.name)).toEqual(['Marie Martin', 'Olivia Owner']);
  });

  it('keeps every figure to the team: another team sees none of it', async () => {
    const other = await h.team('Someone else');
    const empty = buildOverview(await loadTeamSnapshot(h.db, other.team.id, TODAY));
    expect(empty.overdue).toEqual([]);
    expect(empty.promises).toEqual([]);
    expect(empty.disputes).toEqual([]);
    expect(empty.figures).toEqual([]);
  });
});
