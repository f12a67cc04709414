import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestServer, type TestServer, type TestTeam } from '@relance/server/testing';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureServer, startFixtureServer } from './fixtures/invoicing/server';
import { mailboxUrl, serveWebmailFixtures, type WebmailLanguage } from './fixtures/webmail/serve';
import {
  askBackground,
  configureServer,
  type ExtensionBrowser,
  joinTeam,
  launchBrowserWithExtension,
  syncNow,
} from './lib';

/**
 * The webmail overlay in a real Chromium with the built extension, on Gmail and Outlook fixture
 * pages served under their real https addresses (French and English), against a real server:
 * Marie learns the client from an invoice page, writes reminders in both webmails, and her
 * teammate Paul sees them on his badge and in his own compose window.
 */
const CLIENT = 'Pharmacie du Centre';
const CLIENT_EMAIL = 'compta@pharmacie-centre.fr';
const INVOICE = 'FA2603-0103';
const PANEL = 'relance-compose-panel';
const INSERT = '[data-relance-action="insert-reminder"]';
/**
 * A line of the formal notice's default text (the client's invoice is 50 days late), in no fixture,
 * in the compose window's language (the client has none of its own).
 */
const REMINDER_LINES = {
  fr: 'Par la présente, nous vous mettons en demeure',
  en: 'We hereby formally demand payment',
} as const;

let server: TestServer;
let team: TestTeam;
let invoicing: FixtureServer;
let marie: ExtensionBrowser;
let paul: ExtensionBrowser | null = null;
const profiles: string[] = [];
let clientId = '';

async function profile(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'relance-webmail-'));
  profiles.push(dir);
  return dir;
}

beforeAll(async () => {
  [server, invoicing] = await Promise.all([startTestServer(), startFixtureServer()]);
  team = await server.createTeam('Atelier Dupont');
  marie = await launch();
  expect(await configureServer(marie.worker, server.url, team.token)).toMatchObject({ status: 'ok' });

  // Marie's extension learns the client and its address from the invoice page.
  const page = await marie.browser.newPage();
  await page.goto(invoicing.url('/detail.html'));
  await page.waitForSelector(`relance-badge[data-invoice-number="${INVOICE}"][data-action-due="true"]`);
  await page.close();
  const { clients } = await askBackground(marie.worker, {
    type: 'findClientsByEmail',
    emails: [CLIENT_EMAIL],
  });
  expect(clients.map((c) => c.client.name)).toEqual([CLIENT]);
  clientId = clients[0]!.client.id;
});

afterAll(async () => {
  await paul?.close();
  await marie?.close();
  await invoicing?.close();
  await server?.stop();
  await Promise.all(profiles.map((dir) => rm(dir, { recursive: true, force: true })));
});

/**
 * An element inside one of our hosts' shadow roots, once it is there. Polled: changes inside a
 * shadow root are invisible to the document-wide observer puppeteer's `>>>` waits rely on.
 */
async function inShadow(page: Page, host: string, selector: string): Promise<ElementHandle<Element>> {
  const handle = await page.waitForFunction(
    (h, s) => document.querySelector(h)?.shadowRoot?.querySelector(s) ?? null,
    { polling: 50, timeout: 10_000 },
    host,
    selector,
  );
  return handle as ElementHandle<Element>;
}

async function openMailbox(ext: ExtensionBrowser, host: string, lang: WebmailLanguage): Promise<Page> {
  const page = await ext.browser.newPage();
  await serveWebmailFixtures(page, lang);
  await page.goto(mailboxUrl(host, lang));
  return page;
}

/** The reminders logged for the client so far, oldest first (the timeline lists the newest first). */
async function reminders(ext: ExtensionBrowser) {
  const { entries } = await askBackground(await ext.getWorker(), {
    type: 'getClientTimeline',
    clientId,
  });
  return entries
    .flatMap((e) => (e.kind === 'activity' && e.activity.type === 'reminder' ? [e.activity] : []))
    .sort((a, b) => a.at.localeCompare(b.at));
}

async function launch(): Promise<ExtensionBrowser> {
  return launchBrowserWithExtension({ userDataDir: await profile() });
}

