import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureServer, startFixtureServer } from './fixtures/invoicing/server';
import { type ExtensionBrowser, launchBrowserWithExtension } from './lib';

/**
 * The invoicing overlay in a real Chromium with the built extension, on fixture pages in the styles
 * of real invoicing sites served from 127.0.0.1 (a random port; the manifest's static match
 * pattern). The fixtures' dates are relative to today, so the expected days and stages hold on
 * any day. Local-only install: the badges come from the background's policy engine.
 */
type Expected = [number: string, daysOverdue: number, stage: string, actionDue: boolean];

const DOLIBARR: Expected[] = [
  ['FA2603-0101', 23, 'reminder-2', true],
  ['FA2603-0102', 8, 'reminder-1', true],
  ['FA2603-0103', 50, 'formal-notice', true],
  ['FA2603-0104', -10, 'none', false],
  ['FA2603-0105', 35, 'payment-plan', true],
  ['FA2603-0106', 70, 'legal', true],
  ['FA2603-0107', 40, 'paid', false],
  ['FA2603-0108', -2, 'courtesy', true],
];
const GRID: Expected[] = [
  ['F-2026-031', 31, 'payment-plan', true],
  ['F-2026-032', 1, 'courtesy', true],
  ['F-2026-033', 60, 'legal', true],
  ['F-2026-034', 15, 'reminder-2', true],
  // F-2026-035 is a draft: no badge (docs/architecture.md#overlay-dom).
];
const SPA_ALL: Expected[] = [
  ['INV-2001', 12, 'reminder-1', true],
  ['INV-2002', 16, 'reminder-2', true],
  ['INV-2003', 46, 'formal-notice', true],
  ['INV-2004', -5, 'none', false],
  ['INV-2005', 3, 'paid', false],
];
const SPA_OVERDUE = SPA_ALL.slice(0, 3);
const PAGES: Record<1 | 2 | 3, Expected[]> = {
  1: [
    ['P1-001', 5, 'courtesy', true],
    ['P1-002', 7, 'reminder-1', true],
    ['P1-003', 29, 'reminder-2', true],
    ['P1-004', 44, 'payment-plan', true],
  ],
  2: [
    ['P2-001', 45, 'formal-notice', true],
    ['P2-002', 59, 'formal-notice', true],
    ['P2-003', 61, 'legal', true],
  ],
  3: [
    ['P3-001', 15, 'reminder-2', true],
    ['P3-002', 30, 'payment-plan', true],
  ],
};
const TAUGHT: Expected[] = [
  ['Q-9001', 9, 'reminder-1', true],
  ['Q-9002', 47, 'formal-notice', true],
  ['Q-9003', -20, 'none', false],
];

let fixtures: FixtureServer;
let ext: ExtensionBrowser;
let profile: string;

