import { describe, expect, it } from 'vitest';
import { evaluateInvoice } from './evaluateInvoice';
import { firstDayNotPaused, lastResumedOn, mergeSpans } from './pauses';
import { act, day, makeInvoice, reminder } from './testFixtures';

describe('paused periods', () => {
  it('merges overlapping and touching pauses, an open one absorbing what follows', () => {
    const periods = mergeSpans([
      { reason: 'payment-plan', start: '2025-03-20', end: '2025-04-10' },
      { reason: 'promise-to-pay', start: '2025-03-01', end: '2025-03-20' },
      { reason: 'promise-to-pay', start: '2025-05-01', end: '2025-05-05' },
      { reason: 'dispute', start: '2025-05-03', end: null },
      { reason: 'promise-to-pay', start: '2025-06-01', end: '2025-06-10' },
    ]);
    expect(periods).toEqual([
      { start: '2025-03-01', end: '2025-04-10' },
      { start: '2025-05-01', end: null },
    ]);
    expect(firstDayNotPaused(periods, '2025-03-15')).toBe('2025-04-10');
    expect(firstDayNotPaused(periods, '2025-04-10')).toBe('2025-04-10');
    expect(firstDayNotPaused(periods, '2025-07-01')).toBeNull();
    expect(lastResumedOn(periods, '2025-04-30')).toBe('2025-04-10');
    expect(lastResumedOn(periods, '2025-04-09')).toBeNull();
  });

  it('treats a promise followed by a plan as one pause, the plan being the reason shown', () => {
    const activities = [
      reminder(day(7), 'reminder-1'),
      act('promise-to-pay', day(8), { promisedDate: day(20) }),
      act('payment-plan', day(19), { instalments: [{ date: day(50), amountCents: 100_000 }] }),
    ];
    const s = evaluateInvoice({ invoice: makeInvoice(), activities, today: day(25) });
    expect(s).toMatchObject({ stage: 'paused', brokenPromise: null });
    expect(s.pause).toEqual({ reason: 'payment-plan', since: day(8), until: day(50) });
  });

  it('holds nothing for a dispute opened and resolved the same day', () => {
    const activities = [
      act('dispute-opened', day(8), { reason: 'erreur de TVA' }),
      { ...act('dispute-resolved', day(8)), at: `${day(8)}T15:00:00.000Z` },
    ];
    expect(evaluateInvoice({ invoice: makeInvoice(), activities, today: day(8) })).toMatchObject({
      stage: 'reminder-1',
      pause: null,
    });
  });
});
