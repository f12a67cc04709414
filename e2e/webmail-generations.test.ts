import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestServer, type TestServer, type TestTeam } from '@relance/server/testing';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureServer, startFixtureServer } from './fixtures/invoicing/server';
import { serveWebmailFixtures, type WebmailLanguage } from './fixtures/webmail/serve';
import {
  askBackground,
  configureServer,
  type ExtensionBrowser,
  joinTeam,
  launchBrowserWithExtension,
  syncNow,
} from './lib';

/**
 * The newer Outlook on the web (Fluent UI v9: plain buttons named by icon or label, the recipient
 * chips inside the To field's own editable element, Cc/Bcc chips as buttons), in French and
 * English, in a real Chromium with the built extension and a real server: new message in the
 * reading pane, popped-out window, inline reply and forward; sends by click and by shortcut are
 * logged, a discard is not; a teammate is warned; a page whose send button changed is reported.
 */
const CLIENT = 'Pharmacie du Centre';
const CLIENT_EMAIL = 'compta@pharmacie-centre.fr';
const INVOICE = 'FA2603-0103';
const PANEL = 'relance-compose-panel';
const ASSIGN = 'relance-compose-assign';
const INSERT = '[data-relance-action="insert-reminder"]';
const EDITOR = '[contenteditable="true"][aria-multiline="true"]';
const REMINDER_LINES = {
  fr: 'Par la présente, nous vous mettons en demeure',
  en: 'We hereby formally demand payment',
} as const;
const HOSTS = { fr: 'outlook.office.com', en: 'outlook.live.com' } as const;
const LANGS = ['fr', 'en'] as const;

let server: TestServer;
let team: TestTeam;
let invoicing: FixtureServer;
let marie: ExtensionBrowser;
let paul: ExtensionBrowser | null = null;
const profiles: string[] = [];
let clientId = '';

async function launch(): Promise<ExtensionBrowser> {
  const dir = await mkdtemp(join(tmpdir(), 'relance-webmail-v9-'));
  profiles.push(dir);
  return launchBrowserWithExtension({ userDataDir: dir });
}

beforeAll(async () => {
  [server, invoicing] = await Promise.all([startTestServer(), startFixtureServer()]);
  team = await server.createTeam('Atelier Dupont');
  marie = await launch();
  expect(await configureServer(marie.worker, server.url, team.token)).toMatchObject({ status: 'ok' });
  const page = await marie.browser.newPage();
  await page.goto(invoicing.url('/detail.html'));
  await page.waitForSelector(`relance-badge[data-invoice-number="${INVOICE}"][data-action-due="true"]`);
  await page.close();
  const { clients } = await askBackground(marie.worker, {
    type: 'findClientsByEmail',
    emails: [CLIENT_EMAIL],
  });
  clientId = clients[0]!.client.id;
});

