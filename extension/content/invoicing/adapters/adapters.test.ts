// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { ariaGridAdapter } from './ariaGrid';
import { findDetail, readDetail } from './detail';
import { readInvoice } from './reading';
import { tableAdapter } from './table';
import { readTaughtRow, type TaughtMapping } from './taught';
import type { ListAdapter, ReadContext } from './types';

const fr: ReadContext = { locale: 'fr', defaultCurrency: 'EUR', baseUrl: 'http://127.0.0.1:4000/compta/' };
const en: ReadContext = { locale: 'en', defaultCurrency: 'EUR', baseUrl: 'http://127.0.0.1:4000/app/' };

function readAll(adapter: ListAdapter, container: Element, ctx: ReadContext) {
  const map = adapter.recognise(container);
  if (!map) return null;
  return Array.from(container.querySelectorAll(adapter.rowSelector))
    .filter((row) => adapter.isDataRow(row, container))
    .map((row) => readInvoice(adapter.cellsOf(row, map), ctx, {}, row));
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('table adapter', () => {
  it('reads a French ERP table (Dolibarr-like), colspan and status included', () => {
    document.body.innerHTML = `
      <table class="liste">
        <thead><tr class="liste_titre">
          <th>Réf.</th><th>Tiers</th><th>Date</th><th>Date d'échéance</th>
          <th>Montant HT</th><th>Montant TTC</th><th>Reste à payer</th><th>Statut</th>
        </tr></thead>
        <tbody>
          <tr><td><a href="facture/card.php?id=12">FA2603-0012</a></td><td>Boulangerie Martin</td>
            <td>01/03/2026</td><td>31/03/2026</td><td>1 000,00</td><td>1 200,00 €</td><td>1 200,00 €</td>
            <td>Impayée</td></tr>
          <tr><td>FA2603-0013</td><td><a href="mailto:compta@dupont.fr">Dupont &amp; Fils</a></td>
            <td>02/03/2026</td><td>01/04/2026</td><td>500,00</td><td>600,00 €</td><td>200,00 €</td>
            <td>Partiellement payée</td></tr>
          <tr><td>FA2603-0014</td><td>Café du Port</td><td>03/03/2026</td><td>02/04/2026</td>
            <td>100,00</td><td>120,00 €</td><td>0,00 €</td><td>Payée</td></tr>
          <tr class="liste_total"><td colspan="5">Total</td><td>1 920,00 €</td><td>1 400,00 €</td><td></td></tr>
        </tbody>
      </table>`;
    const readings = readAll(tableAdapter, document.querySelector('table')!, fr);
    expect(readings).toEqual([
      {
        number: 'FA2603-0012',
        clientName: 'Boulangerie Martin',
        amountDueCents: 120000,
        totalCents: 120000,
        currency: 'EUR',
        issueDate: '2026-03-01',
        dueDate: '2026-03-31',
        status: 'unpaid',
        url: 'http://127.0.0.1:4000/compta/facture/card.php?id=12',
      },
      {
        number: 'FA2603-0013',
        clientName: 'Dupont & Fils',
        clientEmail: 'compta@dupont.fr',
        amountDueCents: 20000,
        totalCents: 60000,
        currency: 'EUR',
        issueDate: '2026-03-02',
        dueDate: '2026-04-01',
        status: 'partial',
      },
      {
        number: 'FA2603-0014',
        clientName: 'Café du Port',
        amountDueCents: 0,
        totalCents: 12000,
        currency: 'EUR',
        issueDate: '2026-03-03',
        dueDate: '2026-04-02',
        status: 'paid',
      },
      // The totals row has no invoice number, client or due date: not an invoice.
      null,
    ]);
  });

  it('reads an English table with month-first dates and dollar amounts', () => {
    document.body.innerHTML = `
      <table><tr><th>Invoice #</th><th>Customer</th><th>Due Date</th><th>Amount</th><th>Balance</th></tr>
        <tr><td>INV-1001</td><td>Acme Corp</td><td>03/12/2026</td><td>$1,234.56</td><td>$1,000.00</td></tr>
        <tr><td>INV-1002</td><td>Globex</td><td>Mar 14, 2026</td><td>$99.00</td><td>$99.00</td></tr>
      </table>`;
    const readings = readAll(tableAdapter, document.querySelector('table')!, en);
    expect(readings?.map((r) => [r?.number, r?.dueDate, r?.amountDueCents, r?.currency, r?.status])).toEqual([
      ['INV-1001', '2026-03-12', 100000, 'USD', 'partial'],
      ['INV-1002', '2026-03-14', 9900, 'USD', 'unpaid'],
    ]);
  });

  it('does not take other tables for invoice lists', () => {
    document.body.innerHTML = `
      <table><thead><tr><th>Produit</th><th>Quantité</th><th>Prix</th></tr></thead>
        <tbody><tr><td>Pain</td><td>3</td><td>1,20 €</td></tr></tbody></table>
      <table><tr><td>N° facture</td><td>Client</td></tr></table>`;
    for (const table of Array.from(document.querySelectorAll('table'))) {
      expect(tableAdapter.recognise(table)).toBeNull();
    }
  });
});

describe('ARIA grid adapter', () => {
  it('reads a div grid with aria-colindex and a checkbox column', () => {
    document.body.innerHTML = `
      <div role="grid" lang="fr">
        <div role="rowgroup"><div role="row">
          <div role="columnheader" aria-colindex="1"></div>
          <div role="columnheader" aria-colindex="2">Numéro</div>
          <div role="columnheader" aria-colindex="3">Client</div>
          <div role="columnheader" aria-colindex="4">Échéance</div>
          <div role="columnheader" aria-colindex="5">Montant TTC</div>
        </div></div>
        <div role="rowgroup"><div role="row">
          <div role="gridcell" aria-colindex="1"><input type="checkbox"></div>
          <div role="gridcell" aria-colindex="2"><span>F-2026-07</span></div>
          <div role="gridcell" aria-colindex="3">Atelier Lumière</div>
          <div role="gridcell" aria-colindex="4">12 mars 2026</div>
          <div role="gridcell" aria-colindex="5">2 400,00 €</div>
        </div></div>
      </div>`;
    const grid = document.querySelector('[role=grid]')!;
    expect(readAll(ariaGridAdapter, grid, fr)).toEqual([
      {
        number: 'F-2026-07',
        clientName: 'Atelier Lumière',
        amountDueCents: 240000,
        totalCents: 240000,
        currency: 'EUR',
        dueDate: '2026-03-12',
        status: 'unpaid',
      },
    ]);
  });

  it('leaves real tables to the table adapter', () => {
    document.body.innerHTML = '<table role="grid"><tr><th>Number</th></tr></table>';
    expect(ariaGridAdapter.recognise(document.querySelector('table')!)).toBeNull();
  });
});

describe('detail adapter', () => {
  it('reads a definition list, with the number in the title', () => {
    document.body.innerHTML = `
      <main><h1>Facture FA-2026-0042</h1>
        <dl><dt>Client</dt><dd>Boulangerie Martin</dd>
          <dt>Date de facturation</dt><dd>01/02/2026</dd>
          <dt>Échéance :</dt><dd>03/03/2026</dd>
          <dt>Total TTC</dt><dd>1 234,56 €</dd>
          <dt>Reste à payer</dt><dd>234,56 €</dd></dl>
      </main>`;
    const match = findDetail(document.body, () => false)!;
    expect(match.anchor.tagName).toBe('H1');
    expect(match.container.tagName).toBe('MAIN');
    expect(readDetail(match, { ...fr, baseUrl: 'http://127.0.0.1:4000/facture/42' })).toEqual({
      number: 'FA-2026-0042',
      clientName: 'Boulangerie Martin',
      amountDueCents: 23456,
      totalCents: 123456,
      currency: 'EUR',
      issueDate: '2026-02-01',
      dueDate: '2026-03-03',
      status: 'partial',
      url: 'http://127.0.0.1:4000/facture/42',
    });
  });

  it('reads "Label : value" lines and two-cell table rows', () => {
    document.body.innerHTML = `
      <section>
        <p><strong>Invoice number:</strong> INV-77</p>
        <table><tr><th>Customer</th><td>Initech</td></tr><tr><th>Due date</th><td>2026-04-30</td></tr></table>
        <p>Amount due: €50.00</p>
      </section>`;
    const match = findDetail(document.body, () => false)!;
    const reading = readDetail(match, en)!;
    expect([reading.number, reading.clientName, reading.dueDate, reading.amountDueCents]).toEqual([
      'INV-77',
      'Initech',
      '2026-04-30',
      5000,
    ]);
  });

  it('finds nothing on a page that is not an invoice', () => {
    document.body.innerHTML =
      '<main><h1>Bienvenue</h1><p>Client : personne</p><p>Date : 01/01/2026</p></main>';
    expect(findDetail(document.body, () => false)).toBeNull();
  });
});

describe('taught adapter', () => {
  it('reads rows with the saved selectors', () => {
    document.body.innerHTML = `
      <ul class="invoices">
        <li class="inv"><b>Q-1</b><i>Umbrella</i><span><em>12/03/2026</em></span><u>70,00 €</u></li>
      </ul>`;
    const mapping: TaughtMapping = {
      host: '127.0.0.1',
      rowSelector: 'ul.invoices > li.inv',
      fields: {
        number: ':scope > b',
        client: ':scope > i',
        dueDate: ':scope > span > em',
        amount: ':scope > u',
      },
    };
    const row = document.querySelector('li')!;
    expect(readTaughtRow(row, mapping, fr)).toMatchObject({
      number: 'Q-1',
      clientName: 'Umbrella',
      dueDate: '2026-03-12',
      amountDueCents: 7000,
    });
    expect(
      readTaughtRow(row, { ...mapping, fields: { ...mapping.fields, client: ':scope > nope' } }, fr),
    ).toBeNull();
    expect(readTaughtRow(row, { ...mapping, fields: { ...mapping.fields, client: '>>>' } }, fr)).toBeNull();
  });
});
