import { describe, expect, it } from 'vitest';
import { fakeBackend, overdueInvoice } from '../testing/fakeBackend';
import { ClientMatcher, clientsWithOverdue, unknownRecipients } from './clientMatcher';

const backend = () =>
  fakeBackend([
    { id: 'a', name: 'Acme', emails: ['compta@acme.fr'], invoices: [overdueInvoice('a', 'F-1', 10, 1000)] },
    {
      id: 'b',
      name: 'Bolt',
      emails: ['factures@bolt.fr'],
      invoices: [overdueInvoice('b', 'F-2', 40, 90_000), overdueInvoice('b', 'F-3', 5, 1000)],
    },
    { id: 'c', name: 'Calm', emails: ['c@calm.fr'], invoices: [overdueInvoice('c', 'F-4', -3, 1000)] },
  ]);

describe('ClientMatcher', () => {
  it('asks once per set of addresses (any order, any case), again after forget()', async () => {
    const fake = backend();
    const matcher = new ClientMatcher(fake.send);
    const first = await matcher.match(['Compta@Acme.fr', 'x@y.fr']);
    await matcher.match(['x@y.fr', 'compta@acme.fr']);
    expect(first.map((s) => s.client.name)).toEqual(['Acme']);
    expect(fake.of('findClientsByEmail')).toEqual([
      { type: 'findClientsByEmail', emails: ['compta@acme.fr', 'x@y.fr'] },
    ]);
    matcher.forget();
    await matcher.match(['compta@acme.fr', 'x@y.fr']);
    expect(fake.of('findClientsByEmail')).toHaveLength(2);
    expect(await matcher.match([])).toEqual([]);
    expect(fake.of('findClientsByEmail')).toHaveLength(2);
  });

  it('asks again once the answer is old', async () => {
    const fake = backend();
    let now = 0;
    const matcher = new ClientMatcher(fake.send, () => now);
    await matcher.match(['compta@acme.fr']);
    now += 31_000;
    await matcher.match(['compta@acme.fr']);
    expect(fake.of('findClientsByEmail')).toHaveLength(2);
  });
});

describe('clientsWithOverdue', () => {
  it('keeps clients with overdue invoices, To before Cc, then by order and amount', async () => {
    const fake = backend();
    const { clients } = await fake.send({
      type: 'findClientsByEmail',
      emails: ['compta@acme.fr', 'factures@bolt.fr', 'c@calm.fr'],
    });
    const ordered = (recipients: { email: string; field: 'to' | 'cc' | 'bcc' | 'unknown' }[]) =>
      clientsWithOverdue(clients, recipients).map((s) => s.client.name);
    expect(
      ordered([
        { email: 'c@calm.fr', field: 'to' },
        { email: 'compta@acme.fr', field: 'cc' },
        { email: 'factures@bolt.fr', field: 'to' },
      ]),
    ).toEqual(['Bolt', 'Acme']);
    expect(
      ordered([
        { email: 'compta@acme.fr', field: 'to' },
        { email: 'factures@bolt.fr', field: 'to' },
      ]),
    ).toEqual(['Acme', 'Bolt']);
    expect(
      unknownRecipients(clients, [
        { email: 'compta@acme.fr', field: 'to' },
        { email: 'new@acme.fr', field: 'to' },
      ]),
    ).toEqual([{ email: 'new@acme.fr', field: 'to' }]);
  });
});
