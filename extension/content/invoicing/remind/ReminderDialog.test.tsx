// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { button, click, inProcessBackground, mount, text, type, waitFor } from '../../../test/ui';
import type { Letter } from './letter';
import { ReminderDialog } from './ReminderDialog';

const NOW = Date.UTC(2026, 1, 24, 10); // 24 February 2026

const seen = (number: string, dueDate: string, amountDueCents = 100_000) => ({
  number,
  clientName: 'Garage Dupont',
  amountDueCents,
  currency: 'EUR',
  dueDate,
  issueDate: '2026-01-01',
  host: 'factures.example.com',
  url: `https://factures.example.com/f/${number}`,
});

async function setup(observations = [seen('F-1', '2026-02-14')]) {
  const bg = inProcessBackground({ now: NOW });
  const { invoices } = await bg.send({ type: 'observeInvoices', observations });
  const opened: string[] = [];
  const letters: Letter[] = [];
  const printed: string[] = [];
  const logged = async () => (await bg.db.activities.toArray()).filter((a) => a.type !== 'void');
  const open = (invoiceId: string) =>
    mount(
      <ReminderDialog
        send={bg.send}
        lang="fr"
        invoiceIds={[invoiceId]}
        onClose={() => {}}
        onLogged={() => {}}
        openUrl={(url) => opened.push(url)}
        printLetter={(letter) => void letter.then((l) => letters.push(l))}
        printText={(_, t) => printed.push(t)}
        download={() => {}}
        copyText={async () => {}}
      />,
    );
  return { bg, invoices, opened, letters, printed, logged, open };
}

const action = (root: Element, name: string) => root.querySelector(`[data-relance-action="${name}"]`);

describe('the reminder dialog', () => {
  it('logs nothing when Gmail opens; "Sent? Yes" logs the reminder, "Not yet" nothing', async () => {
    const { invoices, opened, logged, open } = await setup();
    const root = open(invoices[0]!.invoiceId);
    await waitFor(() => action(root, 'open-gmail'));
    await click(action(root, 'open-gmail'));
    expect(opened[0]).toMatch(/^https:\/\/mail\.google\.com\//);
    expect(await logged()).toEqual([]);
    expect(text(root)).toContain('Envoyé ?');
    await click(action(root, 'not-sent'));
    expect(await logged()).toEqual([]);

    await click(action(root, 'open-gmail'));
    await click(action(root, 'mark-sent'));
    await waitFor(() => text(root).includes('Relance enregistrée.'));
    expect(await logged()).toEqual([
      expect.objectContaining({ type: 'reminder', stage: 'reminder-1', channel: 'gmail' }),
    ]);
  });

  it('previews a letter without logging it; posted, with its registered-mail number', async () => {
    const { invoices, letters, logged, open } = await setup();
    const root = open(invoices[0]!.invoiceId);
    await waitFor(() => action(root, 'print-letter'));
    await click(action(root, 'print-letter'));
    expect(text(root)).toContain('Indiquez l’adresse postale du client');
    await type(root.querySelector('[data-relance-field="client-address"]'), '8 avenue Foch\n75016 Paris');
    await click(action(root, 'print-letter'));
    await waitFor(() => letters.length === 1);
    expect(letters[0]!.recipient).toEqual({
      name: 'Garage Dupont',
      address: ['8 avenue Foch', '75016 Paris'],
    });
    expect(await logged()).toEqual([]);
    await waitFor(() => text(root).includes('Lettre postée ?'));
    await type(root.querySelector('[data-relance-field="tracking-number"]'), '1A 123 456 7890 1');
    await click(action(root, 'mark-sent'));
    await waitFor(async () => (await logged()).length === 1);
    expect(await logged()).toEqual([
      expect.objectContaining({ type: 'letter', stage: 'reminder-1', trackingNumber: '1A 123 456 7890 1' }),
    ]);
  });

  it('says why a disputed invoice is paused before anything else', async () => {
    const { bg, invoices, open } = await setup();
    await bg.send({
      type: 'logActivity',
      activity: {
        type: 'dispute-opened',
        clientId: invoices[0]!.clientId,
        invoiceIds: [invoices[0]!.invoiceId],
        reason: 'Pièce manquante',
      },
    });
    const root = open(invoices[0]!.invoiceId);
    await waitFor(() => root.querySelector('[data-relance-part="paused-warning"]'));
    expect(text(root)).toContain('F-1 est en litige depuis le 24/02/2026 (« Pièce manquante »)');
    expect(action(root, 'open-gmail')).toBeNull();
    expect(action(root, 'mark-sent')).toBeNull();
    await click(action(root, 'remind-anyway'));
    expect(action(root, 'open-gmail')).not.toBeNull();
  });

  it('asks an explicit confirmation before a formal notice, and logs it with its deadline', async () => {
    const { invoices, letters, logged, open } = await setup([seen('F-5', '2026-01-05')]);
    const root = open(invoices[0]!.invoiceId);
    await waitFor(() => action(root, 'print-formal-notice'));
    await type(root.querySelector('[data-relance-field="client-address"]'), '8 avenue Foch\n75016 Paris');
    await click(action(root, 'print-formal-notice'));
    expect(root.querySelector('[data-relance-part="formal-notice-confirmation"]')).not.toBeNull();
    expect(letters).toEqual([]);
    await click(action(root, 'confirm-formal-notice'));
    await waitFor(() => letters.length === 1);
    expect(letters[0]!.mention).toBe('Lettre recommandée avec accusé de réception');
    expect(await logged()).toEqual([]);
    await waitFor(() => text(root).includes('Lettre postée ?'));
    await click(action(root, 'mark-sent'));
    await waitFor(async () => (await logged()).length === 1);
    expect(await logged()).toEqual([
      expect.objectContaining({
        type: 'formal-notice',
        channel: 'registered-letter',
        deadline: '2026-03-04',
      }),
    ]);
  });

  it('shows the collections file at the legal stage, with no way to send it to the client', async () => {
    const { invoices, printed, logged, open } = await setup([seen('F-7', '2025-12-01')]);
    const root = open(invoices[0]!.invoiceId);
    await waitFor(() => root.querySelector('[data-relance-part="collections-file"]'));
    for (const name of ['open-gmail', 'open-outlook', 'open-mailto', 'copy', 'print-letter', 'mark-sent']) {
      expect(action(root, name)).toBeNull();
    }
    expect(text(root)).toContain('il ne s’envoie pas au client');
    await click(action(root, 'print-collections-file'));
    expect(printed[0]).toContain('DOSSIER DE RECOUVREMENT');
    expect(await logged()).toEqual([]);
    expect(button(root, 'Exporter (texte)')).toBeDefined();
  });
});
