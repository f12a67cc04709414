import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEDULE, type Schedule } from '../schemas/stage';
import { evaluateInvoice } from './evaluateInvoice';
import { act, DUE, day, INVOICE_ID, makeInvoice, payment, reminder, uuidOf } from './testFixtures';

// Default schedule: courtesy −3, reminder-1 +7, reminder-2 +15, payment-plan +30, formal-notice +45, legal +60.
// `day(n)` is the due date (2025-03-10) + n days.

const evaluate = (today: string, activities = [] as ReturnType<typeof act>[], invoice = makeInvoice()) =>
  evaluateInvoice({ invoice, activities, today });

describe('stage from the calendar', () => {
  it('is none before the first stage, with the courtesy heads-up next', () => {
    const s = evaluate(day(-4));
    expect(s).toMatchObject({ daysOverdue: -4, stage: 'none', currentStage: null, actionDue: false });
    expect(s.nextStage).toEqual({ stage: 'courtesy', date: day(-3) });
  });

  it('is courtesy three days before the due date, its action due', () => {
    const s = evaluate(day(-3));
    expect(s).toMatchObject({ daysOverdue: -3, stage: 'courtesy', actionDue: true, stageDueSince: day(-3) });
    expect(s.channels).toEqual(['email']);
    expect(s.nextStage).toEqual({ stage: 'reminder-1', date: day(7) });
  });

  it('skips the stages an invoice first seen at +23 days has missed: reminder-2', () => {
    const s = evaluate(day(23));
    expect(s).toMatchObject({
      daysOverdue: 23,
      stage: 'reminder-2',
      actionDue: true,
      stageDueSince: day(15),
    });
    expect(s.nextStage).toEqual({ stage: 'payment-plan', date: day(30) });
  });

  it('counts days overdue across a leap day', () => {
    const invoice = makeInvoice({ dueDate: '2024-02-28' });
    const s = evaluateInvoice({ invoice, activities: [], today: '2024-03-01' });
    expect(s).toMatchObject({ daysOverdue: 2, stage: 'courtesy' });
    expect(s.nextStage).toEqual({ stage: 'reminder-1', date: '2024-03-06' });
    const onTheDay = evaluateInvoice({
      invoice: makeInvoice({ dueDate: '2024-02-29' }),
      activities: [],
      today: '2024-03-07',
    });
    expect(onTheDay).toMatchObject({ daysOverdue: 7, stage: 'reminder-1', actionDue: true });
  });

  it('ends at legal, with nothing after it', () => {
    const s = evaluate(day(200));
    expect(s).toMatchObject({ stage: 'legal', actionDue: true, nextStage: null });
  });

  it('does not dun a draft', () => {
    const s = evaluate(day(20), [], makeInvoice({ status: 'draft' }));
    expect(s).toMatchObject({ stage: 'none', currentStage: null, actionDue: false, nextStage: null });
  });
});

describe('action done', () => {
  it('is done by a reminder for the current stage, dated once it became due', () => {
    const sent = reminder(day(-3), 'courtesy');
    expect(evaluate(day(0), [sent])).toMatchObject({
      stage: 'courtesy',
      actionDue: false,
      lastReminder: sent,
    });
  });

  it('does not count a reminder for another stage', () => {
    const s = evaluate(day(16), [reminder(day(7), 'reminder-1')]);
    expect(s).toMatchObject({ stage: 'reminder-2', actionDue: true });
  });

  it('counts a letter without a stage for the stage in force, a formal notice for formal-notice', () => {
    expect(evaluate(day(17), [act('letter', day(16), { registered: false })])).toMatchObject({
      stage: 'reminder-2',
      actionDue: false,
    });
    expect(evaluate(day(46), [act('formal-notice', day(45))])).toMatchObject({
      stage: 'formal-notice',
      actionDue: false,
    });
    expect(evaluate(day(61), [act('legal-action', day(61), { kind: 'injonction-de-payer' })])).toMatchObject({
      stage: 'legal',
      actionDue: false,
    });
  });

  it('does not count a call, a comment, or an activity dated after today', () => {
    const s = evaluate(day(8), [
      act('call', day(7), { outcome: 'no answer' }),
      act('comment', day(7), { text: 'rappeler lundi' }),
      reminder(day(9), 'reminder-1'),
    ]);
    expect(s).toMatchObject({ stage: 'reminder-1', actionDue: true, lastReminder: null });
  });

  it("ignores another invoice's activities", () => {
    const other = reminder(day(7), 'reminder-1', { invoiceIds: [uuidOf(2)] });
    expect(evaluate(day(8), [other])).toMatchObject({
      stage: 'reminder-1',
      actionDue: true,
      lastReminder: null,
    });
  });

  it('gives the latest reminder-like activity as the last reminder', () => {
    const notice = act('formal-notice', day(46));
    const s = evaluate(day(50), [reminder(day(7), 'reminder-1'), notice, act('call', day(48))]);
    expect(s.lastReminder).toBe(notice);
  });
});

