import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestServer, type TestServer } from '@relance/server/testing';
import { addDays, formatHlc, todayLocal, uuidv7 } from '@relance/shared';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureServer, startFixtureServer } from './fixtures/invoicing/server';
import { configureServer, type ExtensionBrowser, launchBrowserWithExtension } from './lib';
import { seriousViolations } from './lib/axe';

/**
 * WCAG 2.2 AA in a real Chromium: axe-core finds no serious or critical violation on the options
 * page, the popup, Relance's nodes on an invoicing page, the notes panel, the reminder dialog and
 * every dashboard page; and the panels work from the keyboard (focus moves in, Tab stays inside,
 * Escape closes, focus goes back to the button that opened them).
 */
let fixtures: FixtureServer;
let server: TestServer;
let ext: ExtensionBrowser;
let profile: string;
let ownerToken: string;
let clientId: string;

beforeAll(async () => {
  profile = await mkdtemp(join(tmpdir(), 'relance-a11y-'));
  [fixtures, server, ext] = await Promise.all([
    startFixtureServer(),
    startTestServer(),
    launchBrowserWithExtension({ userDataDir: profile }),
  ]);
  const team = await server.createTeam('Atelier Lumière', 'Claire Fontaine');
  ownerToken = team.token;
  clientId = uuidv7();
  const invoiceId = uuidv7();
  let ms = Date.now() - 60_000;
  const hlc = () => formatHlc({ ms: ++ms, counter: 0, node: 'e2e-a11y' });
  const res = await fetch(`${server.url}/api/v1/sync/push`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${ownerToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      changes: [
        {
          kind: 'document',
          docType: 'client',
          id: clientId,
          hlc: hlc(),
          data: { id: clientId, name: 'Durand' },
        },
        {
          kind: 'document',
          docType: 'invoice',
          id: invoiceId,
          hlc: hlc(),
          data: {
            id: invoiceId,
            number: 'D-1',
            clientId,
            clientName: 'Durand',
            currency: 'EUR',
            amountDueCents: 120_000,
            dueDate: addDays(todayLocal(), -20),
          },
        },
      ],
    }),
  });
  if (!res.ok) throw new Error(`seed push answered ${res.status}`);
});

afterAll(async () => {
  await ext?.close();
  await fixtures?.close();
  await server?.stop();
  if (profile) await rm(profile, { recursive: true, force: true });
});

const badge = (number: string) => `relance-badge[data-invoice-number="${number}"]`;

async function extensionPage(path: string, ready: string): Promise<Page> {
  const page = await ext.browser.newPage();
  await page.goto(ext.extensionUrl(path));
  await page.waitForSelector(ready);
  return page;
}

/** Where focus really is: `host >>> element` through open shadow roots. */
const focusPath = (page: Page) =>
  page.evaluate(() => {
    const path: string[] = [];
    let active: Element | null = document.activeElement;
    while (active) {
      const action = active.getAttribute('data-relance-action');
      path.push(action ? `${active.localName}[${action}]` : active.localName);
      active = active.shadowRoot?.activeElement ?? null;
    }
    return path.join(' >>> ');
  });

