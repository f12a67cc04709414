// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addDays, todayLocal } from '@relance/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { fillDates } from '../../../e2e/fixtures/invoicing/dates';
import type { InvoiceOnPage } from './adapters/types';
import { PageObserver } from './observe/pageObserver';

// happy-dom replaces import.meta.url's scheme; __dirname is this folder.
const FIXTURES = join(__dirname, '../../../e2e/fixtures/invoicing');

/** The e2e fixture pages, read by the observer in happy-dom: a fast check of the adapters on them. */
function load(name: string) {
  const html = fillDates(readFileSync(join(FIXTURES, name), 'utf8'));
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.documentElement.setAttribute('lang', parsed.documentElement.getAttribute('lang') ?? '');
  // Scripts are not run here: only the server-rendered markup is read.
  for (const script of Array.from(parsed.querySelectorAll('script'))) script.remove();
  document.body.innerHTML = parsed.body.innerHTML;
}

let observer: PageObserver | null = null;
async function observe(): Promise<InvoiceOnPage[]> {
  const seen: InvoiceOnPage[] = [];
  observer = new PageObserver({
    doc: document,
    readContext: () => ({
      locale: document.documentElement.lang || 'fr',
      defaultCurrency: 'EUR',
      baseUrl: 'http://127.0.0.1/',
    }),
    onObserved: (o) => seen.push(...o),
    batcher: (flush) => () => setTimeout(flush, 0),
  });
  observer.start();
  await new Promise((resolve) => setTimeout(resolve, 0));
  await observer.idle();
  return seen;
}
afterEach(() => observer?.stop());

const daysAgo = (n: number) => addDays(todayLocal(), -n);

describe('fixture pages', () => {
  it('Dolibarr-like French ERP table (a filter row above the header)', async () => {
    load('dolibarr.html');
    const seen = await observe();
    expect(seen.map((o) => [o.number, o.clientName, o.dueDate, o.amountDueCents, o.status])).toEqual([
      ['FA2603-0101', 'Boulangerie Martin', daysAgo(23), 120000, 'unpaid'],
      ['FA2603-0102', 'Garage Dupont', daysAgo(8), 30000, 'unpaid'],
      ['FA2603-0103', 'Pharmacie du Centre', daysAgo(50), 450000, 'unpaid'],
      ['FA2603-0104', 'Café des Arts', daysAgo(-10), 9600, 'unpaid'],
      ['FA2603-0105', 'Atelier Lemoine', daysAgo(35), 90000, 'partial'],
      ['FA2603-0106', 'Boulangerie Martin', daysAgo(70), 60000, 'unpaid'],
      ['FA2603-0107', 'Librairie Papier', daysAgo(40), 0, 'paid'],
      ['FA2603-0108', 'Fleurs & Co', daysAgo(-2), 148140, 'unpaid'],
    ]);
  });

  it('French ARIA grid with long dates', async () => {
    load('grid.html');
    const seen = await observe();
    expect(seen.map((o) => [o.number, o.dueDate, o.status, o.adapter])).toEqual([
      ['F-2026-031', daysAgo(31), 'unpaid', 'aria-grid'],
      ['F-2026-032', daysAgo(1), 'unpaid', 'aria-grid'],
      ['F-2026-033', daysAgo(60), 'unpaid', 'aria-grid'],
      ['F-2026-034', daysAgo(15), 'unpaid', 'aria-grid'],
    ]);
  });

  it('invoice detail page (the lines table is not a list)', async () => {
    load('detail.html');
    const seen = await observe();
    expect(
      seen.map((o) => [o.number, o.clientName, o.clientEmail, o.dueDate, o.amountDueCents, o.adapter]),
    ).toEqual([
      ['FA2603-0103', 'Pharmacie du Centre', 'compta@pharmacie-centre.fr', daysAgo(50), 450000, 'detail'],
    ]);
  });

  it('first page of the paginated list; nothing on the custom page', async () => {
    load('paginated.html');
    expect((await observe()).map((o) => o.number)).toEqual(['P1-001', 'P1-002', 'P1-003', 'P1-004']);
    observer?.stop();
    load('custom.html');
    expect(await observe()).toEqual([]);
  });
});
