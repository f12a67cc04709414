// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fillDates } from '../../../e2e/fixtures/invoicing/dates';
import { findDetail, readDetail } from './adapters/detail';
import type { InvoiceOnPage } from './adapters/types';
import { PageObserver } from './observe/pageObserver';

// happy-dom replaces import.meta.url's scheme; __dirname is this folder.
const FIXTURES = join(__dirname, '../../../e2e/fixtures/invoicing/reading');

/** The issue-11 fixture pages read in happy-dom (structure only: no stylesheet applies here). */
function load(name: string) {
  const html = fillDates(readFileSync(join(FIXTURES, name), 'utf8'));
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.documentElement.setAttribute('lang', parsed.documentElement.getAttribute('lang') ?? '');
  document.title = parsed.title;
  document.body.innerHTML = parsed.body.innerHTML;
}

const ctx = () => ({
  locale: document.documentElement.lang || 'fr',
  defaultCurrency: 'EUR',
  baseUrl: 'http://127.0.0.1/',
});

let observer: PageObserver | null = null;
async function observe(): Promise<InvoiceOnPage[]> {
  const seen: InvoiceOnPage[] = [];
  observer = new PageObserver({
    doc: document,
    readContext: ctx,
    onObserved: (o) => seen.push(...o),
    batcher: (flush) => () => setTimeout(flush, 0),
  });
  observer.start();
  await new Promise((resolve) => setTimeout(resolve, 0));
  await observer.idle();
  return seen;
}

afterEach(() => {
  observer?.stop();
  observer = null;
});

const fields = (o: InvoiceOnPage) => [o.number, o.clientName, o.amountDueCents, o.status, o.adapter];

describe('issue-11 fixture pages', () => {
  it('the ERP list: what is left to pay, no draft or credit note', async () => {
    load('list.html');
    const got = (await observe()).map(fields);
    expect(got).toEqual([
      ['FA2610-0008', 'Boulangerie Martin', 120000, 'unpaid', 'table'],
      ['FA2611-0041', 'Garage Dupont', 20000, 'partial', 'table'],
      ['FA2609-0004', 'Pharmacie du Centre', 300000, 'unpaid', 'table'],
      ['FA2609-0005', 'Librairie Papier', 0, 'paid', 'table'],
      ['FA2608-0019', 'Fleurs & Co', 0, 'cancelled', 'table'],
      ['FA2612-0001', 'Boulangerie Martin', 30000, 'unpaid', 'table'],
    ]);
  });

  it('the invoice card: ref in the banner, client link without label, nested label tables', () => {
    load('card.html');
    const match = findDetail(document.body, () => false);
    expect(match).not.toBeNull();
    const reading = readDetail(match!, ctx());
    expect(
      reading && [
        reading.number,
        reading.clientName,
        reading.amountDueCents,
        reading.totalCents,
        reading.status,
      ],
    ).toEqual(['FA2609-0004', 'Pharmacie du Centre', 300000, 300000, 'unpaid']);
  });

  it('the customer card: a box without header row, the client is the page subject', async () => {
    load('customer.html');
    const seen = await observe();
    expect(seen.map((o) => [o.number, o.clientName, o.amountDueCents, o.summary, o.adapter])).toEqual([
      ['FA2609-0004', 'Pharmacie du Centre', 250000, true, 'box'],
      ['FA2612-0007', 'Pharmacie du Centre', 75000, true, 'box'],
    ]);
  });
});