describe('axe-core: no serious or critical WCAG 2.2 AA violation', () => {
  it('on the options page and the popup, alone on this browser', async () => {
    const options = await extensionPage('options.html', '#account');
    expect(await seriousViolations(options)).toEqual([]);
    await options.close();
    const popup = await extensionPage('popup.html', 'main.popup');
    expect(await seriousViolations(popup)).toEqual([]);
    await popup.close();
  });

  it('on Relance’s badges over an invoicing page', async () => {
    const page = await ext.browser.newPage();
    await page.goto(fixtures.url('/dolibarr.html'));
    await page.waitForSelector(`${badge('FA2603-0101')}[data-stage]`);
    expect(await seriousViolations(page, { within: ['relance-'] })).toEqual([]);
    await page.close();
  });

  it('on the notes panel and the reminder dialog', async () => {
    const page = await ext.browser.newPage();
    await page.goto(fixtures.url('/dolibarr.html'));
    await page.waitForSelector(`${badge('FA2603-0101')}[data-stage]`);

    await page.click(`${badge('FA2603-0101')} >>> [data-relance-action="notes"]`);
    await page.waitForSelector('relance-notes-panel >>> [data-relance-action="log-promise-to-pay"]');
    expect(await seriousViolations(page, { within: ['relance-notes-panel'] })).toEqual([]);

    await page.click(`${badge('FA2603-0101')} >>> [data-relance-action="remind"]`);
    await page.waitForSelector('relance-reminder >>> [data-relance-action="copy"]');
    expect(await seriousViolations(page, { within: ['relance-reminder'] })).toEqual([]);
    await page.close();
  });

  it('on the options page and the popup of a team member, and on every dashboard page', async () => {
    expect((await configureServer(ext.worker, server.url, ownerToken)).status).toBe('ok');
    const options = await extensionPage('options.html', '[data-testid="signed-in-as"]');
    // The invite: a role, then a message ready to send with the server, the code and a join link.
    await options.select('select[name="inviteRole"]', 'lead');
    await options.click('[data-relance-action="create-invite"]');
    const message = await options.waitForSelector('[data-testid="invite-message"]');
    const said = await message!.evaluate((m) => (m as HTMLTextAreaElement).value);
    const code = await options.$eval('[data-testid="invite-code"]', (o) => o.textContent ?? '');
    expect(said).toContain(`Adresse du serveur : ${server.url}`);
    expect(said).toContain(`${ext.extensionUrl('options.html')}#join=${encodeURIComponent(server.url)}|`);
    expect(code.length).toBeGreaterThan(0);
    expect(await seriousViolations(options)).toEqual([]);
    await options.close();
    const popup = await extensionPage('popup.html', 'main.popup');
    expect(await seriousViolations(popup)).toEqual([]);
    await popup.close();

    const page = await ext.browser.newPage();
    await page.goto(`${server.url}/dashboard/sign-in`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.type('#token', ownerToken);
    await Promise.all([page.waitForNavigation(), page.click('form.sign-in button[type="submit"]')]);
    for (const path of [
      '',
      '/overdue',
      '/history',
      '/clients',
      `/clients/${clientId}`,
      '/people',
      '/rates',
    ]) {
      await page.goto(`${server.url}/dashboard${path}`);
      expect(new URL(page.url()).pathname).toBe(`/dashboard${path}`);
      expect({ path, violations: await seriousViolations(page) }).toEqual({ path, violations: [] });
    }
    await page.close();
  });
});

describe('the dashboard on a laptop and on a phone', () => {
  it('fits every table at 1366 px, and never scrolls sideways on a phone', async () => {
    const page = await ext.browser.newPage();
    await page.goto(`${server.url}/dashboard/sign-in`);
    // The session opened by the previous test may still be there: the sign-in page then goes on.
    if (await page.$('#token')) {
      await page.type('#token', ownerToken);
      await Promise.all([page.waitForNavigation(), page.click('form.sign-in button[type="submit"]')]);
    }
    expect(new URL(page.url()).pathname).toMatch(/^\/dashboard\/?$/);
    for (const viewport of [
      { width: 1366, height: 768 },
      { width: 390, height: 844, isMobile: true },
    ]) {
      await page.setViewport(viewport);
      for (const path of [
        '',
        '/overdue',
        '/history',
        '/clients',
        `/clients/${clientId}`,
        '/people',
        '/rates',
      ]) {
        await page.goto(`${server.url}/dashboard${path}`);
        const overflow = await page.evaluate(() => ({
          page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          tables: [...document.querySelectorAll('.table-wrap')].map((w) => w.scrollWidth - w.clientWidth),
        }));
        expect({ path, width: viewport.width, page: overflow.page }).toEqual({
          path,
          width: viewport.width,
          page: 0,
        });
        if (viewport.width === 1366) {
          expect({ path, tables: overflow.tables.filter((o) => o > 0) }).toEqual({ path, tables: [] });
        }
      }
    }
    await page.close();
  });
});

describe('the notes panel beside the list', () => {
  it('docks on the right and the page makes room: no column of the list under it', async () => {
    const page = await ext.browser.newPage();
    await page.setViewport({ width: 1366, height: 800 });
    await page.goto(fixtures.url('/dolibarr.html'));
    await page.waitForSelector(`${badge('FA2603-0101')}[data-stage]`);
    await page.click(`${badge('FA2603-0101')} >>> [data-relance-action="notes"]`);
    await page.waitForSelector('relance-notes-panel >>> [data-relance-part="owes"]');
    const layout = await page.evaluate(() => {
      const panel = document.querySelector('relance-notes-panel')!.shadowRoot!.querySelector('.panel')!;
      const cells = [...document.querySelectorAll('table td, table th')];
      return {
        panelLeft: panel.getBoundingClientRect().left,
        listRight: Math.max(...cells.map((c) => c.getBoundingClientRect().right)),
        owes: panel.querySelector('[data-relance-part="owes"]')!.textContent,
      };
    });
    expect(layout.listRight).toBeLessThanOrEqual(layout.panelLeft);
    expect(layout.owes).toMatch(/^Reste dû : /);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('relance-notes-panel'));
    expect(await page.evaluate(() => document.documentElement.style.marginRight)).toBe('');
    await page.close();
  });
});

describe('the panels from the keyboard', () => {
  for (const [action, host, inside] of [
    ['notes', 'relance-notes-panel', 'log-promise-to-pay'],
    ['remind', 'relance-reminder', 'copy'],
  ] as const) {
    it(`${action}: Enter opens ${host} with focus inside, Tab stays there, Escape gives focus back`, async () => {
      const page = await ext.browser.newPage();
      await page.goto(fixtures.url('/dolibarr.html'));
      await page.waitForSelector(`${badge('FA2603-0102')}[data-stage]`);
      const opener = await page.waitForSelector(
        `${badge('FA2603-0102')} >>> [data-relance-action="${action}"]`,
      );
      await opener!.focus();
      await page.keyboard.press('Enter');
      await page.waitForSelector(`${host} >>> [data-relance-action="${inside}"]`);
      expect(await focusPath(page)).toMatch(new RegExp(`^${host} >>> `));

      // Twice around the panel, forwards then backwards: focus never leaves it.
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab');
        expect(await focusPath(page)).toMatch(new RegExp(`^${host} >>> `));
      }
      for (let i = 0; i < 10; i++) {
        await page.keyboard.down('Shift');
        await page.keyboard.press('Tab');
        await page.keyboard.up('Shift');
        expect(await focusPath(page)).toMatch(new RegExp(`^${host} >>> `));
      }

      await page.keyboard.press('Escape');
      await page.waitForFunction((h) => !document.querySelector(h), {}, host);
      expect(await focusPath(page)).toBe(`relance-badge >>> button[${action}]`);
      await page.close();
    });
  }
});
