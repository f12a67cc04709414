import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestServer, type TestServer } from '@relance/server/testing';
import { uuidv7 } from '@relance/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  askBackground,
  configureServer,
  type ExtensionBrowser,
  launchBrowserWithExtension,
  syncNow,
} from './lib';

let ext: ExtensionBrowser;
let server: TestServer;
let profile: string;

beforeAll(async () => {
  profile = await mkdtemp(join(tmpdir(), 'relance-e2e-'));
  [server, ext] = await Promise.all([
    startTestServer(),
    launchBrowserWithExtension({ userDataDir: profile }),
  ]);
});

afterAll(async () => {
  await ext?.close();
  await server?.stop();
  await rm(profile, { recursive: true, force: true });
});

describe('the built extension in Chromium', () => {
  it('loads, and its service worker answers a message', async () => {
    const status = await askBackground(ext.worker, { type: 'getSyncStatus' });
    expect(status).toMatchObject({ mode: 'local-only', pending: 0 });
  });

  it('renders the options page in French', async () => {
    const page = await ext.browser.newPage();
    await page.goto(ext.extensionUrl('options.html'));
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Options de Relance');
    const headings = await page.$$eval('h2', (hs) => hs.map((h) => h.textContent));
    expect(headings).toEqual(
      expect.arrayContaining([
        'Équipe et serveur',
        'Calendrier des relances',
        'Modèles de relance',
        'Sites où Relance travaille',
      ]),
    );
    expect(await page.$eval('html', (html) => html.lang)).toBe('fr');
    await page.close();
  });

  it('renders the popup in French', async () => {
    const page = await ext.browser.newPage();
    await page.goto(ext.extensionUrl('popup.html'));
    await page.waitForSelector('.popup h1');
    expect(await page.$eval('.popup h1', (h) => h.textContent)).toBe("Relance · Aujourd'hui");
    expect(await page.$eval('.popup', (p) => p.textContent)).toContain('Mode local');
    await page.close();
  });

  it('registers the invoicing overlay on an added site, and unregisters it', async () => {
    // 127.0.0.1 is granted by the manifest, so no permission prompt is needed for this check.
    const { sites } = await askBackground(ext.worker, {
      type: 'addSite',
      pattern: 'http://127.0.0.1:5555/app',
    });
    expect(sites).toEqual([{ pattern: 'http://127.0.0.1/*', granted: true, registered: true }]);
    const registered = await ext.worker.evaluate(async () =>
      (await chrome.scripting.getRegisteredContentScripts()).map((s) => ({ matches: s.matches, js: s.js })),
    );
    expect(registered).toEqual([{ matches: ['http://127.0.0.1/*'], js: ['content-scripts/invoicing.js'] }]);
    expect(
      (await askBackground(ext.worker, { type: 'removeSite', pattern: 'http://127.0.0.1' })).sites,
    ).toEqual([]);
    expect(
      await ext.worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).length),
    ).toBe(0);
  });

  it('syncs with a real server: one activity up, one teammate activity down', async () => {
    const team = await server.createTeam('Atelier e2e');
    expect(await configureServer(ext.worker, server.url, team.token)).toMatchObject({ status: 'ok' });

    const { invoices } = await askBackground(ext.worker, {
      type: 'observeInvoices',
      observations: [
        {
          number: 'F-E2E-1',
          clientName: 'ACME SARL',
          amountDueCents: 42_000,
          currency: 'EUR',
          dueDate: '2026-01-10',
          host: '127.0.0.1',
          url: 'http://127.0.0.1/invoices',
        },
      ],
    });
    const clientId = invoices[0]!.clientId;
    const { activity } = await askBackground(ext.worker, {
      type: 'logActivity',
      activity: { type: 'comment', clientId, invoiceIds: [], text: 'from the extension' },
    });
    const status = await syncNow(ext.worker);
    expect(status.lastError).toBeUndefined();
    expect(status.pending).toBe(0);

    const pulled = await api(server.url, team.token, 'GET', '/sync/pull?since=0&limit=1000');
    const ids = (pulled.changes as { kind: string; activity?: { id: string } }[]).flatMap((c) =>
      c.kind === 'activity' ? [c.activity!.id] : [],
    );
    expect(ids).toEqual([activity.id]);

    // A teammate joins with the invite and logs a call on the same client from elsewhere.
    const bob = await api(server.url, undefined, 'POST', '/join', {
      code: team.inviteCode,
      personName: 'Bob',
    });
    const call = {
      id: uuidv7(),
      type: 'call',
      clientId,
      invoiceIds: [],
      date: '2026-02-02',
      at: new Date().toISOString(),
      outcome: 'promised to pay Friday',
    };
    const pushed = await api(server.url, bob.token as string, 'POST', '/sync/push', {
      changes: [{ kind: 'activity', activity: call }],
    });
    expect(pushed.results).toEqual([expect.objectContaining({ id: call.id, status: 'accepted' })]);

    await syncNow(ext.worker);
    const timeline = await askBackground(ext.worker, { type: 'getClientTimeline', clientId });
    const entry = timeline.entries.find((e) => e.kind === 'activity' && e.activity.id === call.id);
    expect(entry?.kind === 'activity' && entry.activity.authorName).toBe('Bob');
  });

  it("the team's owner opens the dashboard from the options page, signed in on the way", async () => {
    // Signed in as the owner of "Atelier e2e" by the test above.
    const options = await ext.browser.newPage();
    await options.goto(ext.extensionUrl('options.html'));
    const link = await options.waitForSelector('[data-relance-action=open-dashboard]');
    expect(await link!.evaluate((a) => a.getAttribute('href'))).toBe(`${server.url}/dashboard`);
    const overview = ext.browser.waitForTarget(
      (t) => t.url().startsWith(`${server.url}/dashboard`) && !t.url().includes('/sign-in'),
      { timeout: 20_000 },
    );
    await link!.click();
    const dashboard = (await (await overview).page())!;
    await dashboard.waitForSelector('.team-name');
    expect(await dashboard.$eval('.team-name', (e) => e.textContent)).toBe('Atelier e2e');
    // The session is the dashboard's usual cookie, out of reach of the page's scripts.
    const cookies = await dashboard.cookies();
    expect(cookies.find((c) => c.name === 'relance_dashboard')).toMatchObject({
      httpOnly: true,
      sameSite: 'Strict',
    });
    expect(await dashboard.evaluate(() => document.cookie)).toBe('');
    expect(await options.evaluate(() => document.body.innerHTML)).not.toMatch(/tok_|relance_dashboard/);
    await dashboard.close();
    await options.close();
  });
});

async function api(base: string, token: string | undefined, method: string, path: string, body?: unknown) {
  const response = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as Record<string, unknown> & { changes: unknown[]; results: unknown[] };
}