beforeAll(async () => {
  profile = await mkdtemp(join(tmpdir(), 'relance-overlay-'));
  [fixtures, ext] = await Promise.all([
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
  if (profile) await rm(profile, { recursive: true, force: true });
});

/** Every badge on the page, in document order, as the contract describes it. */
function badges(page: Page) {
  return page.$$eval('relance-badge', (elements) =>
    elements.map((badge) => {
      const root = badge.shadowRoot;
      return {
        number: badge.getAttribute('data-invoice-number'),
        days: Number(badge.getAttribute('data-days-overdue')),
        stage: badge.getAttribute('data-stage'),
        actionDue: badge.getAttribute('data-action-due') === 'true',
        // Open shadow root, both buttons inside, and the badge sits in its invoice's row.
        buttons:
          !!root &&
          root.querySelectorAll('[data-relance-action="remind"]').length === 1 &&
          root.querySelectorAll('[data-relance-action="notes"]').length === 1,
        inItsRow: (badge.closest('tr, [role=row], .inv-card, article')?.textContent ?? '').includes(
          badge.getAttribute('data-invoice-number') ?? '\u0000',
        ),
      };
    }),
  );
}

/**
 * Waits until the page shows exactly the expected badges, then checks again a little later so
 * that a duplicate arriving late (a second render, a stray observer) would be caught.
 */
async function expectBadges(page: Page, expected: Expected[]) {
  const numbers = expected.map(([number]) => number);
  await page.waitForFunction(
    (wanted: string[]) => {
      const shown = Array.from(document.querySelectorAll('relance-badge[data-stage]')).map((b) =>
        b.getAttribute('data-invoice-number'),
      );
      return shown.length === wanted.length && wanted.every((n) => shown.includes(n));
    },
    { timeout: 20_000 },
    numbers,
  );
  await new Promise((resolve) => setTimeout(resolve, 400));
  expect(await badges(page)).toEqual(
    expected.map(([number, days, stage, actionDue]) => ({
      number,
      days,
      stage,
      actionDue,
      buttons: true,
      inItsRow: true,
    })),
  );
}

async function openPage(path: string): Promise<Page> {
  const page = await ext.browser.newPage();
  await page.goto(fixtures.url(path));
  return page;
}

describe('badges on invoicing sites', () => {
  it('server-rendered French ERP table (Dolibarr-like)', async () => {
    const page = await openPage('/dolibarr.html');
    await expectBadges(page, DOLIBARR);
    // The badge goes in the invoice number's cell; what the page printed is unchanged.
    const cell = await page.$eval('relance-badge[data-invoice-number="FA2603-0101"]', (b) => ({
      tag: b.parentElement?.tagName,
      text: b.parentElement?.textContent?.trim(),
    }));
    expect(cell).toEqual({ tag: 'TD', text: 'FA2603-0101' });
    const text = await page.$eval(
      'relance-badge[data-invoice-number="FA2603-0101"]',
      (b) => b.shadowRoot!.textContent,
    );
    expect(text).toContain('J+23');
    expect(text).toContain('relance formelle');
    await page.close();
  });

  it('French ARIA grid (div role=grid, long dates)', async () => {
    const page = await openPage('/grid.html');
    await expectBadges(page, GRID);
    await page.close();
  });

  it('invoice detail page', async () => {
    const page = await openPage('/detail.html');
    await expectBadges(page, [['FA2603-0103', 50, 'formal-notice', true]]);
    await page.close();
  });

  it('English SPA: rows rendered late, re-renders and route changes never duplicate a badge', async () => {
    const page = await openPage('/spa/invoices');
    await expectBadges(page, SPA_ALL);

    // The whole table replaced by new elements with the same data.
    await page.click('#refresh');
    await expectBadges(page, SPA_ALL);
    // Every cell's children rendered again (our badge taken away with them): it comes back, once.
    await page.click('#touch');
    await expectBadges(page, SPA_ALL);

    // Client-side routes (history.pushState), then the browser's back button (popstate).
    await page.click('nav a[href="/spa/invoices/overdue"]');
    await expectBadges(page, SPA_OVERDUE);
    await page.click('nav a[href="/spa/customers"]');
    await page.waitForSelector('main h1');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await badges(page)).toEqual([]);
    await page.goBack();
    await expectBadges(page, SPA_OVERDUE);

    // A click on our buttons stays ours: the row's own click handler does not run.
    await page.evaluate(() => {
      (window as unknown as { lastRowClick?: string }).lastRowClick = undefined;
    });
    await page.click('relance-badge[data-invoice-number="INV-2001"] >>> [data-relance-action="notes"]');
    await page.waitForSelector('relance-notes-panel');
    expect(
      await page.evaluate(() => (window as unknown as { lastRowClick?: string }).lastRowClick),
    ).toBeUndefined();
    await page.close();
  });

  it('paginated list: each page gets its own badges, never the previous ones', async () => {
    const page = await openPage('/paginated.html');
    await expectBadges(page, PAGES[1]);
    await page.click('#page-2'); // rows replaced inside the same table
    await expectBadges(page, PAGES[2]);
    await page.click('#page-3'); // the whole table replaced
    await expectBadges(page, PAGES[3]);
    await page.click('#page-1');
    await expectBadges(page, PAGES[1]);
    await page.click('#page-1'); // the same page again: same rows re-created
    await expectBadges(page, PAGES[1]);
    await page.close();
  });
});

describe('the notes panel', () => {
  it('logs a promise to pay and a dispute: both badges go on pause, the timeline shows them', async () => {
    const page = await openPage('/grid.html');
    await expectBadges(page, GRID);

    // A promise to pay in ten days for F-2026-034.
    await page.click('relance-badge[data-invoice-number="F-2026-034"] >>> [data-relance-action="notes"]');
    await page.click('relance-notes-panel >>> [data-relance-action="log-promise-to-pay"]');
    const date = await page.waitForSelector(
      'relance-notes-panel >>> [data-relance-form="promise-to-pay"] input[name="date"]',
    );
    const promised = await date!.evaluate((input) => {
      const when = new Date(Date.now() + 10 * 86_400_000);
      const iso = `${when.getFullYear()}-${String(when.getMonth() + 1).padStart(2, '0')}-${String(when.getDate()).padStart(2, '0')}`;
      (input as HTMLInputElement).value = iso;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      return iso;
    });
    await page.type(
      'relance-notes-panel >>> [data-relance-form="promise-to-pay"] input[name="amount"]',
      '1 020,00',
    );
    await page.click('relance-notes-panel >>> [data-relance-action="submit-log"]');
    await page.waitForSelector('relance-badge[data-invoice-number="F-2026-034"][data-stage="paused"]');
    await page.waitForFunction(() =>
      document
        .querySelector('relance-notes-panel')
        ?.shadowRoot?.querySelector('[data-entry-kind="promise-to-pay"]'),
    );
    const [y, m, d] = promised.split('-');
    expect(await page.$eval('relance-notes-panel', (p) => p.shadowRoot?.textContent ?? '')).toContain(
      `Paiement promis pour le ${d}/${m}/${y}`,
    );
    expect(
      await page.$eval(
        'relance-badge[data-invoice-number="F-2026-034"]',
        (b) => b.shadowRoot?.textContent ?? '',
      ),
    ).toContain(`promesse de paiement jusqu'au ${d}/${m}/${y}`);

    // A dispute on F-2026-033 (another client), once the panel is closed.
    await page.click('relance-notes-panel >>> [data-relance-action="close"]');
    expect(await page.$('relance-notes-panel')).toBeNull();
    await page.click('relance-badge[data-invoice-number="F-2026-033"] >>> [data-relance-action="notes"]');
    await page.waitForFunction(() =>
      document.querySelector('relance-notes-panel')?.shadowRoot?.textContent?.includes('Cabinet Morel'),
    );
    await page.click('relance-notes-panel >>> [data-relance-action="log-dispute-opened"]');
    await page.type(
      'relance-notes-panel >>> [data-relance-form="dispute-opened"] input[name="text"]',
      'Livraison incomplète',
    );
    await page.click('relance-notes-panel >>> [data-relance-action="submit-log"]');
    await page.waitForSelector('relance-badge[data-invoice-number="F-2026-033"][data-stage="paused"]');
    expect(
      await page.$eval(
        'relance-badge[data-invoice-number="F-2026-033"]',
        (b) => b.shadowRoot?.textContent ?? '',
      ),
    ).toContain('en pause : litige');
    // The other invoices keep their stage, still one badge each.
    expect((await badges(page)).map((b) => b.stage)).toEqual([
      'payment-plan',
      'courtesy',
      'paused',
      'paused',
    ]);
    await page.close();
  });
});

describe('a site Relance does not understand', () => {
  it('stays quiet, then learns the site in teach mode and remembers it', async () => {
    const page = await ext.browser.newPage();
    const messages: string[] = [];
    page.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => messages.push(`pageerror: ${e}`));
    await page.goto(fixtures.url('/custom.html'));
    const before = await page.content();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await page.content()).toBe(before);
    expect(await page.$$('relance-badge, relance-notes-panel, relance-reminder, relance-teach')).toEqual([]);
    expect(messages).toEqual([]);

    // The popup or options page asks this tab to start teach mode.
    await ext.worker.evaluate(async (path) => {
      const tabs = await chrome.tabs.query({});
      const tab = tabs.find((t) => t.url?.endsWith(path));
      if (!tab?.id) throw new Error(`no tab at ${path}`);
      await chrome.tabs.sendMessage(tab.id, { type: 'relance:startTeachMode' });
    }, '/custom.html');
    await page.waitForSelector('relance-teach >>> [data-teach-step="number"]');
    await page.click('.inv-card:nth-child(1) .ref');
    await page.waitForSelector('relance-teach >>> [data-teach-step="client"]');
    await page.click('.inv-card:nth-child(1) .who');
    await page.click('.inv-card:nth-child(1) .amt');
    await page.click('.inv-card:nth-child(1) .when');
    const preview = await page.waitForSelector('relance-teach >>> [role="status"]');
    expect(await preview!.evaluate((p) => p.textContent)).toContain('3 ligne(s) reconnue(s)');
    await page.click('relance-teach >>> [data-relance-action="teach-save"]');
    await expectBadges(page, TAUGHT);
    expect(await page.$('relance-teach')).toBeNull();

    // Saved for the host: the next visit reads the page at once.
    await page.reload();
    await expectBadges(page, TAUGHT);
    expect(messages.filter((m) => m.startsWith('error') || m.startsWith('pageerror'))).toEqual([]);
    await page.close();
  });
});
