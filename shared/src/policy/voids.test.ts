import { describe, expect, it } from 'vitest';
import { evaluateInvoice } from './evaluateInvoice';
import { act, day, makeInvoice, reminder, uuidOf } from './testFixtures';
import { canVoid, withoutVoided } from './voids';

const invoice = makeInvoice();

describe('withdrawn and corrected entries', () => {
  it('a withdrawn reminder no longer counts: the action is due again', () => {
    const sent = reminder(day(8), 'reminder-1');
    expect(evaluateInvoice({ invoice, activities: [sent], today: day(9) }).actionDue).toBe(false);
    const withdrawn = act('void', day(9), { voids: sent.id, voidedType: 'reminder' });
    const state = evaluateInvoice({ invoice, activities: [sent, withdrawn], today: day(9) });
    expect(state).toMatchObject({ stage: 'reminder-1', actionDue: true, lastReminder: null });
  });

  it('a withdrawn dispute no longer pauses; a corrected promise counts with its new date', () => {
    const dispute = act('dispute-opened', day(5), { reason: 'saisie par erreur' });
    const withdrawn = act('void', day(6), { voids: dispute.id });
    expect(evaluateInvoice({ invoice, activities: [dispute], today: day(8) }).stage).toBe('paused');
    expect(evaluateInvoice({ invoice, activities: [dispute, withdrawn], today: day(8) }).stage).toBe(
      'reminder-1',
    );

    const promise = act('promise-to-pay', day(8), { promisedDate: day(9) });
    const corrected = act('promise-to-pay', day(8), { promisedDate: day(30) });
    const voidIt = act('void', day(8), { voids: promise.id, replacedBy: corrected.id });
    const state = evaluateInvoice({ invoice, activities: [promise, voidIt, corrected], today: day(12) });
    expect(state.pause).toMatchObject({ reason: 'promise-to-pay', until: day(30) });
    expect(state.brokenPromise).toBeNull();
  });

  it('filters the voids themselves, and leaves a history without voids as it is', () => {
    const a = reminder(day(8), 'reminder-1');
    const list = [a];
    expect(withoutVoided(list)).toBe(list);
    expect(withoutVoided([a, act('void', day(9), { voids: a.id })])).toEqual([]);
  });

  it('only the author may withdraw an entry; anyone alone on an install may', () => {
    const mine = { ...reminder(day(8), 'reminder-1'), authorId: 'p1' };
    expect(canVoid(mine, 'p1')).toBe(true);
    expect(canVoid(mine, 'p2')).toBe(false);
    expect(canVoid(reminder(day(8), 'reminder-1'), undefined)).toBe(true);
    expect(canVoid(act('void', day(9), { voids: uuidOf(5) }), undefined)).toBe(false);
  });
});

describe('legal waits for the formal notice deadline', () => {
  it('is not reached before the day after the deadline the notice gave', () => {
    // Notice at +58 with deadline +66: legal (scheduled +60) comes at +67.
    const notice = act('formal-notice', day(58), { deadline: day(66) });
    expect(evaluateInvoice({ invoice, activities: [notice], today: day(60) })).toMatchObject({
      stage: 'formal-notice',
      actionDue: false,
      nextStage: { stage: 'legal', date: day(67) },
    });
    expect(evaluateInvoice({ invoice, activities: [notice], today: day(66) }).stage).toBe('formal-notice');
    expect(evaluateInvoice({ invoice, activities: [notice], today: day(67) })).toMatchObject({
      stage: 'legal',
      actionDue: true,
    });
  });

  it('counts 8 days when the notice gave no deadline, and its schedule day when none was sent', () => {
    const notice = reminder(day(55), 'formal-notice');
    expect(evaluateInvoice({ invoice, activities: [notice], today: day(63) }).stage).toBe('formal-notice');
    expect(evaluateInvoice({ invoice, activities: [notice], today: day(64) }).stage).toBe('legal');
    expect(evaluateInvoice({ invoice, activities: [], today: day(60) }).stage).toBe('legal');
  });
});
