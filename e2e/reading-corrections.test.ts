import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestServer, type TestServer, type TestTeam } from '@relance/server/testing';
import { addDays, formatHlc, todayLocal, uuidv7 } from '@relance/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureServer, startFixtureServer } from './fixtures/invoicing/server';
import { askBackground, type ExtensionBrowser, joinTeam, launchBrowserWithExtension, syncNow } from './lib';
import { storedRecords } from './lib/readings';

/**
 * Issue 11, "a lead can merge a wrong client": an install running the old reading left a polluted
 * duplicate of a client and of one of its invoices on the server. A member's extension reads the
 * list the right way and pulls the duplicate (the invoice counts twice in the popup). The lead
 * merges the duplicate client on the dashboard's client page; after its next sync the extension
 * shows one client and the popup counts the invoice once.
 */
const NNBSP = '\u202f';
const NBSP = '\u00a0';
const eur = (amount: string) => `${amount.replace(/ /g, NNBSP)}${NBSP}€`;

let fixtures: FixtureServer;
let server: TestServer;
let team: TestTeam;
let ext: ExtensionBrowser;
let profile: string;

beforeAll(async () => {
  profile = await mkdtemp(join(tmpdir(), 'relance-corrections-'));
  [fixtures, server, ext] = await Promise.all([
    startFixtureServer(),
    startTestServer(),
    launchBrowserWithExtension({ userDataDir: profile }),
  ]);
  team = await server.createTeam('Boulangeries Réunies', 'Léa Lead');
  await joinTeam(ext.worker, server.url, team.inviteCode, 'Max Membre');
});

afterAll(async () => {
  await ext?.close();
  await fixtures?.close();
  await server?.stop();
  if (profile) await rm(profile, { recursive: true, force: true });
});

async function pushAsOldInstall(changes: unknown[]) {
  const res = await fetch(`${server.url}/api/v1/sync/push`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${team.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ changes }),
  });
  const { results } = (await res.json()) as { results: { status: string }[] };
  expect(results.every((r) => r.status === 'accepted')).toBe(true);
}

/** Live clients and invoices of the extension's IndexedDB, by name and number. */
async function stored() {
  const { clients, invoices } = await storedRecords(ext.worker);
  return {
    clients: clients
      .filter((c) => !c.deleted)
      .map((c) => c.name)
      .sort(),
    invoices: invoices
      .filter((i) => !i.deleted)
      .map((i) => i.number)
      .sort(),
  };
}

async function popupTotal(): Promise<string> {
  const popup = await ext.browser.newPage();
  await popup.goto(ext.extensionUrl('popup.html'));
  const text = await popup
    .waitForSelector('[data-testid="overdue-total"]')
    .then((el) => el!.evaluate((e) => (e.textContent ?? '').trim()));
  await popup.close();
  return text;
}

describe('a lead merges a duplicate client on the dashboard', () => {
  it('the extension then shows one client and counts the invoice once', async () => {
    const host = new URL(fixtures.origin).host;
    const dup = { client: uuidv7(), invoice: uuidv7() };
    let ms = Date.now() - 120_000;
    const hlc = () => formatHlc({ ms: ++ms, counter: 0, node: 'old-reading' });
    await pushAsOldInstall([
      {
        kind: 'document',
        docType: 'client',
        id: dup.client,
        hlc: hlc(),
        data: { id: dup.client, name: 'BBoulangerie Martin' },
      },
      {
        kind: 'document',
        docType: 'invoice',
        id: dup.invoice,
        hlc: hlc(),
        data: {
          id: dup.invoice,
          number: 'FA2610-0008 Aperçu pdfTéléchargement pdf',
          clientId: dup.client,
          clientName: 'BBoulangerie Martin',
          amountDueCents: 120_000,
          currency: 'EUR',
          dueDate: addDays(todayLocal(), -23),
          host,
        },
      },
    ]);

    // The member reads the ERP's list the right way, then syncs: the duplicate comes with the pull.
    const list = await ext.browser.newPage();
    await list.goto(fixtures.url('/reading/list.html'));
    await list.waitForFunction(() => document.querySelectorAll('relance-badge[data-stage]').length >= 5, {
      timeout: 20_000,
    });
    await list.close();
    expect(await syncNow(ext.worker)).toMatchObject({ pending: 0 });
    const before = await stored();
    expect(before.clients.filter((n) => /Boulangerie Martin/.test(n))).toEqual([
      'BBoulangerie Martin',
      'Boulangerie Martin',
    ]);
    // Overdue on the list: 1 200 + 200 + 3 000 €; the duplicate adds 1 200 € more.
    expect(await popupTotal()).toBe(`En retard : ${eur('5 600,00')} · 4 factures`);

    // The lead signs in to the dashboard and merges the duplicate into the client read right.
    const page = await ext.browser.newPage();
    await page.setExtraHTTPHeaders({ 'Accept-Language': 'fr-FR,fr;q=0.9' });
    await page.goto(`${server.url}/dashboard/sign-in`);
    await page.type('#token', team.token);
    await Promise.all([page.waitForNavigation(), page.click('form.sign-in button[type="submit"]')]);
    await page.goto(`${server.url}/dashboard/clients/${dup.client}`);
    const form = 'form[data-correction="merge-client"]';
    const clean = await page.$eval(
      `${form} select[name="into"]`,
      (select) =>
        [...(select as HTMLSelectElement).options].find((o) => o.textContent === 'Boulangerie Martin')?.value,
    );
    expect(clean).toBeTruthy();
    await page.select(`${form} select[name="into"]`, clean!);
    // The confirmation box is required: the browser does not send the form without it.
    await page.click(`${form} button[type="submit"]`);
    expect(new URL(page.url()).pathname).toBe(`/dashboard/clients/${dup.client}`);
    await page.click(`${form} input[name="confirm"]`);
    await Promise.all([page.waitForNavigation(), page.click(`${form} button[type="submit"]`)]);
    expect(new URL(page.url()).pathname).toBe(`/dashboard/clients/${clean}`);
    expect(await page.$eval('[data-corrected]', (el) => el.getAttribute('data-corrected'))).toBe('merge');
    await page.close();

    // After its next sync, the extension has one client and counts the invoice once.
    await syncNow(ext.worker);
    const after = await stored();
    expect(after.clients.filter((n) => /Boulangerie Martin/.test(n))).toEqual(['Boulangerie Martin']);
    expect(after.invoices.filter((n) => n.startsWith('FA2610-0008'))).toEqual(['FA2610-0008']);
    expect(await popupTotal()).toBe(`En retard : ${eur('4 400,00')} · 3 factures`);
    const work = await askBackground(ext.worker, { type: 'getTodayWork' });
    expect(
      work.groups.filter((g) => /Boulangerie Martin/.test(g.clientName)).map((g) => g.clientName),
    ).toEqual(['Boulangerie Martin']);

    // The list read again shows the same badges and splits nothing again.
    const again = await ext.browser.newPage();
    await again.goto(fixtures.url('/reading/list.html'));
    await again.waitForFunction(() => document.querySelectorAll('relance-badge[data-stage]').length >= 5, {
      timeout: 20_000,
    });
    expect(
      await again.$eval('relance-badge[data-invoice-number="FA2610-0008"]', (b) => [
        b.getAttribute('data-client'),
        b.getAttribute('data-amount-due'),
      ]),
    ).toEqual(['Boulangerie Martin', '120000']);
    await again.close();
    expect(await stored()).toEqual(after);
  });
});
