// @vitest-environment happy-dom
import { addDays, todayLocal } from '@relance/shared/dates';
import { beforeEach, describe, expect, it } from 'vitest';
import { ariaGridAdapter } from './ariaGrid';
import { dueFromStatus, readDate } from './parsing';
import { readInvoice } from './reading';
import { parseStatus } from './status';
import { tableAdapter } from './table';
import type { ReadContext } from './types';

/** Classes of page the SaaS tools build (issue 11): each rule here serves every tool of the class. */
const en: ReadContext = { locale: 'en-GB', defaultCurrency: 'EUR', baseUrl: 'http://127.0.0.1:4000/' };
const fr: ReadContext = { locale: 'fr', defaultCurrency: 'EUR', baseUrl: 'http://127.0.0.1:4000/' };

function readTable(html: string, ctx: ReadContext) {
  document.body.innerHTML = html;
  const table = document.querySelector('table')!;
  const map = tableAdapter.recognise(table);
  if (!map) return null;
  return Array.from(table.querySelectorAll('tr'))
    .filter((row) => tableAdapter.isDataRow(row, table))
    .map((row) => readInvoice(tableAdapter.cellsOf(row, map), ctx, {}, row));
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('due dates written relative to today (Odoo’s remaining-days widget)', () => {
  const today = todayLocal();
  it.each([
    ['Il y a 23 jours', -23],
    ['Dans 5 jours', 5],
    ['Hier', -1],
    ["Aujourd'hui", 0],
    ['Demain', 1],
    ['12 days ago', -12],
    ['In 1 day', 1],
    ['Yesterday', -1],
  ])('%s', (text, offset) => {
    expect(readDate(text, 'fr')).toBe(addDays(today, offset));
  });

  it('not inside other words: a status is no date', () => {
    expect(readDate('Overdue by 12 days', 'en')).toBeNull();
    expect(readDate('En retard de 12 jours', 'fr')).toBeNull();
  });
});

describe('the due date a status implies, for lists without a due-date column (QuickBooks)', () => {
  const today = todayLocal();
  it.each([
    ['Overdue 12 days', -12],
    ['Overdue by 3 days', -3],
    ['Due in 5 days', 5],
    ['Due today', 0],
    ['En retard de 12 jours', -12],
    ['Échéance dans 4 jours', 4],
  ])('%s', (text, offset) => {
    expect(dueFromStatus(text)).toBe(addDays(today, offset));
  });

  it('says nothing otherwise', () => {
    expect(dueFromStatus('Paid')).toBeNull();
    expect(dueFromStatus('Deposited')).toBeNull();
  });

  it('a list with number, customer, amount and status but no due date', () => {
    const rows = readTable(
      `<table><thead><tr><th>Date</th><th>No.</th><th>Customer</th><th>Amount</th><th>Status</th></tr></thead>
       <tbody><tr><td>01/02/2026</td><td>1045</td><td>Boulder Bikes</td><td>$1,200.00</td><td>Overdue 12 days</td></tr>
       <tr><td>01/03/2026</td><td>1047</td><td>Boulder Bikes</td><td>$300.00</td><td>Deposited</td></tr></tbody></table>`,
      { ...en, locale: 'en-US' },
    );
    expect(rows).toEqual([
      expect.objectContaining({
        number: '1045',
        dueDate: addDays(today, -12),
        amountDueCents: 120000,
        currency: 'USD',
      }),
      null,
    ]);
  });
});

describe('status words of the SaaS tools', () => {
  it.each([
    ['En paiement', 'paid'],
    ['In Payment', 'paid'],
    ['Overdue by 12 days', 'unpaid'],
    ['Due in 5 days', 'unpaid'],
    ['Awaiting Payment', 'unpaid'],
    ['Voided', 'cancelled'],
    ['Reversed', 'cancelled'],
    ['Non payées', 'unpaid'],
  ])('%s → %s', (text, status) => {
    expect(parseStatus(text)).toBe(status);
  });
});

describe('columns', () => {
  it('Xero: a bare "Due" beside "Due Date" is the amount left to pay; "To" is the client', () => {
    const rows = readTable(
      `<table><thead><tr><th>Number</th><th>Ref</th><th>To</th><th>Date</th><th>Due Date</th><th>Paid</th><th>Due</th><th>Status</th></tr></thead>
       <tbody><tr><td>INV-7002</td><td></td><td>Tiller &amp; Sons</td><td>1 Feb 2026</td><td>3 Mar 2026</td><td>250.00</td><td>750.00</td><td>Awaiting Payment</td></tr></tbody></table>`,
      en,
    );
    expect(rows).toEqual([
      expect.objectContaining({
        number: 'INV-7002',
        clientName: 'Tiller & Sons',
        amountDueCents: 75000,
        dueDate: '2026-03-03',
        status: 'unpaid',
      }),
    ]);
  });

  it('Stripe: a lone "Due" column is the due date', () => {
    const rows = readTable(
      `<table><thead><tr><th>Amount</th><th>Invoice number</th><th>Customer</th><th>Due</th><th>Status</th></tr></thead>
       <tbody><tr><td>€120.00</td><td>A1B2-0003</td><td>Kite Surf SAS</td><td>Mar 3, 2026</td><td>Open</td></tr></tbody></table>`,
      en,
    );
    expect(rows?.[0]).toMatchObject({ number: 'A1B2-0003', dueDate: '2026-03-03', amountDueCents: 12000 });
  });

  it('Odoo: the document state beside the payment status says draft or cancelled', () => {
    const rows = readTable(
      `<table><thead><tr><th>Numéro</th><th>Client</th><th>Date d'échéance</th><th>Total</th><th>Montant dû</th><th>Statut du paiement</th><th>Statut</th></tr></thead>
       <tbody>
         <tr><td>FAC/2026/00012</td><td>Boulangerie Martin</td><td>03/03/2026</td><td>1 200,00 €</td><td>1 200,00 €</td><td>Non payées</td><td>Comptabilisé</td></tr>
         <tr><td>FAC/2026/00016</td><td>Garage Dupont</td><td>03/03/2026</td><td>120,00 €</td><td>120,00 €</td><td>Non payées</td><td>Brouillon</td></tr>
         <tr><td>FAC/2026/00017</td><td>Garage Dupont</td><td>03/03/2026</td><td>600,00 €</td><td>600,00 €</td><td>Non payées</td><td>Annulé</td></tr>
         <tr><td>FAC/2026/00015</td><td>Librairie Papier</td><td>03/03/2026</td><td>800,00 €</td><td>0,00 €</td><td>En paiement</td><td>Comptabilisé</td></tr>
       </tbody></table>`,
      fr,
    );
    expect(rows?.map((r) => r && [r.number, r.status, r.amountDueCents])).toEqual([
      ['FAC/2026/00012', 'unpaid', 120000],
      null,
      ['FAC/2026/00017', 'cancelled', 0],
      ['FAC/2026/00015', 'paid', 0],
    ]);
  });
});

describe('ARIA grids', () => {
  it('a body grid whose sticky header is a grid of its own just before it', () => {
    document.body.innerHTML = `<div class="list">
      <div role="table"><div role="row"><div role="columnheader">Référence</div><div role="columnheader">Tiers</div>
        <div role="columnheader">Échéance</div><div role="columnheader">Solde dû</div></div></div>
      <div class="scroll"><div role="table" id="body"><div role="row"><div role="gridcell"><a href="/f/1">FV-00561</a></div>
        <div role="gridcell">Domaine Vallet</div><div role="gridcell">03/03/2026</div><div role="gridcell">1 320,00 €</div></div></div></div>
    </div>`;
    const body = document.getElementById('body')!;
    const map = ariaGridAdapter.recognise(body);
    expect(map).not.toBeNull();
    const row = body.querySelector('[role=row]')!;
    expect(readInvoice(ariaGridAdapter.cellsOf(row, map!), fr, {}, row)).toMatchObject({
      number: 'FV-00561',
      clientName: 'Domaine Vallet',
      amountDueCents: 132000,
      dueDate: '2026-03-03',
    });
  });
});
