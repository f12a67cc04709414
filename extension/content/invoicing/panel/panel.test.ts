import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../../lib/messages';
import { describeEntry } from './describeEntry';
import { addMonths } from './NotesPanel';

const base = {
  id: '01900000-0000-7000-8000-000000000001',
  clientId: '01900000-0000-7000-8000-000000000002',
  invoiceIds: [],
  date: '2026-03-12',
  // 14:05 on that day wherever the tests run: the panel shows the person's own time.
  at: new Date(2026, 2, 12, 14, 5).toISOString(),
  authorName: 'Marie',
};

describe('timeline entries', () => {
  it('describe a reminder with its stage and channel, in French and English', () => {
    const entry: TimelineEntry = {
      kind: 'activity',
      sortKey: 'x',
      activity: { ...base, type: 'reminder', stage: 'reminder-2', channel: 'gmail', subject: 'Relance FA-1' },
    };
    expect(describeEntry(entry, 'fr')).toEqual({
      kind: 'reminder',
      title: 'Relance',
      date: '12/03/2026 à 14:05',
      author: 'Marie',
      details: ['Relance formelle · Gmail · Relance FA-1'],
    });
    expect(describeEntry(entry, 'en').details[0]).toBe('Formal reminder · Gmail · Relance FA-1');
    expect(describeEntry(entry, 'en').date).toMatch(/^12 Mar 2026, 0?2:05\sPM$/);
  });

  it('a call logged later for an earlier day shows its day alone, not the time it was typed', () => {
    const entry: TimelineEntry = {
      kind: 'activity',
      sortKey: 'x',
      activity: { ...base, type: 'call', date: '2026-03-10' },
    };
    expect(describeEntry(entry, 'fr').date).toBe('10/03/2026');
  });

  it('describe a promise to pay and a payment plan with amounts', () => {
    const promise: TimelineEntry = {
      kind: 'activity',
      sortKey: 'x',
      activity: { ...base, type: 'promise-to-pay', promisedDate: '2026-04-01', amountCents: 50000 },
    };
    expect(describeEntry(promise, 'fr').details).toEqual([
      'Paiement promis pour le 01/04/2026 · 500,00\u00a0€',
    ]);
    const plan: TimelineEntry = {
      kind: 'activity',
      sortKey: 'x',
      activity: {
        ...base,
        type: 'payment-plan',
        instalments: [
          { date: '2026-04-01', amountCents: 10000 },
          { date: '2026-05-01', amountCents: 10000 },
        ],
      },
    };
    expect(describeEntry(plan, 'en', 'GBP').details).toEqual([
      '2 instalments · 1 Apr 2026: £100.00, 1 May 2026: £100.00 · £200.00',
    ]);
  });

  it('describe a note with its author', () => {
    const note: TimelineEntry = {
      kind: 'note',
      sortKey: 'x',
      note: {
        id: 'n',
        clientId: base.clientId,
        text: 'Rappeler lundi',
        authorName: 'Paul',
        createdAt: '2026-03-10T08:00:00.000Z',
        updatedAt: '2026-03-10T08:00:00.000Z',
      },
    };
    expect(describeEntry(note, 'fr')).toMatchObject({
      kind: 'note',
      author: 'Paul',
      details: ['Rappeler lundi'],
    });
  });
});

describe('payment plan dates', () => {
  it('step by month and keep to the month end', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-15', 2)).toBe('2027-01-15');
    expect(addMonths('2026-03-12', 0)).toBe('2026-03-12');
  });
});
