import { readFileSync } from 'node:fs';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnyRequest, ResponseOf } from '../extension/lib/messages';
import { type FixtureServer, startFixtureServer } from './fixtures/invoicing/server';
import { serveWebmailFixtures, type WebmailLanguage } from './fixtures/webmail/serve';
import { FIREFOX_EXTENSION_DIR } from './lib';

/**
 * The webmail overlay in Firefox (Debian's firefox-esr, driven over WebDriver BiDi), the built
 * Firefox add-on installed as a temporary add-on, on the newer Outlook and Gmail fixture pages in
 * French and English: the panel for a client, the text in the page's language, sends by click
 * and by shortcut logged, a discard not. On an install alone (no server): what is logged is read
 * back from the background through an extension page.
 */
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const ADDON_UUID = '6f1d2c3b-1a2b-4c5d-8e9f-0a1b2c3d4e5f';
const CLIENT = 'Pharmacie du Centre';
const CLIENT_EMAIL = 'compta@pharmacie-centre.fr';
const INVOICE = 'FA2603-0103';
const PANEL = 'relance-compose-panel';
const EDITOR = '[contenteditable="true"][aria-multiline="true"]';
const REMINDER_LINES = {
  fr: 'Par la présente, nous vous mettons en demeure',
  en: 'We hereby formally demand payment',
} as const;

let browser: Browser;
let extensionPage: Page;
let invoicing: FixtureServer;
let clientId = '';

/** A message to the background as the add-on's own page sends it. */
async function ask<R extends AnyRequest>(request: R): Promise<ResponseOf<R['type']>> {
  const envelope = (await extensionPage.evaluate(
    (m) =>
      (
        globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
      ).browser.runtime.sendMessage(m),
    request,
  )) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!envelope.ok) throw new Error(envelope.error?.message);
  return envelope.value as ResponseOf<R['type']>;
}

beforeAll(async () => {
  invoicing = await startFixtureServer();
  const geckoId = JSON.parse(readFileSync(`${FIREFOX_EXTENSION_DIR}/manifest.json`, 'utf8'))
    .browser_specific_settings.gecko.id as string;
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    protocolTimeout: 180_000,
    // Lets the driver open the add-on's own pages; the fixed UUID gives them a known address.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: ADDON_UUID }) },
  });
  await browser.installExtension(FIREFOX_EXTENSION_DIR);
  extensionPage = await browser.newPage();
  // The navigation to an add-on page does not report its end over BiDi: wait for its DOM instead.
  extensionPage.goto(`moz-extension://${ADDON_UUID}/popup.html`).catch(() => undefined);
  await extensionPage.waitForFunction(
    () =>
      document.readyState === 'complete' &&
      typeof (globalThis as { browser?: unknown }).browser !== 'undefined',
    { timeout: 30_000 },
  );

  const page = await browser.newPage();
  await page.goto(invoicing.url('/detail.html'));
  await page.waitForSelector(`relance-badge[data-invoice-number="${INVOICE}"]`, { timeout: 30_000 });
  await page.close();
  const { clients } = await ask({ type: 'findClientsByEmail', emails: [CLIENT_EMAIL] });
  expect(clients.map((c) => c.client.name)).toEqual([CLIENT]);
  clientId = clients[0]!.client.id;
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await invoicing?.close();
});

async function logged() {
  const { entries } = await ask({ type: 'getClientTimeline', clientId });
  return entries.filter((e) => e.kind === 'activity' && e.activity.type === 'reminder');
}

