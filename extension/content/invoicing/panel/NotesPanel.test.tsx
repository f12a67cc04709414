// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { choose, click, inProcessBackground, mount, text, type, waitFor } from '../../../test/ui';
import { NotesPanel } from './NotesPanel';

const NOW = Date.UTC(2026, 1, 24, 10); // 24 February 2026
const seen = (number: string, dueDate: string) => ({
  number,
  clientName: 'Garage Dupont',
  amountDueCents: 100_000,
  currency: 'EUR',
  dueDate,
  host: 'factures.example.com',
  url: `https://factures.example.com/f/${number}`,
});

async function setup() {
  const bg = inProcessBackground({ now: NOW });
  const { invoices } = await bg.send({
    type: 'observeInvoices',
    observations: [seen('F-1', '2026-02-14'), seen('F-2', '2026-01-20'), seen('F-3', '2026-03-20')],
  });
  const root = mount(
    <NotesPanel
      send={bg.send}
      lang="fr"
      clientId={invoices[0]!.clientId}
      clientName="Garage Dupont"
      invoiceIds={[invoices[0]!.invoiceId]}
      currency="EUR"
      amountDueCents={100_000}
      onClose={() => {}}
      onChanged={() => {}}
    />,
  );
  await waitFor(() => root.querySelector('[data-relance-part="client-form"]'));
  return { bg, invoices, root };
}
const action = (root: Element, name: string) => root.querySelector(`[data-relance-action="${name}"]`);

describe('the notes panel', () => {
  it('says what the client owes: the open invoices, and how much of it is overdue', async () => {
    const { root } = await setup();
    // F-1 and F-2 are overdue (1 000 € each), F-3 is not due yet.
    expect(text(root.querySelector('[data-relance-part="owes"]')!)).toBe(
      'Reste dû : 3 000,00 € · dont 2 000,00 € en retard',
    );
  });

  it('covers every overdue invoice of the client with a promise, unless the person unticks some', async () => {
    const { bg, invoices, root } = await setup();
    await click(action(root, 'log-promise-to-pay'));
    const boxes = [
      ...root.querySelectorAll<HTMLInputElement>('[data-relance-part="covered-invoices"] input'),
    ];
    expect(boxes.map((b) => [b.dataset.invoiceNumber, b.checked])).toEqual([
      ['F-2', true],
      ['F-1', true],
      ['F-3', false], // not yet due
    ]);
    await type(root.querySelector('#relance-log-date'), '2026-03-05');
    await click(action(root, 'submit-log'));
    await waitFor(async () => (await bg.db.activities.count()) === 1);
    const [promise] = await bg.db.activities.toArray();
    expect(promise).toMatchObject({ type: 'promise-to-pay', promisedDate: '2026-03-05' });
    expect([...promise!.invoiceIds].sort()).toEqual([invoices[0]!.invoiceId, invoices[1]!.invoiceId].sort());
  });

  it('withdraws one’s own entry: it is marked withdrawn and no longer counts', async () => {
    const { bg, invoices, root } = await setup();
    await bg.send({
      type: 'logActivity',
      activity: {
        type: 'reminder',
        clientId: invoices[0]!.clientId,
        invoiceIds: [invoices[0]!.invoiceId],
        stage: 'reminder-1',
        channel: 'gmail',
      },
    });
    await click(action(root, 'save-note')); // nothing typed: nothing saved, but a reload happens below
    await type(root.querySelector('[data-relance-field="note"]'), 'Rappeler jeudi');
    await click(action(root, 'save-note'));
    await waitFor(() => action(root, 'withdraw-entry'));
    await click(action(root, 'withdraw-entry'));
    await click(action(root, 'confirm-entry-change'));
    await waitFor(() => root.querySelector('[data-voided="true"]'));
    expect(text(root)).toContain('Relance (retirée)');
    const view = (await bg.send({ type: 'observeInvoices', observations: [seen('F-1', '2026-02-14')] }))
      .invoices[0]!;
    expect(view.actionDue).toBe(true);
  });

  it('keeps the client’s language and postal address', async () => {
    const { bg, invoices, root } = await setup();
    await choose(root.querySelector('[data-relance-field="client-language"]'), 'en');
    await type(root.querySelector('#relance-client-address'), '8 avenue Foch\n75016 Paris');
    await click(action(root, 'save-client'));
    await waitFor(async () => (await bg.db.clients.get(invoices[0]!.clientId))?.language === 'en');
    expect((await bg.db.clients.get(invoices[0]!.clientId))?.address).toBe('8 avenue Foch\n75016 Paris');
  });
});