async function waitForReminders(ext: ExtensionBrowser, count: number) {
  for (let waited = 0; waited < 10_000; waited += 100) {
    const found = await reminders(ext);
    if (found.length >= count) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return reminders(ext);
}

/** Text of the compose window's editor (the last editor on the page: the one just opened). */
function bodyText(page: Page): Promise<string> {
  return page.$$eval('[contenteditable="true"][aria-multiline="true"]', (editors) =>
    editors.length ? ((editors.at(-1) as HTMLElement).textContent ?? '') : '',
  );
}

function subjectValue(page: Page, webmail: 'gmail' | 'outlook'): Promise<string> {
  const selector = webmail === 'gmail' ? 'input[name="subjectbox"]' : 'input[maxlength="255"]';
  return page.$eval(selector, (input) => (input as HTMLInputElement).value);
}

async function addRecipient(page: Page, webmail: 'gmail' | 'outlook', address: string) {
  const field = webmail === 'gmail' ? 'input[data-field="to"]' : '[data-fixture="well-input"]';
  await page.click(field);
  await page.keyboard.type(address);
  await page.keyboard.press('Enter');
}

async function openNewMessage(page: Page, webmail: 'gmail' | 'outlook') {
  await page.click(webmail === 'gmail' ? '[data-fixture="compose"]' : '[data-fixture="new-mail"]');
  await page.waitForSelector('[data-fixture-compose]');
}

async function panelAttributes(page: Page) {
  const panel = (await page.waitForSelector(`${PANEL}[data-client]`)) as ElementHandle<Element>;
  return panel.evaluate((el) => ({
    client: el.getAttribute('data-client'),
    overdue: el.getAttribute('data-overdue-count'),
    open: el.shadowRoot !== null,
    count: document.querySelectorAll('relance-compose-panel').length,
  }));
}

async function sentCount(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __fixture: { sent: unknown[] } }).__fixture.sent.length);
}

async function pressSend(page: Page, webmail: 'gmail' | 'outlook', how: 'button' | 'shortcut') {
  if (how === 'shortcut') {
    await page.click('[contenteditable="true"][aria-multiline="true"]');
    await page.keyboard.down('Control');
    await page.keyboard.press('Enter');
    await page.keyboard.up('Control');
  } else {
    await page.click(
      webmail === 'gmail' ? '[data-fixture-compose] .aoO' : '[data-fixture-compose] [data-fixture="send"]',
    );
  }
  await page.waitForFunction(() => !document.querySelector('[data-fixture-compose]'));
}

const COMBINATIONS = [
  { webmail: 'gmail', host: 'mail.google.com', lang: 'fr', send: 'button' },
  { webmail: 'gmail', host: 'mail.google.com', lang: 'en', send: 'shortcut' },
  { webmail: 'outlook', host: 'outlook.office.com', lang: 'fr', send: 'button' },
  { webmail: 'outlook', host: 'outlook.live.com', lang: 'en', send: 'shortcut' },
] as const;

describe('Marie writes reminders in her webmail', () => {
  it.each(COMBINATIONS)(
    '$webmail ($lang, $host): panel, insertion, undo, sent',
    async ({ webmail, host, lang, send }) => {
      const before = (await reminders(marie)).length;
      const page = await openMailbox(marie, host, lang);
      await openNewMessage(page, webmail);
      await addRecipient(page, webmail, CLIENT_EMAIL);
      expect(await panelAttributes(page)).toEqual({ client: CLIENT, overdue: '1', open: true, count: 1 });

      // Insertion: the stage's text at the cursor, the empty subject filled, the page's editor told.
      await (await inShadow(page, PANEL, INSERT)).click();
      await page.waitForFunction(
        (invoice) =>
          Array.from(
            document.querySelectorAll<HTMLElement>('[contenteditable="true"][aria-multiline="true"]'),
          ).some((e) => e.textContent.includes(invoice)),
        {},
        INVOICE,
      );
      const inserted = await bodyText(page);
      // A company is greeted "Madame, Monsieur," (or "Dear Sir or Madam,"), not by its name.
      expect(inserted).toMatch(/Madame, Monsieur,|Dear Sir or Madam,/);
      expect(inserted).toContain(REMINDER_LINES[lang]);
      expect(await subjectValue(page, webmail)).toContain(INVOICE);
      const inputs = await page.evaluate(
        () =>
          (window as unknown as { __fixture: { inputEvents: { field: string }[] } }).__fixture.inputEvents,
      );
      expect(inputs.some((e) => e.field === 'body')).toBe(true);

      // Undo takes the text away again, as for anything typed.
      await page.evaluate(() => document.execCommand('undo'));
      expect(await bodyText(page)).not.toContain(INVOICE);

      // Inserted again, then sent: one reminder, logged with the webmail as its channel.
      await (await inShadow(page, PANEL, INSERT)).click();
      await page.waitForFunction(
        (invoice) =>
          Array.from(
            document.querySelectorAll<HTMLElement>('[contenteditable="true"][aria-multiline="true"]'),
          ).some((e) => e.textContent.includes(invoice)),
        {},
        INVOICE,
      );
      await pressSend(page, webmail, send);
      expect(await sentCount(page)).toBe(1);
      expect(await page.$(PANEL)).toBeNull();
      const logged = await waitForReminders(marie, before + 1);
      expect(logged).toHaveLength(before + 1);
      expect(logged.at(-1)).toMatchObject({
        type: 'reminder',
        channel: webmail,
        stage: 'formal-notice',
        recipients: [CLIENT_EMAIL],
        subject: expect.stringContaining(INVOICE),
      });
      expect(logged.at(-1)!.invoiceIds).toHaveLength(1);
      await page.close();
    },
  );

  it.each(COMBINATIONS)(
    '$webmail ($lang): inline reply detected, discarded draft logs nothing',
    async ({ webmail, host, lang }) => {
      const before = (await reminders(marie)).length;
      const page = await openMailbox(marie, host, lang);
      await page.click('[data-fixture="reply"]');
      // The reply is addressed to the client from the start: the panel comes with it. The reminders
      // sent moments ago were Marie's own: no "a teammate already reminded" warning (Paul gets it below).
      expect(await panelAttributes(page)).toEqual({ client: CLIENT, overdue: '1', open: true, count: 1 });
      expect(
        await page.$eval(
          PANEL,
          (h) => !!h.shadowRoot?.querySelector('[data-relance-warning="quiet-period"]'),
        ),
      ).toBe(false);
      await (await inShadow(page, PANEL, INSERT)).click();
      await page.waitForFunction(
        (line) => {
          const editors = document.querySelectorAll<HTMLElement>(
            '[contenteditable="true"][aria-multiline="true"]',
          );
          const text = editors[editors.length - 1]?.textContent ?? '';
          // Above the quoted message.
          return text.includes(line) && text.indexOf(line) < text.lastIndexOf('FA2603-0103 ');
        },
        {},
        REMINDER_LINES[lang],
      );

      // Discard: the draft goes, nothing is logged (Outlook asks for confirmation first).
      await page.click(
        webmail === 'gmail'
          ? '[data-fixture-compose] .og'
          : '[data-fixture-compose] [data-fixture="discard"]',
      );
      if (webmail === 'outlook')
        await (await page.waitForSelector('[data-fixture="confirm-discard"]'))!.click();
      await page.waitForFunction(() => !document.querySelector('[data-fixture-compose]'));
      expect(await page.$(PANEL)).toBeNull();
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await reminders(marie)).toHaveLength(before);
      expect(await sentCount(page)).toBe(0);
      await page.close();
    },
  );

  it('outlook.office365.com: an unknown address gets the quiet "this address belongs to…" line, the panel once linked', async () => {
    const page = await openMailbox(marie, 'outlook.office365.com', 'fr');
    await openNewMessage(page, 'outlook');
    const address = 'direction@pharmacie-centre.fr';
    await addRecipient(page, 'outlook', address);
    const ASSIGN = 'relance-compose-assign';
    await (await inShadow(page, ASSIGN, '[data-relance-action="assign-email"]')).click();
    expect(await page.$(PANEL)).toBeNull();
    await (await inShadow(page, ASSIGN, '[data-relance-field="client-search"]')).type('pharmacie');
    await (
      await inShadow(page, ASSIGN, `[data-relance-action="assign-to-client"][data-client="${CLIENT}"]`)
    ).click();
    expect(await panelAttributes(page)).toEqual({ client: CLIENT, overdue: '1', open: true, count: 1 });
    expect(await page.$('relance-compose-assign')).toBeNull();
    const { clients } = await askBackground(await marie.getWorker(), {
      type: 'findClientsByEmail',
      emails: [address],
    });
    expect(clients.map((c) => c.client.emails)).toEqual([[CLIENT_EMAIL, address]]);
    await page.close();
  });
});

