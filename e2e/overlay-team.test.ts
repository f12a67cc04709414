import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestServer, type TestServer, type TestTeam } from '@relance/server/testing';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureServer, startFixtureServer } from './fixtures/invoicing/server';
import { configureServer, type ExtensionBrowser, joinTeam, launchBrowserWithExtension, syncNow } from './lib';

/**
 * Two teammates, two browser profiles, one real server: Marie writes a note and sends a reminder
 * from her badges; Paul, who joined with the invite code, sees both after sync.
 */
const NOTE = 'Comptable en congés jusqu’à lundi, rappeler Mme Lefèvre <b>pas avant</b>.';

let server: TestServer;
let team: TestTeam;
let fixtures: FixtureServer;
let marie: ExtensionBrowser;
let paul: ExtensionBrowser;
const profiles: string[] = [];

async function launch(): Promise<ExtensionBrowser> {
  const dir = await mkdtemp(join(tmpdir(), 'relance-team-'));
  profiles.push(dir);
  const ext = await launchBrowserWithExtension({ userDataDir: dir });
  for (let waited = 0; waited < 10_000; waited += 100) {
    if (await ext.worker.evaluate(() => 'relanceBackground' in globalThis)) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return ext;
}

beforeAll(async () => {
  [server, fixtures] = await Promise.all([startTestServer(), startFixtureServer()]);
  team = await server.createTeam('Menuiserie Lemoine');
  marie = await launch();
  expect(await configureServer(marie.worker, server.url, team.token)).toMatchObject({ status: 'ok' });
  paul = await launch();
  const joined = await joinTeam(paul.worker, server.url, team.inviteCode, 'Paul');
  expect(joined).toMatchObject({ mode: 'team' });
});

afterAll(async () => {
  await paul?.close();
  await marie?.close();
  await fixtures?.close();
  await server?.stop();
  await Promise.all(profiles.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function openList(ext: ExtensionBrowser): Promise<Page> {
  const page = await ext.browser.newPage();
  await page.goto(fixtures.url('/dolibarr.html'));
  await page.waitForSelector('relance-badge[data-invoice-number="FA2603-0108"][data-stage]');
  return page;
}

const badge = (number: string) => `relance-badge[data-invoice-number="${number}"]`;

/** What the server holds for the team, from the start. */
async function serverChanges() {
  const response = await fetch(`${server.url}/api/v1/sync/pull?since=0&limit=1000`, {
    headers: { authorization: `Bearer ${team.token}` },
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { changes: Record<string, unknown>[] }).changes;
}

describe('the team shares its notes and reminders', () => {
  it("a note written in Marie's notes panel is in Paul's after sync, with her name", async () => {
    const page = await openList(marie);
    await page.click(`${badge('FA2603-0103')} >>> [data-relance-action="notes"]`);
    const field = await page.waitForSelector('relance-notes-panel >>> [data-relance-field="note"]');
    await field!.type(NOTE);
    await page.click('relance-notes-panel >>> [data-relance-action="save-note"]');
    await page.waitForFunction(
      (note) =>
        document
          .querySelector('relance-notes-panel')
          ?.shadowRoot?.querySelector('[data-entry-kind="note"]')
          ?.textContent?.includes(note),
      {},
      NOTE,
    );
    expect(await syncNow(marie.worker)).toMatchObject({ pending: 0 });
    expect(
      (await serverChanges()).some((c) => c.docType === 'note' && JSON.stringify(c).includes('Lefèvre')),
    ).toBe(true);
    await page.close();

    const paulsPage = await openList(paul);
    await syncNow(paul.worker);
    await paulsPage.click(`${badge('FA2603-0103')} >>> [data-relance-action="notes"]`);
    const entry = (await paulsPage.waitForFunction(
      (note) => {
        const entries = document
          .querySelector('relance-notes-panel')
          ?.shadowRoot?.querySelectorAll('[data-entry-kind="note"]');
        return Array.from(entries ?? []).find((e) => e.textContent?.includes(note));
      },
      { timeout: 15_000 },
      NOTE,
    )) as ElementHandle<Element>;
    const text = await entry.evaluate((e) => e.textContent ?? '');
    expect(text).toContain('Owner'); // the owner's name, as the server recorded it
    // Typed text stays text: the <b> is shown, not interpreted.
    expect(await entry.evaluate((e) => e.querySelector('b'))).toBeNull();
    await paulsPage.close();
  });

  it('a reminder logged from a badge turns its action done and reaches the server and the teammate', async () => {
    const page = await openList(marie);
    expect(await page.$eval(badge('FA2603-0102'), (b) => b.getAttribute('data-action-due'))).toBe('true');
    await page.click(`${badge('FA2603-0102')} >>> [data-relance-action="remind"]`);

    // The prepared reminder: the stage's text for Garage Dupont's invoice, ready to review.
    const body = await page.waitForSelector('relance-reminder >>> [data-relance-field="body"]');
    await page.waitForFunction(() =>
      (
        document
          .querySelector('relance-reminder')
          ?.shadowRoot?.querySelector('[data-relance-field="body"]') as HTMLTextAreaElement | undefined
      )?.value.includes('FA2603-0102'),
    );
    // Signed by the person who sends it (the owner's account name here, no profile set).
    expect(await body!.evaluate((t) => (t as HTMLTextAreaElement).value)).toContain('Owner');

    await page.click('relance-reminder >>> [data-relance-action="mark-sent"]');
    await page.waitForSelector(`${badge('FA2603-0102')}[data-action-due="false"]`);
    expect(await page.$eval(badge('FA2603-0102'), (b) => b.getAttribute('data-stage'))).toBe('reminder-1');
    // Still one badge for the row.
    expect(await page.$$(badge('FA2603-0102'))).toHaveLength(1);

    expect(await syncNow(marie.worker)).toMatchObject({ pending: 0 });
    const reminders = (await serverChanges()).filter(
      (c) => c.kind === 'activity' && (c.activity as { type: string }).type === 'reminder',
    );
    expect(reminders.map((c) => c.activity)).toEqual([
      expect.objectContaining({
        type: 'reminder',
        stage: 'reminder-1',
        channel: 'email',
        authorName: 'Owner',
      }),
    ]);
    await page.close();

    // Paul's badge shows it was done, and by whom.
    await syncNow(paul.worker);
    const paulsPage = await openList(paul);
    await paulsPage.waitForSelector(`${badge('FA2603-0102')}[data-action-due="false"]`);
    const text = await paulsPage.$eval(badge('FA2603-0102'), (b) => b.shadowRoot?.textContent ?? '');
    expect(text).toContain('par Owner');
    await paulsPage.close();
  });

  it('"Relancer" keeps each invoice at its own stage, states penalties; Gmail and the formal-notice letter are logged once confirmed', async () => {
    const page = await openList(marie);
    await page.click(`${badge('FA2603-0101')} >>> [data-relance-action="remind"]`);
    await page.waitForSelector('relance-reminder >>> [data-relance-part="late-payment"]');
    const summary = await page.$eval('relance-reminder', (r) => r.shadowRoot?.textContent ?? '');
    // Boulangerie Martin's other invoice (FA2603-0106, 70 days) is at the legal stage: a file of
    // its own, never folded into this reminder.
    expect(summary).toContain('1 facture en retard');
    expect(summary).toContain('40,00'); // 40 € per invoice
    const body = await page.$eval(
      'relance-reminder',
      (r) => (r.shadowRoot!.querySelector('[data-relance-field="body"]') as HTMLTextAreaElement).value,
    );
    expect(body).toContain('FA2603-0101');
    expect(body).not.toContain('FA2603-0106');

    const opened = marie.browser.waitForTarget((t) => t.url().startsWith('https://mail.google.com/'));
    await page.click('relance-reminder >>> [data-relance-action="open-gmail"]');
    const gmail = new URL((await opened).url());
    expect(gmail.searchParams.get('view')).toBe('cm');
    expect(gmail.searchParams.get('body')).toContain('FA2603-0101');
    await page.bringToFront();
    // Opening Gmail is not sending: the badge waits for the person's word.
    expect(await page.$eval(badge('FA2603-0101'), (b) => b.getAttribute('data-action-due'))).toBe('true');
    await page.click('relance-reminder >>> [data-relance-action="mark-sent"]');
    await page.waitForSelector(`${badge('FA2603-0101')}[data-action-due="false"]`);
    expect(await page.$eval(badge('FA2603-0106'), (b) => b.getAttribute('data-stage'))).toBe('legal');

    // The formal notice for the same invoice, as a printable letter to send by registered post.
    const address = await page.waitForSelector('relance-reminder >>> [data-relance-field="client-address"]');
    await address!.type('5 rue Mercière\n69002 Lyon');
    await page.click('relance-reminder >>> [data-relance-action="print-formal-notice"]');
    await page.waitForSelector('relance-reminder >>> [data-relance-part="formal-notice-confirmation"]');
    const popup = new Promise<Page>((resolve) => page.once('popup', (p) => resolve(p!)));
    await page.click('relance-reminder >>> [data-relance-action="confirm-formal-notice"]');
    const letter = await popup;
    await letter.waitForSelector('.mention');
    const printed = await letter.evaluate(() => ({
      mention: document.querySelector('.mention')?.textContent,
      subject: document.querySelector('.subject')?.textContent ?? '',
      recipient: document.querySelector('.recipient')?.textContent ?? '',
      body: document.querySelector('.body')?.textContent ?? '',
      print: document.querySelector('.toolbar button')?.textContent,
    }));
    expect(printed.mention).toBe('Lettre recommandée avec accusé de réception');
    expect(printed.subject).toContain('Mise en demeure de payer');
    expect(printed.recipient).toBe('Boulangerie Martin\n5 rue Mercière\n69002 Lyon');
    expect(printed.body).toContain('FA2603-0101');
    expect(printed.print).toBe('Imprimer');
    await letter.close();
    await page.bringToFront();
    await page.click('relance-reminder >>> [data-relance-action="mark-sent"]');
    await page.waitForFunction(() =>
      document
        .querySelector('relance-reminder')
        ?.shadowRoot?.textContent?.includes('Mise en demeure enregistrée.'),
    );

    expect(await syncNow(marie.worker)).toMatchObject({ pending: 0 });
    const logged = (await serverChanges())
      .filter((c) => c.kind === 'activity')
      .map((c) => c.activity as { type: string; stage: string; channel: string });
    expect(logged).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'reminder', stage: 'reminder-2', channel: 'gmail' }),
        expect.objectContaining({ type: 'formal-notice', channel: 'registered-letter' }),
      ]),
    );
    expect(logged.some((a) => a.stage === 'legal')).toBe(false);
    await page.close();
  });

  it("Paul's open list shows Marie's reminder as soon as his install pulls it, without a focus change", async () => {
    await syncNow(paul.worker);
    const paulsPage = await openList(paul);
    const number = await paulsPage.$$eval('relance-badge[data-action-due="true"]', (badges) =>
      badges
        // A reminder to mark as sent: not a formal notice (it asks for a confirmation first), nor
        // the legal stage (a collections file, never sent).
        .find(
          (b) =>
            b.shadowRoot?.querySelector('[data-relance-action="remind"]') &&
            !['formal-notice', 'legal'].includes(b.getAttribute('data-stage') ?? ''),
        )
        ?.getAttribute('data-invoice-number'),
    );
    expect(number).toBeTruthy();

    const page = await openList(marie);
    await page.click(`${badge(number!)} >>> [data-relance-action="remind"]`);
    await page.waitForSelector('relance-reminder >>> [data-relance-action="mark-sent"]');
    await page.click('relance-reminder >>> [data-relance-action="mark-sent"]');
    await page.waitForSelector(`${badge(number!)}[data-action-due="false"]`);
    expect(await syncNow(marie.worker)).toMatchObject({ pending: 0 });
    await page.close();

    // Paul's tab is left alone: no reload, no focus or visibility change. His next sync pulls the
    // reminder and the background asks the open overlays to refresh their badges.
    expect(await paulsPage.$eval(badge(number!), (b) => b.getAttribute('data-action-due'))).toBe('true');
    await syncNow(paul.worker);
    await paulsPage.waitForSelector(`${badge(number!)}[data-action-due="false"]`, { timeout: 10_000 });
    expect(await paulsPage.$eval(badge(number!), (b) => b.shadowRoot?.textContent ?? '')).toContain(
      'par Owner',
    );
    await paulsPage.close();
  });
});