describe('stages never go backwards', () => {
  it('stays at formal notice when one was sent early, until legal', () => {
    const notice = act('formal-notice', day(20));
    expect(evaluate(day(21), [notice])).toMatchObject({ stage: 'formal-notice', actionDue: false });
    // Its scheduled day (+45) does not make it due a second time.
    const at45 = evaluate(day(45), [notice, reminder(day(30), 'reminder-2')]);
    expect(at45).toMatchObject({ stage: 'formal-notice', actionDue: false });
    expect(at45.nextStage).toEqual({ stage: 'legal', date: day(60) });
    expect(evaluate(day(60), [notice])).toMatchObject({ stage: 'legal', actionDue: true });
  });

  it('does not ask again for a reminder sent a little early', () => {
    const early = reminder(day(5), 'reminder-1');
    expect(evaluate(day(6), [early])).toMatchObject({ stage: 'reminder-1', actionDue: false });
    expect(evaluate(day(7), [early])).toMatchObject({ stage: 'reminder-1', actionDue: false });
  });
});

describe('promise to pay', () => {
  const r1 = reminder(day(7), 'reminder-1');
  const promise = act('promise-to-pay', day(8), { promisedDate: day(20) });

  it('pauses reminders through the promised date', () => {
    for (const today of [day(8), day(15), day(20)]) {
      const s = evaluate(today, [r1, promise]);
      expect(s).toMatchObject({
        stage: 'paused',
        currentStage: 'reminder-1',
        actionDue: false,
        brokenPromise: null,
      });
      expect(s.pause).toEqual({ reason: 'promise-to-pay', since: day(8), until: day(20) });
    }
    expect(evaluate(day(15), [r1, promise]).nextStage).toEqual({ stage: 'reminder-2', date: day(21) });
  });

  it('says when it lapsed, and the stage that fell due meanwhile becomes due the day after', () => {
    const s = evaluate(day(21), [r1, promise]);
    expect(s).toMatchObject({ stage: 'reminder-2', actionDue: true, stageDueSince: day(21), pause: null });
    expect(s.brokenPromise).toEqual({
      activityId: promise.id,
      madeOn: day(8),
      promisedDate: day(20),
      paidCents: 0,
    });
    // The next step keeps the schedule's 15-day spacing from reminder-2: +36, not +30.
    expect(s.nextStage).toEqual({ stage: 'payment-plan', date: day(36) });
  });

  it('is kept by paying in full: paid ends everything', () => {
    const s = evaluate(day(21), [r1, promise, payment(day(18), 100_000, { settles: true })]);
    expect(s).toMatchObject({ stage: 'paid', closed: true, closedReason: 'settled', paidOn: day(18) });
    expect(s).toMatchObject({ actionDue: false, pause: null, brokenPromise: null, nextStage: null });
  });

  it('is kept by paying the promised part, then reminders resume for the rest', () => {
    const partial = act('promise-to-pay', day(8), { promisedDate: day(20), amountCents: 50_000 });
    const s = evaluate(day(21), [r1, partial, payment(day(19), 50_000)]);
    expect(s).toMatchObject({ stage: 'reminder-2', actionDue: true, brokenPromise: null, paidCents: 50_000 });
  });

  it('is replaced by a newer promise', () => {
    const newer = act('promise-to-pay', day(18), { promisedDate: day(30) });
    expect(evaluate(day(25), [r1, promise, newer])).toMatchObject({
      stage: 'paused',
      pause: { reason: 'promise-to-pay', since: day(8), until: day(30) },
      brokenPromise: null,
    });
    expect(evaluate(day(31), [r1, promise, newer]).brokenPromise?.activityId).toBe(newer.id);
  });
});

