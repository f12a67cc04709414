// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InvoiceOnPage } from '../adapters/types';
import { PageObserver } from './pageObserver';

const ctx = { locale: 'fr', defaultCurrency: 'EUR', baseUrl: 'http://127.0.0.1/' };

function tableHtml(rows: [string, string, string][]): string {
  return `<table id="list"><thead><tr><th>N° facture</th><th>Client</th><th>Échéance</th><th>Reste à payer</th></tr></thead>
    <tbody>${rows.map(rowHtml).join('')}</tbody></table>`;
}
function rowHtml([number, client, due]: [string, string, string]): string {
  return `<tr><td>${number}</td><td>${client}</td><td>${due}</td><td>100,00 €</td></tr>`;
}
/** A row built with DOM calls (happy-dom parses `<tr>` fragments outside a table context badly). */
function makeRow(cells: string[]): HTMLTableRowElement {
  const row = document.createElement('tr');
  for (const text of cells) row.append(Object.assign(document.createElement('td'), { textContent: text }));
  return row;
}

let observer: PageObserver;
let seen: InvoiceOnPage[];
let vanished: Element[];
let flushes: number;

/** Lets the MutationObserver deliver, then waits until the observer has read everything. */
async function settle() {
  await new Promise((resolve) => setTimeout(resolve, 0));
  await observer.idle();
}

function startObserver() {
  observer = new PageObserver({
    doc: document,
    readContext: () => ctx,
    onObserved: (batch) => seen.push(...batch),
    onVanished: (rows) => vanished.push(...rows),
    batcher: (flush) => {
      let pending = false;
      return () => {
        if (pending) return;
        pending = true;
        setTimeout(() => {
          pending = false;
          flushes++;
          flush();
        }, 0);
      };
    },
  });
  observer.start();
}

beforeEach(() => {
  document.body.innerHTML = '';
  seen = [];
  vanished = [];
  flushes = 0;
});
afterEach(() => observer?.stop());

