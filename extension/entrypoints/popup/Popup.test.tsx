// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { inProcessBackground, mount, text, waitFor } from '../../test/ui';
import { Popup } from './Popup';

const invoice = (number: string, dueDate: string, amountDueCents: number, clientName: string) => ({
  number,
  clientName,
  amountDueCents,
  currency: 'EUR',
  dueDate,
  host: 'factures.example.com',
  url: `https://factures.example.com/${number}`,
});

describe('popup', () => {
  it("shows today's work grouped by client, the overdue total and the sync status, in French", async () => {
    const bg = inProcessBackground({ now: Date.UTC(2026, 1, 24, 10) });
    await bg.send({
      type: 'observeInvoices',
      observations: [
        invoice('F-1', '2026-02-01', 123_456, 'ACME SARL'),
        invoice('F-2', '2026-02-10', 10_000, 'Boulangerie Martin'),
      ],
    });
    const openOptions = vi.fn();
    const root = mount(<Popup send={bg.send} openOptions={openOptions} />);
    await waitFor(() => root.querySelector('.popup'));
    const shown = text(root);
    expect(shown).toContain("Relance · Aujourd'hui");
    expect(shown).toContain('2 relances à faire');
    expect(shown).toContain('En retard : 1 334,56 € · 2 factures');
    expect(shown).toContain('relance formelle'); // F-1 at J+23
    expect(shown).toContain('J+23');
    expect([...root.querySelectorAll('.client strong')].map((e) => e.textContent)).toEqual([
      'ACME SARL',
      'Boulangerie Martin',
    ]);
    expect(shown).toContain('Mode local');
    root.querySelector<HTMLButtonElement>('[data-relance-action=open-options]')!.click();
    expect(openOptions).toHaveBeenCalled();
  });

  it('speaks English when chosen, and says when nothing is due', async () => {
    const bg = inProcessBackground();
    await bg.send({ type: 'setLanguage', language: 'en' });
    const root = mount(<Popup send={bg.send} openOptions={() => {}} />);
    await waitFor(() => root.querySelector('.popup'));
    expect(text(root)).toContain('Nothing to chase today.');
    expect(text(root)).toContain('No overdue invoices.');
    expect(text(root)).toContain('Local mode');
  });

  it('explains a sync error in plain words', async () => {
    const bg = inProcessBackground();
    await bg.db.setState('account', {
      serverUrl: 'https://relance.example.com',
      token: 'secret-token',
      team: { id: crypto.randomUUID(), name: 'Atelier' },
      person: { id: crypto.randomUUID(), name: 'Alice', role: 'owner' },
    });
    await bg.db.setState('progress', {
      cursor: 0,
      failures: 1,
      lastError: { code: 'offline', message: 'fetch failed', at: new Date().toISOString() },
    });
    const root = mount(<Popup send={bg.send} openOptions={() => {}} />);
    await waitFor(() => root.querySelector('.popup'));
    expect(text(root)).toContain('Le serveur est injoignable');
    expect(text(root)).toContain('Équipe « Atelier », connecté·e en tant que Alice.');
    expect(root.innerHTML).not.toContain('secret-token');
  });
});
