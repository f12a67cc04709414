import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureServer, startFixtureServer } from './fixtures/invoicing/server';
import { askBackground, type ExtensionBrowser, launchBrowserWithExtension } from './lib';
import { type Expected, expectBadges, row, storedRecords } from './lib/readings';

/**
 * Issue 11: the overlay reads what a person sees. Fixture pages built the way real invoicing tools
 * build theirs (a PHP ERP's list with hidden PDF menus, tooltips, late glyphs, avatars and address
 * lines in the client cell; its invoice card with nested label tables and edit pencils; its
 * customer card with a header-less box of latest invoices; a SaaS ARIA grid with checkboxes,
 * chips, visually-hidden text and `display: contents` rows; a data table whose sticky header is a
 * table of its own). Every badge's contract attributes are checked, row by row.
 */
const LIST: Expected[] = [
  row('FA2610-0008', 'Boulangerie Martin', 120000, 'EUR', 23, 'reminder-2'),
  row('FA2611-0041', 'Garage Dupont', 20000, 'EUR', 8, 'reminder-1'),
  row('FA2609-0004', 'Pharmacie du Centre', 300000, 'EUR', 50, 'formal-notice'),
  row('FA2609-0005', 'Librairie Papier', 0, 'EUR', 40, 'paid'),
  row('FA2612-0001', 'Boulangerie Martin', 30000, 'EUR', -10, 'none'),
];
const CARD: Expected[] = [row('FA2609-0004', 'Pharmacie du Centre', 300000, 'EUR', 50, 'formal-notice')];
const CUSTOMER: Expected[] = [
  // Known from the list and the card: the box's amount (excl. tax) does not replace what is due.
  row('FA2609-0004', 'Pharmacie du Centre', 300000, 'EUR', 50, 'formal-notice'),
  row('FA2612-0007', 'Pharmacie du Centre', 75000, 'EUR', 10, 'reminder-1'),
];
const SAAS: Expected[] = [
  row('INV-0042', 'Northwind Studio', 125000, 'USD', 12, 'reminder-1'),
  row('INV-0043', 'Blue Crane Ltd', 48050, 'USD', 31, 'payment-plan'),
  row('INV-0044', 'Northwind Studio', 0, 'USD', 3, 'paid'),
];
const STICKY: Expected[] = [
  row('F-7781', 'Atelier Morel', 54000, 'EUR', 16, 'reminder-2'),
  row('F-7782', 'Cabinet Roux', 150000, 'EUR', 46, 'formal-notice'),
];

let fixtures: FixtureServer;
let relanceServer: FixtureServer;
let ext: ExtensionBrowser;
let profile: string;

beforeAll(async () => {
  profile = await mkdtemp(join(tmpdir(), 'relance-reading-'));
  [fixtures, relanceServer, ext] = await Promise.all([
    startFixtureServer(),
    startFixtureServer(),
    launchBrowserWithExtension({ userDataDir: profile }),
  ]);
  for (let waited = 0; waited < 10_000; waited += 100) {
    if (await ext.worker.evaluate(() => 'relanceBackground' in globalThis)) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
});

afterAll(async () => {
  await ext?.close();
  await fixtures?.close();
  await relanceServer?.close();
  if (profile) await rm(profile, { recursive: true, force: true });
});

async function open(path: string, server = fixtures): Promise<Page> {
  const page = await ext.browser.newPage();
  await page.goto(server.url(path));
  return page;
}

const stored = () => storedRecords(ext.worker);

describe('reading what a person sees', () => {
  it('an ERP list: number, client, amount left to pay, days and stage on every row; no draft, credit note or cancelled badge', async () => {
    const page = await open('/reading/list.html');
    await expectBadges(page, LIST);
    // The page's own text is untouched and the badge sits in the number's cell.
    expect(
      await page.$eval('relance-badge[data-invoice-number="FA2610-0008"]', (b) => b.closest('td')?.className),
    ).toBe('nowraponall');
    await page.close();
  });

  it('its invoice card and customer card: the same invoice is one record', async () => {
    const card = await open('/reading/card.html');
    await expectBadges(card, CARD);
    await card.close();
    const customer = await open('/reading/customer.html');
    await expectBadges(customer, CUSTOMER);
    await customer.close();

    const { invoices, clients } = await stored();
    const host = new URL(fixtures.origin).host;
    const here = invoices.filter((i) => i.host === host && !i.deleted).map((i) => i.number);
    expect(here.filter((n) => n === 'FA2609-0004')).toHaveLength(1);
    expect(here.sort()).toEqual(
      [
        'FA2608-0019',
        'FA2609-0004',
        'FA2609-0005',
        'FA2610-0008',
        'FA2611-0041',
        'FA2612-0001',
        'FA2612-0007',
      ].sort(),
    );
    const names = clients.filter((c) => !c.deleted).map((c) => c.name);
    expect(names.filter((n) => n === 'Pharmacie du Centre')).toHaveLength(1);
    expect(names.some((n) => /BBoulangerie|@|rue des Lilas/.test(n))).toBe(false);
  });

  it('a SaaS grid: checkboxes, avatars, chips, hidden helpers and menus are not values', async () => {
    const page = await open('/reading/saas-grid.html');
    await expectBadges(page, SAAS);
    await page.close();
  });

  it('a data table whose sticky header is a table of its own', async () => {
    const page = await open('/reading/sticky.html');
    await expectBadges(page, STICKY);
    await page.close();
  });
});

describe("Relance's own server pages", () => {
  it('are never read: a page marked as the dashboard, and any page of the configured server', async () => {
    const marked = await open('/reading/relance-dashboard.html');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await marked.$$('relance-badge')).toEqual([]);
    await marked.close();

    await askBackground(ext.worker, { type: 'setServerUrl', serverUrl: relanceServer.origin });
    const page = await open('/reading/list.html', relanceServer);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await page.$$('relance-badge')).toEqual([]);
    await page.close();
    const { invoices } = await stored();
    expect(invoices.some((i) => i.host === new URL(relanceServer.origin).host)).toBe(false);
  });
});
