import { describe, expect, it } from 'vitest';
import { type Activity, activity } from '../schemas/activity';
import { ACTIVITY_TYPES } from '../vocabulary/activities';
import { describeActivity } from './describeActivity';
import { formatCount, pluralForm } from './plural';

const base = {
  id: '01900000-0000-7000-8000-000000000001',
  clientId: '01900000-0000-7000-8000-000000000002',
  invoiceIds: [],
  date: '2026-03-12',
  at: '2026-03-12T09:30:00.000Z',
};
const make = (a: Record<string, unknown>): Activity => activity.parse({ ...base, ...a });

const samples: Record<(typeof ACTIVITY_TYPES)[number], Activity> = {
  reminder: make({ type: 'reminder', stage: 'reminder-2', channel: 'gmail', subject: 'Relance FA-1' }),
  call: make({ type: 'call', outcome: 'Promet un virement' }),
  letter: make({ type: 'letter', registered: true, stage: 'formal-notice' }),
  'promise-to-pay': make({ type: 'promise-to-pay', promisedDate: '2026-04-01', amountCents: 50_000 }),
  'dispute-opened': make({ type: 'dispute-opened', reason: 'Ligne 2 contestée' }),
  'dispute-resolved': make({ type: 'dispute-resolved', resolution: 'Avoir émis' }),
  'payment-plan': make({
    type: 'payment-plan',
    instalments: [
      { date: '2026-04-01', amountCents: 10_000 },
      { date: '2026-05-01', amountCents: 10_000 },
    ],
  }),
  'payment-received': make({ type: 'payment-received', amountCents: 12_345, settles: true }),
  'formal-notice': make({ type: 'formal-notice', deadline: '2026-03-20' }),
  'legal-action': make({ type: 'legal-action', kind: 'injonction-de-payer' }),
  comment: make({ type: 'comment', text: 'Rappeler lundi', comment: 'après 14 h' }),
  void: make({
    type: 'void',
    voids: '01900000-0000-7000-8000-000000000009',
    voidedType: 'reminder',
    voidedDate: '2026-03-10',
    comment: 'envoyée au mauvais client',
  }),
};

describe('describeActivity', () => {
  it('puts every activity in words, in French and English, with nothing left blank', () => {
    for (const type of ACTIVITY_TYPES) {
      for (const lang of ['fr', 'en'] as const) {
        const words = describeActivity(samples[type], lang, 'EUR');
        expect(words.title).toMatch(/^\p{Lu}/u);
        expect(JSON.stringify(words)).not.toMatch(/undefined|\{date\}/);
        expect(words.details.length + (words.text ? 1 : 0)).toBeGreaterThan(0);
      }
    }
  });

  it('says what a French reader expects', () => {
    expect(describeActivity(samples.reminder, 'fr', 'EUR').details).toEqual([
      'Relance formelle',
      'Gmail',
      'Relance FA-1',
    ]);
    expect(describeActivity(samples['promise-to-pay'], 'fr', 'EUR')).toMatchObject({
      title: 'Promesse de paiement',
      amountCents: 50_000,
      details: ['Paiement promis pour le 01/04/2026', '500,00\u00a0€'],
    });
    expect(describeActivity(samples['payment-plan'], 'fr', 'EUR').details).toEqual([
      '2 échéances',
      '01/04/2026\u00a0: 100,00\u00a0€, 01/05/2026\u00a0: 100,00\u00a0€',
      '200,00\u00a0€',
    ]);
    expect(describeActivity(samples['legal-action'], 'fr', 'EUR').details).toEqual(['Injonction de payer']);
    expect(describeActivity(samples.comment, 'fr', 'EUR')).toMatchObject({
      title: 'Commentaire',
      text: 'Rappeler lundi\n\naprès 14 h',
    });
  });

  it('says what a withdrawal withdrew, and the registered-mail number of a letter', () => {
    expect(describeActivity(samples.void, 'fr', 'EUR')).toMatchObject({
      title: 'Entrée retirée',
      details: ['Retire\u00a0: relance du 10/03/2026'],
      text: 'envoyée au mauvais client',
    });
    expect(describeActivity(samples.void, 'en', 'EUR').details).toEqual([
      'Withdraws: reminder of 10 Mar 2026',
    ]);
    const letter = make({
      type: 'letter',
      registered: true,
      stage: 'formal-notice',
      trackingNumber: '1A 234 567 8901 2',
    });
    expect(describeActivity(letter, 'fr', 'EUR').details).toEqual([
      'Mise en demeure',
      'recommandé',
      'Recommandé n°\u00a01A 234 567 8901 2',
    ]);
  });

  it('and an English one, in the currency given', () => {
    expect(describeActivity(samples['formal-notice'], 'en', 'GBP').details).toEqual([
      'recorded delivery letter',
      'Deadline: 20 Mar 2026',
    ]);
    expect(describeActivity(samples['payment-received'], 'en', 'GBP').details).toEqual([
      'settles the invoice',
      '£123.45',
    ]);
  });

  it('shows a value a later version added as written rather than failing', () => {
    const future = { ...samples.reminder, stage: 'arbitration' } as unknown as Activity;
    expect(describeActivity(future, 'fr', 'EUR').stage).toBe('Arbitration');
  });
});

describe('plural forms', () => {
  it('follow each language: French singular for 0 and 1, English for 1 only', () => {
    expect([0, 1, 2].map((n) => pluralForm(n, 'fr'))).toEqual(['one', 'one', 'other']);
    expect([0, 1, 2].map((n) => pluralForm(n, 'en'))).toEqual(['other', 'one', 'other']);
    expect(formatCount(1200, { one: 'facture', other: 'factures' }, 'fr')).toBe('1\u202f200 factures');
    expect(formatCount(1, { one: 'invoice', other: 'invoices' }, 'en')).toBe('1 invoice');
  });
});