async function waitForLogged(count: number) {
  for (let waited = 0; waited < 15_000; waited += 200) {
    if ((await logged()).length >= count) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return logged();
}

async function inShadow(page: Page, selector: string): Promise<ElementHandle<Element>> {
  return (await page.waitForFunction(
    (h, s) => document.querySelector(h)?.shadowRoot?.querySelector(s) ?? null,
    { polling: 100, timeout: 15_000 },
    PANEL,
    selector,
  )) as ElementHandle<Element>;
}

async function open(url: string, lang: WebmailLanguage, generation: 'v9' | '2024'): Promise<Page> {
  const page = await browser.newPage();
  await serveWebmailFixtures(page, lang, generation);
  await page.goto(url);
  return page;
}

async function typeIn(page: Page, selector: string, address: string) {
  await page.click(selector);
  await page.keyboard.type(address);
  await page.keyboard.press('Enter');
}

async function insert(page: Page, lang: WebmailLanguage) {
  await (await inShadow(page, '[data-relance-action="insert-reminder"]')).click();
  await page.waitForFunction(
    (selector, line) =>
      Array.from(document.querySelectorAll<HTMLElement>(selector)).some((e) =>
        (e.textContent ?? '').includes(line),
      ),
    { timeout: 15_000 },
    EDITOR,
    REMINDER_LINES[lang],
  );
}

describe.each(['fr', 'en'] as const)('Firefox (%s)', (lang) => {
  it('Outlook (Fluent v9): the panel for the chip inside To, insert in the page language, a click on Send logged', async () => {
    const before = (await logged()).length;
    const host = lang === 'fr' ? 'outlook.office.com' : 'outlook.live.com';
    const page = await open(`https://${host}/mail/`, lang, 'v9');
    await page.click('[data-fixture="new-mail"]');
    await page.waitForSelector('[data-fixture-compose]');
    await typeIn(page, '[data-fixture="well-input"]', CLIENT_EMAIL);
    const panel = await page.waitForSelector(`${PANEL}[data-client]`, { timeout: 15_000 });
    expect(await panel!.evaluate((el) => el.getAttribute('data-client'))).toBe(CLIENT);
    await insert(page, lang);
    await page.click('[data-fixture-compose] [data-fixture="send"]');
    await page.waitForFunction(() => !document.querySelector('[data-fixture-compose]'));
    expect(await waitForLogged(before + 1)).toHaveLength(before + 1);
    await page.close();
  });

  it('Gmail (newer): Ctrl+Enter logged, a discarded draft not; no panel for a stranger', async () => {
    const before = (await logged()).length;
    const page = await open(`https://mail.google.com/mail/u/0/?hl=${lang}#inbox`, lang, '2024');
    await page.click('[data-fixture="compose"]');
    await page.waitForSelector('[data-fixture-compose]');
    await typeIn(page, 'input[data-field="to"]', `inconnu-${lang}@exemple.fr`);
    await page.waitForSelector('relance-compose-assign', { timeout: 15_000 });
    expect(await page.$(PANEL)).toBeNull();
    // The line and its search come from webmail-ui.js, loaded on demand: open it once.
    await page.evaluate(() =>
      document
        .querySelector('relance-compose-assign')
        ?.shadowRoot?.querySelector<HTMLElement>('[data-relance-action="assign-email"]')
        ?.click(),
    );
    await page.waitForFunction(
      () =>
        !!document
          .querySelector('relance-compose-assign')
          ?.shadowRoot?.querySelector('[data-relance-field="client-search"]'),
    );
    await typeIn(page, 'input[data-field="cc"]', CLIENT_EMAIL);
    await page.waitForSelector(`${PANEL}[data-client]`, { timeout: 15_000 });
    await insert(page, lang);
    await page.click(EDITOR);
    await page.keyboard.down('Control');
    await page.keyboard.press('Enter');
    await page.keyboard.up('Control');
    await page.waitForFunction(() => !document.querySelector('[data-fixture-compose]'));
    expect(await waitForLogged(before + 1)).toHaveLength(before + 1);

    await page.click('[data-fixture="compose"]');
    await page.waitForSelector('[data-fixture-compose]');
    await typeIn(page, 'input[data-field="to"]', CLIENT_EMAIL);
    await insert(page, lang);
    await page.click('[data-fixture-compose] .og');
    await page.waitForFunction(() => !document.querySelector('[data-fixture-compose]'));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await logged()).toHaveLength(before + 1);
    await page.close();
  });
});
