import { type Activity, activity, invoice, teamSettings } from '@relance/shared';
import { describe, expect, it } from 'vitest';
import { evaluateInvoices } from '../../src/dashboard/figures/evaluate';
import { promisesDueThisWeek } from '../../src/dashboard/figures/promises';
import type { TeamSnapshot } from '../../src/dashboard/queries/snapshot';

// Thursday 12 March 2026; the promise was for Tuesday 10.
const TODAY = '2026-03-12';
const CLIENT = '01900000-0000-7000-8000-000000000900';
const INVOICE = '01900000-0000-7000-8000-000000000001';
let n = 0;
const act = (fields: Record<string, unknown>): Activity =>
  activity.parse({
    id: `01900000-0000-7000-8000-${String(++n).padStart(12, '0')}`,
    clientId: CLIENT,
    invoiceIds: [INVOICE],
    at: `${fields.date}T09:00:00.000Z`,
    ...fields,
  });

function statusWith(activities: Activity[], status: 'unpaid' | 'paid' = 'unpaid') {
  const snapshot: TeamSnapshot = {
    teamId: 't',
    today: TODAY,
    settings: teamSettings.parse({}),
    invoices: [
      invoice.parse({
        id: INVOICE,
        number: 'A-1',
        clientId: CLIENT,
        clientName: 'Alpha',
        amountDueCents: 100_000,
        totalCents: 100_000,
        currency: 'EUR',
        dueDate: '2026-02-20',
        status,
      }),
    ],
    clients: new Map(),
    activities,
    people: [],
  };
  return promisesDueThisWeek(snapshot, evaluateInvoices(snapshot)).map((p) => p.status);
}

const promise = act({
  type: 'promise-to-pay',
  date: '2026-03-03',
  promisedDate: '2026-03-10',
  amountCents: 100_000,
});

describe('promises to pay on the dashboard', () => {
  it('a payment by the promised date keeps the promise', () => {
    expect(
      statusWith([promise, act({ type: 'payment-received', date: '2026-03-10', amountCents: 100_000 })]),
    ).toEqual(['kept']);
  });

  it('a payment after the promised date does not: the promise was broken, as the engine says', () => {
    const late = act({ type: 'payment-received', date: '2026-03-11', amountCents: 100_000, settles: true });
    expect(statusWith([promise, late])).toEqual(['broken']);
    expect(statusWith([promise, late], 'paid')).toEqual(['broken']);
  });

  it('an invoice the page shows paid, with no payment date known, keeps it', () => {
    expect(statusWith([promise], 'paid')).toEqual(['kept']);
  });

  it('a withdrawn promise is not listed', () => {
    expect(statusWith([promise, act({ type: 'void', date: '2026-03-04', voids: promise.id })])).toEqual([]);
  });
});