describe('PageObserver', () => {
  it('reads the rows already on the page', async () => {
    document.body.innerHTML = tableHtml([
      ['F1', 'Alpha', '01/03/2026'],
      ['F2', 'Beta', '02/03/2026'],
    ]);
    startObserver();
    await settle();
    expect(seen.map((o) => [o.number, o.dueDate, o.adapter, o.anchor.textContent])).toEqual([
      ['F1', '2026-03-01', 'table', 'F1'],
      ['F2', '2026-03-02', 'table', 'F2'],
    ]);
  });

  it('stays silent on a page without invoices', async () => {
    document.body.innerHTML = '<main><h1>Tableau de bord</h1><table><tr><th>Produit</th></tr></table></main>';
    const before = document.body.innerHTML;
    startObserver();
    document
      .querySelector('main')!
      .append(Object.assign(document.createElement('p'), { textContent: 'Bonjour' }));
    await settle();
    expect(seen).toEqual([]);
    expect(document.body.innerHTML).toBe(before.replace('</main>', '<p>Bonjour</p></main>'));
  });

  it('reads rows rendered late, one batch per frame, only the new ones', async () => {
    startObserver();
    await settle();
    document.body.innerHTML = tableHtml([['F1', 'Alpha', '01/03/2026']]);
    await settle();
    expect(seen.map((o) => o.number)).toEqual(['F1']);

    seen = [];
    const tbody = document.querySelector('tbody')!;
    const flushesBefore = flushes;
    for (let i = 2; i <= 50; i++) tbody.append(makeRow([`F${i}`, 'Gamma', '03/03/2026', '5,00 €']));
    await settle();
    expect(seen.map((o) => o.number)).toEqual(Array.from({ length: 49 }, (_, i) => `F${i + 2}`));
    expect(flushes - flushesBefore).toBe(1);
  });

  it('recognises a table whose header arrives after its rows', async () => {
    document.body.innerHTML = `<table><thead></thead><tbody>${rowHtml(['F9', 'Late', '09/03/2026'])}</tbody></table>`;
    startObserver();
    await settle();
    expect(seen).toEqual([]);
    document.querySelector('thead')!.innerHTML =
      '<tr><th>N° facture</th><th>Client</th><th>Échéance</th><th>Reste à payer</th></tr>';
    await settle();
    expect(seen.map((o) => o.number)).toEqual(['F9']);
  });

  it('reads the new page when pagination replaces the rows, or the whole table', async () => {
    document.body.innerHTML = tableHtml([['F1', 'Alpha', '01/03/2026']]);
    startObserver();
    await settle();
    seen = [];
    document.querySelector('tbody')!.replaceChildren(makeRow(['F2', 'Beta', '02/03/2026', '1,00 €']));
    await settle();
    expect(seen.map((o) => o.number)).toEqual(['F2']);
    seen = [];
    document.body.innerHTML = `<div>${tableHtml([['F3', 'Gamma', '03/03/2026']])}</div>`;
    await settle();
    expect(seen.map((o) => o.number)).toEqual(['F3']);
  });

  it('reads a row again when one of its cells changes, and reports rows that stop being invoices', async () => {
    document.body.innerHTML = tableHtml([['F1', 'Alpha', '01/03/2026']]);
    startObserver();
    await settle();
    seen = [];
    const dueCell = document.querySelectorAll('tbody td')[2]!;
    (dueCell.firstChild as Text).data = '15/03/2026';
    await settle();
    expect(seen.map((o) => [o.number, o.dueDate])).toEqual([['F1', '2026-03-15']]);
    dueCell.textContent = '';
    await settle();
    expect(vanished).toEqual([document.querySelector('tbody tr')]);
  });

  it('ignores the elements the overlay inserts itself', async () => {
    document.body.innerHTML = tableHtml([['F1', 'Alpha', '01/03/2026']]);
    startObserver();
    await settle();
    seen = [];
    document.querySelector('td')!.append(document.createElement('relance-badge'));
    await settle();
    expect(seen).toEqual([]);
  });

  it('reads an ARIA grid and a detail page', async () => {
    document.body.innerHTML = `
      <div role="grid"><div role="row"><span role="columnheader">Réf.</span><span role="columnheader">Tiers</span>
        <span role="columnheader">Date d'échéance</span><span role="columnheader">Montant TTC</span></div>
        <div role="row"><span role="gridcell">G1</span><span role="gridcell">Delta</span>
        <span role="gridcell">04/03/2026</span><span role="gridcell">10,00 €</span></div></div>
      <article><h2>Facture D-77</h2><dl><dt>Client</dt><dd>Epsilon</dd><dt>Échéance</dt><dd>05/03/2026</dd>
        <dt>Montant TTC</dt><dd>20,00 €</dd></dl></article>`;
    startObserver();
    await settle();
    expect(seen.map((o) => [o.number, o.adapter])).toEqual([
      ['G1', 'aria-grid'],
      ['D-77', 'detail'],
    ]);
  });

  it('finds a detail page rendered field by field', async () => {
    document.body.innerHTML = '<main><h1>Facture D-88</h1><dl></dl></main>';
    startObserver();
    await settle();
    const dl = document.querySelector('dl')!;
    dl.insertAdjacentHTML('beforeend', '<dt>Client</dt><dd>Zeta</dd>');
    await settle();
    dl.insertAdjacentHTML('beforeend', '<dt>Échéance</dt><dd>06/03/2026</dd>');
    await settle();
    dl.insertAdjacentHTML('beforeend', '<dt>Reste à payer</dt><dd>30,00 €</dd>');
    await new Promise((resolve) => setTimeout(resolve, 600));
    await settle();
    expect(seen.map((o) => [o.number, o.clientName, o.amountDueCents])).toEqual([['D-88', 'Zeta', 3000]]);
  });

  it('examines the whole page again after a route change', async () => {
    startObserver();
    await settle();
    document.body.innerHTML = tableHtml([['R1', 'Route', '01/03/2026']]);
    await settle();
    seen = [];
    history.pushState({}, '', '/factures?page=2');
    window.dispatchEvent(new PopStateEvent('popstate'));
    await settle();
    expect(seen.map((o) => o.number)).toEqual(['R1']);
  });

  it('adds a taught mapping to the built-in adapters, never replacing them', async () => {
    document.body.innerHTML = `${tableHtml([['F1', 'Alpha', '01/03/2026']])}
      <ul><li class="inv"><b>T1</b><i>Taught</i><em>07/03/2026</em><u>70,00 €</u></li></ul>`;
    startObserver();
    await settle();
    seen = [];
    observer.setTaught({
      host: 'localhost',
      rowSelector: 'li.inv',
      fields: { number: ':scope > b', client: ':scope > i', dueDate: ':scope > em', amount: ':scope > u' },
    });
    await settle();
    expect(seen.map((o) => [o.number, o.adapter]).sort()).toEqual([
      ['F1', 'table'],
      ['T1', 'taught'],
    ]);
  });
});