describe('dispute', () => {
  const r1 = reminder(day(7), 'reminder-1');
  const opened = act('dispute-opened', day(10), { reason: 'livraison incomplète' });

  it('pauses reminders while open, with no end known', () => {
    const s = evaluate(day(40), [r1, opened]);
    expect(s).toMatchObject({
      stage: 'paused',
      currentStage: 'reminder-1',
      actionDue: false,
      nextStage: null,
    });
    expect(s.pause).toEqual({ reason: 'dispute', since: day(10) });
  });

  it('once resolved, resumes one stage at a time from where it stopped', () => {
    const resolved = act('dispute-resolved', day(50), { resolution: 'avoir émis' });
    const at50 = evaluate(day(50), [r1, opened, resolved]);
    // reminder-2, payment-plan and formal-notice all fell due during the dispute: only reminder-2 is due now.
    expect(at50).toMatchObject({ stage: 'reminder-2', actionDue: true, stageDueSince: day(50), pause: null });
    expect(at50.nextStage).toEqual({ stage: 'payment-plan', date: day(65) });
    expect(evaluate(day(65), [r1, opened, resolved])).toMatchObject({
      stage: 'payment-plan',
      actionDue: true,
    });
    expect(evaluate(day(80), [r1, opened, resolved])).toMatchObject({
      stage: 'formal-notice',
      actionDue: true,
    });
    expect(evaluate(day(95), [r1, opened, resolved])).toMatchObject({ stage: 'legal', actionDue: true });
  });

  it('makes the stage in force due again when it ends with the invoice still unpaid', () => {
    const shortDispute = [
      r1,
      act('dispute-opened', day(8), { reason: 'facture non reçue' }),
      act('dispute-resolved', day(12)),
    ];
    expect(evaluate(day(11), shortDispute)).toMatchObject({ stage: 'paused' });
    expect(evaluate(day(12), shortDispute)).toMatchObject({
      stage: 'reminder-1',
      actionDue: true,
      stageDueSince: day(12),
    });
    expect(evaluate(day(13), [...shortDispute, reminder(day(12), 'reminder-1')])).toMatchObject({
      actionDue: false,
    });
  });

  it('pauses over a promise too, and the dispute is the reason shown', () => {
    const promise = act('promise-to-pay', day(9), { promisedDate: day(30) });
    expect(evaluate(day(20), [r1, promise, opened]).pause).toEqual({ reason: 'dispute', since: day(9) });
  });
});

describe('payment plan', () => {
  const plan = act('payment-plan', day(31), {
    instalments: [
      { date: day(40), amountCents: 30_000 },
      { date: day(70), amountCents: 40_000 },
      { date: day(100), amountCents: 30_000 },
    ],
  });

  it('pauses reminders while its instalments are met, and paying the last one pays the invoice', () => {
    const met = [plan, payment(day(38), 30_000), payment(day(69), 40_000)];
    const s = evaluate(day(75), met);
    expect(s).toMatchObject({
      stage: 'paused',
      currentStage: 'payment-plan',
      actionDue: false,
      brokenPaymentPlan: null,
    });
    expect(s.pause).toEqual({ reason: 'payment-plan', since: day(31), until: day(100) });
    expect(s.paidCents).toBe(70_000);
    const paid = evaluate(day(101), [...met, payment(day(99), 30_000)]);
    expect(paid).toMatchObject({ stage: 'paid', closedReason: 'payments-cover-amount', paidOn: day(99) });
  });

  it('is broken the day after an instalment is not met', () => {
    const missed = [plan, payment(day(38), 30_000)];
    expect(evaluate(day(70), missed)).toMatchObject({ stage: 'paused' });
    const s = evaluate(day(71), missed);
    expect(s.brokenPaymentPlan).toEqual({
      activityId: plan.id,
      agreedOn: day(31),
      missedInstalmentDate: day(70),
      expectedCents: 70_000,
      paidCents: 30_000,
    });
    // formal-notice (+45) fell due during the plan: due now; legal keeps its 15-day spacing.
    expect(s).toMatchObject({ stage: 'formal-notice', actionDue: true, stageDueSince: day(71), pause: null });
    expect(s.nextStage).toEqual({ stage: 'legal', date: day(86) });
  });

  it('counts payments on any invoice the plan covers', () => {
    const other = uuidOf(2);
    const shared = act('payment-plan', day(31), {
      invoiceIds: [INVOICE_ID, other],
      instalments: [
        { date: day(40), amountCents: 50_000 },
        { date: day(70), amountCents: 50_000 },
      ],
    });
    const paidOnOther = payment(day(39), 50_000, { invoiceIds: [other] });
    expect(evaluate(day(41), [shared, paidOnOther])).toMatchObject({
      stage: 'paused',
      brokenPaymentPlan: null,
    });
    // Not passed along: the instalment looks missed.
    expect(evaluate(day(41), [shared]).brokenPaymentPlan?.missedInstalmentDate).toBe(day(40));
  });

  it('stops pausing once its last instalment has passed, even when met', () => {
    const small = act('payment-plan', day(31), { instalments: [{ date: day(40), amountCents: 10_000 }] });
    const s = evaluate(day(41), [small, payment(day(40), 10_000)]);
    expect(s).toMatchObject({ pause: null, brokenPaymentPlan: null, stage: 'payment-plan', actionDue: true });
  });
});

