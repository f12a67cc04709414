import { describe, expect, it } from 'vitest';
import { evaluateInvoice } from './evaluateInvoice';
import { clientKeyOf, groupByClient, invoiceStagesOf, planClientReminder } from './grouping';
import { act, day, makeInvoice, reminder, uuidOf } from './testFixtures';

// One client, today = DUE + 20 (2025-03-30). Each invoice gets its own due date to land at a stage.
const today = day(20);
const dueAt = (stageDay: number) => day(20 - stageDay);
const inv = (n: number, stageDay: number, fields = {}) =>
  makeInvoice({ id: uuidOf(n), number: `F-${n}`, dueDate: dueAt(stageDay), ...fields });

const atReminder2 = inv(1, 16); // +16: reminder-2 due
const atReminder1 = inv(2, 8); // +8: reminder-1 due
const paid = inv(3, 50, { status: 'paid' });
const disputed = inv(4, 20);
const courtesy = inv(5, -2); // −2: courtesy due, not yet overdue
const alreadyReminded = inv(6, 9); // +9: reminder-1 done
const activities = [
  act('dispute-opened', day(10), { invoiceIds: [disputed.id], reason: 'prix contesté' }),
  reminder(dueAt(1), 'reminder-1', { invoiceIds: [alreadyReminded.id] }),
];

describe('one grouped reminder per client', () => {
  it('uses the firmest due stage and covers the overdue invoices whose action is due', () => {
    const plan = planClientReminder({
      invoices: [atReminder1, atReminder2, paid, disputed, courtesy, alreadyReminded],
      activities,
      today,
    });
    expect(plan?.stage).toBe('reminder-2');
    expect(plan?.invoices.map((e) => e.invoice.number)).toEqual(['F-2', 'F-1']);
    expect(plan?.invoices.map((e) => e.state.currentStage)).toEqual(['reminder-1', 'reminder-2']);
    // Overdue, not paused, already reminded: may be mentioned. Paid, disputed, not-yet-due ones are not.
    expect(plan?.otherOverdue.map((e) => e.invoice.number)).toEqual(['F-6']);
    expect(plan).toMatchObject({ clientKey: atReminder1.clientId, clientName: 'Boulangerie Martin' });
  });

  it('sends the courtesy heads-up alone when nothing is overdue', () => {
    const plan = planClientReminder({ invoices: [courtesy, paid], activities, today });
    expect(plan?.stage).toBe('courtesy');
    expect(plan?.invoices.map((e) => e.invoice.number)).toEqual(['F-5']);
  });

  it('plans nothing when no action is due', () => {
    expect(planClientReminder({ invoices: [paid, disputed, alreadyReminded], activities, today })).toBeNull();
    expect(planClientReminder({ invoices: [], activities, today })).toBeNull();
  });

  it('moves every covered invoice to the stage sent, once logged', () => {
    const sent = reminder(today, 'reminder-2', { invoiceIds: [atReminder1.id, atReminder2.id] });
    const after = [...activities, sent];
    for (const invoice of [atReminder1, atReminder2]) {
      expect(evaluateInvoice({ invoice, activities: after, today })).toMatchObject({
        stage: 'reminder-2',
        actionDue: false,
      });
    }
    expect(planClientReminder({ invoices: [atReminder1, atReminder2], activities: after, today })).toBeNull();
  });
});

describe('grouping by client', () => {
  it('gives one plan per client with something due, by client id or else by name', () => {
    const other = inv(10, 8, { clientId: uuidOf(901), clientName: 'Garage Dupont' });
    const noIdA = inv(11, 8, { clientId: undefined, clientName: 'Studio Lumière' });
    const noIdB = inv(12, 16, { clientId: undefined, clientName: ' studio lumière ' });
    const plans = groupByClient({
      invoices: [atReminder1, other, noIdA, paid, noIdB, atReminder2],
      activities,
      today,
    });
    expect(plans.map((p) => [p.clientName, p.stage, p.invoices.length])).toEqual([
      ['Boulangerie Martin', 'reminder-2', 2],
      ['Garage Dupont', 'reminder-1', 1],
      ['Studio Lumière', 'reminder-2', 2],
    ]);
    expect(clientKeyOf(noIdA)).toBe(clientKeyOf(noIdB));
    expect(groupByClient({ invoices: [paid], activities, today })).toEqual([]);
  });
});

describe('a grouped message keeps what must stay apart', () => {
  const at23 = inv(21, 23); // reminder-2
  const at70 = inv(22, 70); // legal (no formal notice sent)
  const at50 = inv(23, 50); // formal-notice

  it('never puts an amicable invoice under the collections file or a formal notice', () => {
    const invoices = [at23, at70, at50];
    expect(
      planClientReminder({ invoices, activities: [], today })?.invoices.map((e) => e.invoice.number),
    ).toEqual(['F-22']);
    const asked23 = planClientReminder({ invoices, activities: [], today, focusInvoiceId: at23.id });
    expect([asked23?.stage, asked23?.invoices.map((e) => e.invoice.number)]).toEqual([
      'reminder-2',
      ['F-21'],
    ]);
    const asked50 = planClientReminder({ invoices, activities: [], today, focusInvoiceId: at50.id });
    expect([asked50?.stage, asked50?.invoices.map((e) => e.invoice.number)]).toEqual([
      'formal-notice',
      ['F-23'],
    ]);
  });

  it('records each invoice at its own stage, so none is pushed to the firmer one', () => {
    const plan = planClientReminder({ invoices: [atReminder1, atReminder2], activities: [], today })!;
    const invoiceStages = invoiceStagesOf(plan);
    expect(invoiceStages).toEqual({ [atReminder1.id]: 'reminder-1' });
    const sent = reminder(today, plan.stage, { invoiceIds: [atReminder1.id, atReminder2.id], invoiceStages });
    expect(evaluateInvoice({ invoice: atReminder1, activities: [sent], today })).toMatchObject({
      stage: 'reminder-1',
      actionDue: false,
    });
    // Its next step comes on its own schedule: reminder-2 at +15, not at once.
    expect(
      evaluateInvoice({ invoice: atReminder1, activities: [sent], today: day(15, atReminder1.dueDate) }),
    ).toMatchObject({
      stage: 'reminder-2',
      actionDue: true,
    });
    expect(evaluateInvoice({ invoice: atReminder2, activities: [sent], today })).toMatchObject({
      stage: 'reminder-2',
      actionDue: false,
    });
  });

  it('asked about a courtesy invoice, writes the heads-up alone', () => {
    const plan = planClientReminder({
      invoices: [atReminder1, courtesy],
      activities: [],
      today,
      focusInvoiceId: courtesy.id,
    });
    expect([plan?.stage, plan?.invoices.map((e) => e.invoice.number)]).toEqual(['courtesy', ['F-5']]);
  });
});