afterAll(async () => {
  await paul?.close();
  await marie?.close();
  await invoicing?.close();
  await server?.stop();
  await Promise.all(profiles.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function inShadow(page: Page, host: string, selector: string): Promise<ElementHandle<Element>> {
  const handle = await page.waitForFunction(
    (h, s) => document.querySelector(h)?.shadowRoot?.querySelector(s) ?? null,
    { polling: 50, timeout: 10_000 },
    host,
    selector,
  );
  return handle as ElementHandle<Element>;
}

async function openOutlook(ext: ExtensionBrowser, lang: WebmailLanguage, path = '/mail/'): Promise<Page> {
  const page = await ext.browser.newPage();
  await serveWebmailFixtures(page, lang, 'v9');
  await page.goto(`https://${HOSTS[lang]}${path}`);
  return page;
}

/** The reminders (and formal notices) logged for the client, oldest first. */
async function logged(ext: ExtensionBrowser) {
  const { entries } = await askBackground(await ext.getWorker(), { type: 'getClientTimeline', clientId });
  return entries
    .flatMap((e) => (e.kind === 'activity' && e.activity.type === 'reminder' ? [e.activity] : []))
    .sort((a, b) => a.at.localeCompare(b.at));
}

async function waitForLogged(ext: ExtensionBrowser, count: number) {
  for (let waited = 0; waited < 10_000; waited += 100) {
    const found = await logged(ext);
    if (found.length >= count) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return logged(ext);
}

/** Types an address in the n-th recipient field of the newest compose window, then Enter (the page makes the chip inside the field). */
async function addRecipient(page: Page, address: string, field = 0) {
  const wells = await page.$$('[data-fixture="well-input"]');
  await wells[field]!.click();
  await page.keyboard.type(address);
  await page.keyboard.press('Enter');
}

/** The insert button's marked stage (`formal-notice` only while its action is due) and label. */
async function insertButton(page: Page) {
  const button = await inShadow(page, PANEL, INSERT);
  return button.evaluate((b) => ({ stage: b.getAttribute('data-stage'), label: b.textContent }));
}

async function insertReminder(page: Page, lang: WebmailLanguage) {
  const button = await inShadow(page, PANEL, INSERT);
  await button.click();
  await page.waitForFunction(
    (selector, line) =>
      Array.from(document.querySelectorAll<HTMLElement>(selector)).some((e) => e.textContent.includes(line)),
    {},
    EDITOR,
    REMINDER_LINES[lang],
  );
}

async function sendByShortcut(page: Page) {
  const editors = await page.$$(EDITOR);
  await editors.at(-1)!.click();
  await page.keyboard.down('Control');
  await page.keyboard.press('Enter');
  await page.keyboard.up('Control');
}

async function panelClient(page: Page) {
  const panel = (await page.waitForSelector(`${PANEL}[data-client]`)) as ElementHandle<Element>;
  return panel.evaluate((el) => ({
    client: el.getAttribute('data-client'),
    overdue: el.getAttribute('data-overdue-count'),
    count: document.querySelectorAll('relance-compose-panel').length,
  }));
}

describe.each(LANGS)('Outlook on the web, Fluent v9 (%s)', (lang) => {
  it('new message: no panel for a stranger, the panel for a chip inside To, insert in the page language, a click on Send logged', async () => {
    const before = (await logged(marie)).length;
    const page = await openOutlook(marie, lang);
    await page.click('[data-fixture="new-mail"]');
    await page.waitForSelector('[data-fixture-compose]');
    // A stranger in Cc: the quiet line naming the address, no panel.
    await addRecipient(page, `expert-${lang}@cabinet-comptable.fr`, 1);
    const line = await inShadow(page, ASSIGN, '[data-relance-action="assign-email"]');
    expect(await page.$eval(ASSIGN, (h) => h.shadowRoot?.textContent ?? '')).toContain(
      `expert-${lang}@cabinet-comptable.fr`,
    );
    expect(line).toBeDefined();
    expect(await page.$(PANEL)).toBeNull();

    await addRecipient(page, CLIENT_EMAIL, 0);
    expect(
      await page.$eval(
        '[data-fixture="well-input"]',
        (w) => w.querySelectorAll('[data-fixture="chip"]').length,
      ),
    ).toBe(1);
    expect(await panelClient(page)).toEqual({ client: CLIENT, overdue: '1', count: 1 });
    // The formal notice is offered as such while it is due (the French run comes first); once
    // sent, it is no longer marked due (the English run).
    expect(await insertButton(page)).toEqual(
      lang === 'fr'
        ? { stage: 'formal-notice', label: 'Insérer la mise en demeure' }
        : { stage: null, label: 'Insert reminder' },
    );
    await insertReminder(page, lang);
    expect(await page.$eval('[data-fixture="subject"]', (i) => (i as HTMLInputElement).value)).toContain(
      INVOICE,
    );

    // The send button has only its icon's name (SendRegular) and a title.
    await page.click('[data-fixture-compose] [data-fixture="send"]');
    await page.waitForFunction(() => !document.querySelector('[data-fixture-compose]'));
    const found = await waitForLogged(marie, before + 1);
    expect(found).toHaveLength(before + 1);
    expect(found.at(-1)).toMatchObject({
      channel: 'outlook',
      stage: 'formal-notice',
      recipients: [CLIENT_EMAIL, `expert-${lang}@cabinet-comptable.fr`],
      subject: expect.stringContaining(INVOICE),
    });
    await page.close();
  });

  it('popped-out window: Ctrl+Enter logged', async () => {
    const before = (await logged(marie)).length;
    const page = await openOutlook(marie, lang, '/mail/deeplink/compose?popout=1');
    await page.waitForSelector('[data-fixture-compose="popout"]');
    await addRecipient(page, CLIENT_EMAIL);
    expect(await panelClient(page)).toMatchObject({ client: CLIENT, count: 1 });
    // Marie's own reminder, minutes ago: no teammate warning, her own line.
    expect(await page.$eval(PANEL, (h) => !!h.shadowRoot?.querySelector('[data-relance-warning]'))).toBe(
      false,
    );
    expect(await page.$eval(PANEL, (h) => h.shadowRoot?.textContent ?? '')).toContain(
      lang === 'fr' ? 'Vous avez relancé ce client le' : 'You reminded this client on',
    );
    await insertReminder(page, lang);
    await sendByShortcut(page);
    await page.waitForFunction(() => !document.querySelector('[data-fixture-compose]'));
    expect(await waitForLogged(marie, before + 1)).toHaveLength(before + 1);
    await page.close();
  });

  it('inline reply discarded logs nothing; a forward sent by its button is logged', async () => {
    const before = (await logged(marie)).length;
    const page = await openOutlook(marie, lang);
    await page.click('[data-fixture="reply"]');
    // The sender's "Name <address>" chip sits inside the reply's To field.
    expect(await panelClient(page)).toEqual({ client: CLIENT, overdue: '1', count: 1 });
    await insertReminder(page, lang);
    await page.click('[data-fixture-compose] [data-fixture="discard"]');
    await (await page.waitForSelector('[data-fixture="confirm-discard"]'))!.click();
    await page.waitForFunction(() => !document.querySelector('[data-fixture-compose]'));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await logged(marie)).toHaveLength(before);

    await page.click('[data-fixture="forward"]');
    await page.waitForSelector('[data-fixture-compose="forward"]');
    expect(await page.$(PANEL)).toBeNull();
    await addRecipient(page, CLIENT_EMAIL);
    expect(await panelClient(page)).toMatchObject({ client: CLIENT, count: 1 });
    await insertReminder(page, lang);
    await page.click('[data-fixture-compose] [data-fixture="send"]');
    await page.waitForFunction(() => !document.querySelector('[data-fixture-compose]'));
    expect(await waitForLogged(marie, before + 1)).toHaveLength(before + 1);
    await page.close();
  });
});

describe('breakage and teammates', () => {
  it('a compose window whose send button no longer looks like one is reported privately, and the popup says so', async () => {
    const page = await openOutlook(marie, 'fr');
    await page.evaluate(() => {
      const template = document.getElementById('fixture-compose') as HTMLTemplateElement;
      const send = template.content.querySelector('[data-fixture="send"]')!;
      send.removeAttribute('title');
      send.querySelector('svg')!.removeAttribute('data-icon-name');
    });
    await page.click('[data-fixture="new-mail"]');
    let entries: Awaited<ReturnType<typeof health>> = [];
    async function health() {
      return (await askBackground(await marie.getWorker(), { type: 'getWebmailHealth' })).entries;
    }
    for (let waited = 0; waited < 15_000 && entries.length === 0; waited += 250) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      entries = await health();
    }
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ webmail: 'outlook', problems: ['send'] });
    expect(entries[0]!.structure).toContain('button[type,class,data-fixture]');
    expect(entries[0]!.structure).not.toMatch(/Envoyer|Nouveau|Pharmacie|@/);
    await page.close();

    const popup = await marie.browser.newPage();
    await popup.goto(marie.extensionUrl('popup.html'));
    const section = await popup.waitForSelector('[data-testid="webmail-health"]');
    expect(await section!.evaluate((el) => el.textContent)).toContain(
      'Relance ne reconnaît plus le bouton Envoyer sur Outlook.',
    );
    await popup.close();
  });

  it('a Gmail compose window whose recipient rows changed is reported too (en popup words)', async () => {
    await askBackground(await marie.getWorker(), { type: 'clearWebmailHealth' });
    const page = await openGmail(marie, 'en');
    await page.evaluate(() => {
      // Gmail renamed everything the adapter reads in the rows: no combobox, no chips, no hidden fields.
      const template = document.getElementById('fixture-compose') as HTMLTemplateElement;
      for (const input of Array.from(template.content.querySelectorAll('input[role="combobox"]'))) {
        input.removeAttribute('role');
        input.removeAttribute('aria-autocomplete');
      }
    });
    await page.click('[data-fixture="compose"]');
    let entries: { webmail: string; problems: string[] }[] = [];
    for (let waited = 0; waited < 15_000 && entries.length === 0; waited += 250) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      entries = (await askBackground(await marie.getWorker(), { type: 'getWebmailHealth' })).entries;
    }
    expect(entries).toEqual([expect.objectContaining({ webmail: 'gmail', problems: ['recipients'] })]);
    await page.close();
    await askBackground(await marie.getWorker(), { type: 'setLanguage', language: 'en' });
    const popup = await marie.browser.newPage();
    await popup.goto(marie.extensionUrl('popup.html'));
    const section = await popup.waitForSelector('[data-testid="webmail-health"]');
    expect(await section!.evaluate((el) => el.textContent)).toContain(
      'Relance no longer recognises the recipients on Gmail.',
    );
    await popup.close();
    await askBackground(await marie.getWorker(), { type: 'setLanguage', language: 'fr' });
  });

  it("Paul is warned of Marie's reminder in his own compose window (en)", async () => {
    await syncNow(await marie.getWorker());
    paul = await launch();
    await joinTeam(paul.worker, server.url, team.inviteCode, 'Paul');
    await syncNow(await paul.getWorker());
    const page = await openOutlook(paul, 'en');
    await page.click('[data-fixture="new-mail"]');
    await page.waitForSelector('[data-fixture-compose]');
    await addRecipient(page, CLIENT_EMAIL);
    expect(await panelClient(page)).toMatchObject({ client: CLIENT, overdue: '1' });
    const warning = await inShadow(page, PANEL, '[data-relance-warning="quiet-period"]');
    expect(await warning.evaluate((el) => el.textContent)).toMatch(
      /Owner already reminded this client today/,
    );
    await page.close();

    // And in the newer Gmail, in French, the client in Cc.
    const gmail = await openGmail(paul, 'fr');
    await gmail.click('[data-fixture="compose"]');
    await gmail.waitForSelector('[data-fixture-compose]');
    await addGmailRecipient(gmail, CLIENT_EMAIL, 'cc');
    const avertissement = await inShadow(gmail, PANEL, '[data-relance-warning="quiet-period"]');
    expect(await avertissement.evaluate((el) => el.textContent)).toMatch(
      /Owner a relancé ce client aujourd’hui/,
    );
    await gmail.close();
  });
});