describe('paid', () => {
  it('adds up partial payments and is paid when they reach the total', () => {
    const partial = [payment(day(5), 30_000), payment(day(10), 40_000)];
    expect(evaluate(day(20), partial)).toMatchObject({
      stage: 'reminder-2',
      closed: false,
      paidCents: 70_000,
    });
    const s = evaluate(day(26), [...partial, payment(day(25), 30_000)]);
    expect(s).toMatchObject({
      stage: 'paid',
      closedReason: 'payments-cover-amount',
      paidOn: day(25),
      paidCents: 100_000,
    });
  });

  it('measures payments against the total, not an amount due that already nets them off', () => {
    const invoice = makeInvoice({ totalCents: 100_000, amountDueCents: 30_000, status: 'partial' });
    const s = evaluate(day(20), [payment(day(5), 70_000)], invoice);
    expect(s).toMatchObject({ stage: 'reminder-2', closed: false });
  });

  it('takes the invoicing site at its word: paid, cancelled, nothing due', () => {
    expect(evaluate(day(20), [], makeInvoice({ status: 'paid' }))).toMatchObject({
      stage: 'paid',
      closedReason: 'paid',
      paidOn: null,
      actionDue: false,
    });
    expect(evaluate(day(20), [], makeInvoice({ status: 'cancelled' }))).toMatchObject({
      stage: 'paid',
      closedReason: 'cancelled',
    });
    expect(evaluate(day(20), [], makeInvoice({ amountDueCents: 0 }))).toMatchObject({
      stage: 'paid',
      closedReason: 'nothing-due',
    });
  });

  it('is settled by a payment settling several invoices, but a partial one across invoices is not split', () => {
    const both = [INVOICE_ID, uuidOf(2)];
    expect(evaluate(day(20), [payment(day(19), 150_000, { invoiceIds: both, settles: true })])).toMatchObject(
      {
        stage: 'paid',
        closedReason: 'settled',
      },
    );
    expect(evaluate(day(20), [payment(day(19), 150_000, { invoiceIds: both })])).toMatchObject({
      stage: 'reminder-2',
      paidCents: 0,
    });
  });

  it('is paid even when paid before its due date', () => {
    expect(evaluate(day(-1), [payment(day(-2), 100_000)])).toMatchObject({ stage: 'paid', daysOverdue: -1 });
  });
});

describe('custom schedule', () => {
  const custom: Schedule = DEFAULT_SCHEDULE.map((step) => {
    if (step.stage === 'courtesy' || step.stage === 'payment-plan') return { ...step, enabled: false };
    if (step.stage === 'reminder-1') return { ...step, offsetDays: 3 };
    return step;
  });
  const withCustom = (today: string) =>
    evaluateInvoice({ invoice: makeInvoice(), activities: [], schedule: custom, today });

  it('skips disabled steps and follows edited days', () => {
    expect(withCustom(day(-3))).toMatchObject({ stage: 'none' });
    expect(withCustom(day(-3)).nextStage).toEqual({ stage: 'reminder-1', date: day(3) });
    expect(withCustom(day(3))).toMatchObject({ stage: 'reminder-1', actionDue: true });
    const at31 = withCustom(day(31));
    expect(at31).toMatchObject({ stage: 'reminder-2', actionDue: true });
    expect(at31.nextStage).toEqual({ stage: 'formal-notice', date: day(45) });
  });

  it('is none for ever when every step is disabled', () => {
    const off = DEFAULT_SCHEDULE.map((step) => ({ ...step, enabled: false }));
    const s = evaluateInvoice({ invoice: makeInvoice(), activities: [], schedule: off, today: day(100) });
    expect(s).toMatchObject({ stage: 'none', actionDue: false, nextStage: null });
  });

  it('rejects an invalid schedule', () => {
    const twice = [...DEFAULT_SCHEDULE, { ...DEFAULT_SCHEDULE[0]!, offsetDays: 90 }];
    expect(() =>
      evaluateInvoice({ invoice: makeInvoice(), activities: [], schedule: twice, today: DUE }),
    ).toThrow(/each stage appears once/);
    const backwards = [DEFAULT_SCHEDULE[1]!, DEFAULT_SCHEDULE[0]!];
    expect(() =>
      evaluateInvoice({ invoice: makeInvoice(), activities: [], schedule: backwards, today: DUE }),
    ).toThrow(/increasing order of days/);
  });
});
