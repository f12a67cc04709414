// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { InvoicePolicyView, RequestOf, Send } from '../../lib/messages';
import { PageObserver } from './observe/pageObserver';
import { InvoiceOverlay } from './overlay';

/** A background that answers like the policy engine would, from the due date in the number. */
function fakeBackground() {
  const requests: RequestOf<'observeInvoices'>[] = [];
  const send = vi.fn(async (request: { type: string }) => {
    if (request.type !== 'observeInvoices') throw new Error(`unexpected ${request.type}`);
    const r = request as RequestOf<'observeInvoices'>;
    requests.push(r);
    const invoices: InvoicePolicyView[] = r.observations.map((o) => ({
      invoiceId: `id-${o.number}`,
      clientId: `client-${o.clientName}`,
      number: o.number,
      clientName: o.clientName,
      amountDueCents: o.amountDueCents,
      outstandingCents: o.amountDueCents,
      currency: o.currency,
      dueDate: o.dueDate,
      daysOverdue: Number(o.number.split('+')[1] ?? 0),
      stage: o.status === 'paid' ? 'paid' : 'reminder-2',
      actionDue: o.status !== 'paid',
    }));
    return { invoices };
  });
  return { send: send as unknown as Send, requests };
}

let observer: PageObserver;
let overlay: InvoiceOverlay;
let background: ReturnType<typeof fakeBackground>;
const actions = { remind: vi.fn(), notes: vi.fn() };

async function settle() {
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await observer.idle();
    await overlay.idle();
  }
}

function start() {
  background = fakeBackground();
  overlay = new InvoiceOverlay({ doc: document, send: background.send, lang: 'fr', actions });
  observer = new PageObserver({
    doc: document,
    readContext: () => ({ locale: 'fr', defaultCurrency: 'EUR', baseUrl: 'http://127.0.0.1/' }),
    onObserved: (o) => overlay.observed(o),
    onVanished: (rows) => overlay.vanished(rows),
    batcher: (flush) => () => setTimeout(flush, 0),
  });
  observer.start();
}

function table(rows: string[][]): string {
  return `<table><thead><tr><th>N° facture</th><th>Client</th><th>Échéance</th><th>Reste à payer</th><th>Statut</th></tr></thead>
    <tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

const badges = () => Array.from(document.querySelectorAll('relance-badge'));

beforeEach(() => {
  document.body.innerHTML = '';
});
afterEach(() => observer?.stop());

describe('InvoiceOverlay', () => {
  it('puts exactly one badge per row with the policy answer in its attributes', async () => {
    document.body.innerHTML = table([
      ['F+23', 'Alpha', '01/03/2026', '100,00 €', 'Impayée'],
      ['F+0', 'Beta', '02/03/2026', '0,00 €', 'Payée'],
    ]);
    start();
    await settle();
    expect(badges().map((b) => [b.parentElement?.textContent, ...attrs(b)])).toEqual([
      ['F+23', 'F+23', '23', 'reminder-2', 'true'],
      ['F+0', 'F+0', '0', 'paid', 'false'],
    ]);
    // Each invoice asked once (one request per slice of rows, never one per row).
    expect(background.requests.flatMap((r) => r.observations.map((o) => o.number))).toEqual(['F+23', 'F+0']);
    expect(background.requests[0]!.observations[0]).toMatchObject({
      number: 'F+23',
      clientName: 'Alpha',
      amountDueCents: 10000,
      currency: 'EUR',
      dueDate: '2026-03-01',
      status: 'unpaid',
      host: 'localhost:3000',
    });
  });

  it('renders the badge in an open shadow root with the two buttons, page text as text', async () => {
    document.body.innerHTML = table([['F+5', 'x', '01/03/2026', '10,00 €', '']]);
    document.querySelectorAll('tbody td')[1]!.textContent = '<img src=x onerror=alert(1)>';
    start();
    await settle();
    const badge = badges()[0]!;
    const root = badge.shadowRoot!;
    expect(root.querySelector('[data-relance-action=remind]')).not.toBeNull();
    expect(root.querySelector('[data-relance-action=notes]')).not.toBeNull();
    expect(root.textContent).toContain('J+5');
    expect(root.textContent).toContain('relance formelle');
    expect(root.querySelector('img')).toBeNull();
    (root.querySelector('[data-relance-action=notes]') as HTMLElement).click();
    expect(actions.notes).toHaveBeenCalledTimes(1);
  });

  it('never duplicates a badge when the page re-renders, and removes it with its row', async () => {
    document.body.innerHTML = table([['F+1', 'Alpha', '01/03/2026', '10,00 €', '']]);
    start();
    await settle();
    const cell = document.querySelector('tbody td')!;
    // The page re-renders the number cell: our badge goes, and comes back once.
    cell.textContent = 'F+1';
    await settle();
    expect(badges()).toHaveLength(1);
    // A clone of the row (template copy) carries a dead copy of our element: it is removed.
    const clone = document.querySelector('tbody tr')!.cloneNode(true) as Element;
    clone.querySelector('td')!.firstChild!.textContent = 'F+2';
    document.querySelector('tbody')!.append(clone);
    await settle();
    expect(badges().map((b) => b.getAttribute('data-invoice-number'))).toEqual(['F+1', 'F+2']);
    expect(badges().every((b) => b.shadowRoot)).toBe(true);
    document.querySelector('tbody tr')!.remove();
    await settle();
    expect(badges().map((b) => b.getAttribute('data-invoice-number'))).toEqual(['F+2']);
    // Same figures re-read: no new request.
    expect(background.requests).toHaveLength(2);
  });

  it('updates the badge in place when the figures change, and drops it when the row stops being an invoice', async () => {
    document.body.innerHTML = table([['F+3', 'Alpha', '01/03/2026', '10,00 €', '']]);
    start();
    await settle();
    const badge = badges()[0]!;
    document.querySelectorAll('tbody td')[4]!.textContent = 'Payée';
    await settle();
    expect(badges()).toEqual([badge]);
    expect(badge.getAttribute('data-stage')).toBe('paid');
    document.querySelectorAll('tbody td')[2]!.textContent = '';
    await settle();
    expect(badges()).toEqual([]);
  });

  it('asks again on refresh and shows the new answer', async () => {
    document.body.innerHTML = table([['F+8', 'Alpha', '01/03/2026', '10,00 €', '']]);
    start();
    await settle();
    overlay.refresh();
    await settle();
    expect(background.requests).toHaveLength(2);
    expect(badges()).toHaveLength(1);
  });
});

function attrs(badge: Element) {
  return ['data-invoice-number', 'data-days-overdue', 'data-stage', 'data-action-due'].map((a) =>
    badge.getAttribute(a),
  );
}