describe("the reminders reach the server and Marie's teammate", () => {
  it('pushes every reminder to the server', async () => {
    const status = await syncNow(await marie.getWorker());
    expect(status.pending).toBe(0);
    const response = await fetch(`${server.url}/api/v1/sync/pull?since=0&limit=1000`, {
      headers: { authorization: `Bearer ${team.token}` },
    });
    const { changes } = (await response.json()) as {
      changes: { kind: string; activity?: { type: string; channel: string; clientId: string } }[];
    };
    const onServer = changes.flatMap((c) =>
      c.kind === 'activity' && c.activity?.type === 'reminder' ? [c.activity] : [],
    );
    expect(onServer.map((a) => a.channel).sort()).toEqual(['gmail', 'gmail', 'outlook', 'outlook']);
    expect(new Set(onServer.map((a) => a.clientId))).toEqual(new Set([clientId]));
  });

  it("shows on Paul's badge (action done, last reminder) and warns him in his own compose window", async () => {
    paul = await launch();
    await joinTeam(paul.worker, server.url, team.inviteCode, 'Paul');
    await syncNow(await paul.getWorker());

    const invoicePage = await paul.browser.newPage();
    await invoicePage.goto(invoicing.url('/detail.html'));
    const badge = await invoicePage.waitForSelector(
      `relance-badge[data-invoice-number="${INVOICE}"][data-action-due="false"]`,
    );
    expect(await badge!.evaluate((el) => el.shadowRoot?.textContent ?? '')).toContain('Outlook');
    await invoicePage.close();

    const page = await openMailbox(paul, 'mail.google.com', 'fr');
    await openNewMessage(page, 'gmail');
    await addRecipient(page, 'gmail', CLIENT_EMAIL);
    expect(await panelAttributes(page)).toMatchObject({ client: CLIENT, overdue: '1' });
    const warning = await inShadow(page, PANEL, '[data-relance-warning="quiet-period"]');
    expect(await warning!.evaluate((el) => el.textContent)).toMatch(/Owner a relancé ce client aujourd’hui/);
    await page.close();
  });
});