async function openGmail(ext: ExtensionBrowser, lang: WebmailLanguage, query = `hl=${lang}`): Promise<Page> {
  const page = await ext.browser.newPage();
  await serveWebmailFixtures(page, lang, '2024');
  await page.goto(`https://mail.google.com/mail/u/0/?${query}#inbox`);
  return page;
}

/** Types an address in a Gmail recipient row (`to`, `cc`, `bcc`) of the n-th compose window. */
async function addGmailRecipient(page: Page, address: string, row: 'to' | 'cc' | 'bcc' = 'to', window = 0) {
  const composes = await page.$$('[data-fixture-compose]');
  const input = await composes[window]!.$(`input[data-field="${row}"]`);
  await input!.click();
  await page.keyboard.type(address);
  await page.keyboard.press('Enter');
}

describe.each(LANGS)('Gmail, newer generation (%s)', (lang) => {
  it('two windows at once: the panel only where the client is, Cc and Bcc read, a click on Send logged, a discard not', async () => {
    const before = (await logged(marie)).length;
    const page = await openGmail(marie, lang);
    // Two 520 px windows side by side, as on a desktop screen.
    await page.setViewport({ width: 1400, height: 900 });
    await page.click('[data-fixture="compose"]');
    await page.click('[data-fixture="compose"]');
    await page.waitForFunction(() => document.querySelectorAll('[data-fixture-compose]').length === 2);
    await addGmailRecipient(page, `autre-${lang}@exemple.fr`, 'to', 1);
    await inShadow(page, ASSIGN, '[data-relance-action="assign-email"]');
    expect(await page.$(PANEL)).toBeNull();
    await addGmailRecipient(page, CLIENT_EMAIL, 'to', 0);
    await addGmailRecipient(page, `expert-${lang}@cabinet-comptable.fr`, 'cc', 0);
    await addGmailRecipient(page, 'archive@atelier-dupont.fr', 'bcc', 0);
    expect(await panelClient(page)).toEqual({ client: CLIENT, overdue: '1', count: 1 });
    // The panel sits in the first window, the quiet line in the second.
    const [first, second] = await page.$$('[data-fixture-compose]');
    expect(await first!.evaluate((w) => !!w.querySelector('relance-compose-panel'))).toBe(true);
    expect(await second!.evaluate((w) => !!w.querySelector('relance-compose-assign'))).toBe(true);
    await insertReminder(page, lang);
    await (await first!.$('.aoO'))!.click();
    await page.waitForFunction(() => document.querySelectorAll('[data-fixture-compose]').length === 1);
    const found = await waitForLogged(marie, before + 1);
    expect(found.at(-1)).toMatchObject({
      channel: 'gmail',
      recipients: [CLIENT_EMAIL, `expert-${lang}@cabinet-comptable.fr`, 'archive@atelier-dupont.fr'],
    });
    await page.click('[data-fixture-compose] .og');
    await page.waitForFunction(() => !document.querySelector('[data-fixture-compose]'));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await logged(marie)).toHaveLength(before + 1);
    await page.close();
  });

  it('full screen keeps the panel; Ctrl+Enter logged', async () => {
    const before = (await logged(marie)).length;
    const page = await openGmail(marie, lang);
    await page.click('[data-fixture="compose"]');
    await page.waitForSelector('[data-fixture-compose]');
    await addGmailRecipient(page, CLIENT_EMAIL);
    await panelClient(page);
    await page.click('[data-fixture-compose] .Hq');
    await page.waitForSelector('[data-fixture-compose="fullscreen"] relance-compose-panel');
    expect(await panelClient(page)).toMatchObject({ client: CLIENT, count: 1 });
    await insertReminder(page, lang);
    await sendByShortcut(page);
    await page.waitForFunction(() => !document.querySelector('[data-fixture-compose]'));
    expect(await waitForLogged(marie, before + 1)).toHaveLength(before + 1);
    await page.close();
  });

  it('popped-out window and forward: both logged when sent', async () => {
    const before = (await logged(marie)).length;
    const popout = await openGmail(marie, lang, `view=cm&fs=1&hl=${lang}`);
    await popout.waitForSelector('[data-fixture-compose="popout"]');
    await addGmailRecipient(popout, CLIENT_EMAIL);
    expect(await panelClient(popout)).toMatchObject({ client: CLIENT, count: 1 });
    await insertReminder(popout, lang);
    await popout.click('[data-fixture-compose] .aoO');
    await popout.waitForFunction(() => !document.querySelector('[data-fixture-compose]'));
    expect(await waitForLogged(marie, before + 1)).toHaveLength(before + 1);
    await popout.close();

    const page = await openGmail(marie, lang);
    await page.click('[data-fixture="forward"]');
    await page.waitForSelector('[data-fixture-compose="forward"]');
    expect(await page.$(PANEL)).toBeNull();
    await addGmailRecipient(page, CLIENT_EMAIL);
    expect(await panelClient(page)).toMatchObject({ client: CLIENT, count: 1 });
    await insertReminder(page, lang);
    await sendByShortcut(page);
    await page.waitForFunction(() => !document.querySelector('[data-fixture-compose]'));
    expect(await waitForLogged(marie, before + 2)).toHaveLength(before + 2);
    await page.close();
  });
});
