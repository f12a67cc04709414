import { writeFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestServer, type TestServer } from '@relance/server/testing';
import { addDays, formatHlc, type IsoDate, todayLocal, uuidv7 } from '@relance/shared';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath, REPO_ROOT } from './lib';

/**
 * The team leads' dashboard in a real Chromium (no extension: it is a plain web page of the
 * server). A team is seeded through the sync API with dates relative to today, then the test
 * signs in, reads the figures, uses the filters, downloads the CSV files, and keeps a screenshot
 * of the overview in docs/.
 */

const TODAY = todayLocal();
const day = (offset: number): IsoDate => addDays(TODAY, offset);
const NNBSP = '\u202f';
const NBSP = '\u00a0';
/** `eur('1 234,56')`: the amount as French Intl writes it, with its no-break spaces. */
const eur = (amount: string) => `${amount.replace(/ /g, NNBSP)}${NBSP}€`;

/** The time of day of an instant in Paris, the team's default time zone (summer or winter time). */
const parisTime = (instant: string) =>
  new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' }).format(
    new Date(instant),
  );

let server: TestServer;
let browser: Browser;
let page: Page;
let downloads: string;
let owner: { token: string; personId: string };
let member: { token: string; personId: string };

const ids = {
  durand: uuidv7(),
  cafe: uuidv7(),
  pixel: uuidv7(),
  d1: uuidv7(),
  d2: uuidv7(),
  c1: uuidv7(),
  c2: uuidv7(),
  p1: uuidv7(),
  p2: uuidv7(),
  p3: uuidv7(),
};
const CAFE = 'Café <b>du Port</b>';

let clock = Date.now() - 60_000;
const doc = (docType: string, data: { id: string } & Record<string, unknown>) => ({
  kind: 'document',
  docType,
  id: data.id,
  hlc: formatHlc({ ms: ++clock, counter: 0, node: 'e2e-dashboard' }),
  data,
});
const act = (type: string, clientId: string, invoiceIds: string[], date: IsoDate, fields: object = {}) => ({
  kind: 'activity',
  activity: { id: uuidv7(), type, clientId, invoiceIds, date, at: `${date}T09:30:00.000Z`, ...fields },
});
const invoice = (id: string, number: string, clientId: string, clientName: string, fields: object) =>
  doc('invoice', { id, number, clientId, clientName, currency: 'EUR', ...fields });

async function api(path: string, init: { token?: string; body?: unknown } = {}) {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    method: init.body === undefined ? 'GET' : 'POST',
    headers: {
      ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}),
      ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  if (!res.ok) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
  return res.json();
}

async function push(token: string, changes: unknown[]) {
  const { results } = await api('/sync/push', { token, body: { changes } });
  const refused = results.filter((r: { status: string }) => r.status !== 'accepted');
  if (refused.length > 0) throw new Error(`push refused: ${JSON.stringify(refused)}`);
}

/**
 * Overdue: D-1 1 200 € (10 days, 0–30), D-2 3 000 € (40 days) and P-1 2 000 € (50 days) 31–60,
 * C-1 450,50 € (75 days, 61–90), C-2 800 € (100 days, 90+): 7 450,50 € in 5 invoices.
 * Receivables add P-2's 5 000 € not yet due: 12 450,50 €. Billed in the last 90 days (issue
 * date, else due date − 30): D-1, D-2, P-1, P-2 and the paid P-3 (1 000 €): 12 200 €.
 * DSO = 12 450,50 / 12 200 × 90 = 91,8 → 92 days.
 */
async function seed() {
  const team = await server.createTeam('Atelier Lumière');
  owner = { token: team.token, personId: team.personId };
  const joined = await api('/join', { body: { code: team.inviteCode, personName: 'Marie Martin' } });
  member = { token: joined.token, personId: joined.person.id };

  await push(owner.token, [
    doc('client', { id: ids.durand, name: 'Menuiserie Durand' }),
    doc('client', { id: ids.cafe, name: CAFE }),
    doc('client', { id: ids.pixel, name: 'Studio Pixel' }),
    invoice(ids.d1, 'D-1', ids.durand, 'Menuiserie Durand', { amountDueCents: 120_000, dueDate: day(-10) }),
    invoice(ids.d2, 'D-2', ids.durand, 'Menuiserie Durand', { amountDueCents: 300_000, dueDate: day(-40) }),
    invoice(ids.c1, 'C-1', ids.cafe, CAFE, { amountDueCents: 45_050, dueDate: day(-75) }),
    invoice(ids.c2, 'C-2', ids.cafe, CAFE, { amountDueCents: 80_000, dueDate: day(-100) }),
    invoice(ids.p1, 'P-1', ids.pixel, 'Studio Pixel', { amountDueCents: 200_000, dueDate: day(-50) }),
    invoice(ids.p2, 'P-2', ids.pixel, 'Studio Pixel', {
      amountDueCents: 500_000,
      dueDate: day(10),
      issueDate: day(-20),
    }),
    invoice(ids.p3, 'P-3', ids.pixel, 'Studio Pixel', {
      amountDueCents: 0,
      totalCents: 100_000,
      dueDate: day(-5),
      issueDate: day(-30),
      status: 'paid',
    }),
    act('reminder', ids.durand, [ids.d1], day(-3), {
      stage: 'reminder-1',
      channel: 'email',
      subject: 'Facture D-1 en retard',
    }),
    act('promise-to-pay', ids.durand, [ids.d2], day(-1), { promisedDate: day(8), amountCents: 300_000 }),
    act('dispute-opened', ids.cafe, [ids.c1], day(-20), { reason: 'Marchandise abîmée' }),
    act('formal-notice', ids.cafe, [ids.c2], day(-40), { deadline: day(-32) }),
    doc('note', { id: uuidv7(), clientId: ids.cafe, text: 'Le gérant est injoignable le lundi' }),
  ]);
  await push(member.token, [
    act('call', ids.durand, [ids.d2], day(-5), { outcome: 'Promet un virement' }),
    act('promise-to-pay', ids.durand, [ids.d1], day(-2), { promisedDate: TODAY, amountCents: 120_000 }),
    act('comment', ids.pixel, [], day(-1), { text: '=SUM(A1:A9) à vérifier' }),
  ]);
}

beforeAll(async () => {
  downloads = await mkdtemp(join(tmpdir(), 'relance-dashboard-downloads-'));
  server = await startTestServer();
  await seed();
  browser = await puppeteer.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [...CHROMIUM_ARGS],
  });
  page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  await page.setExtraHTTPHeaders({ 'Accept-Language': 'fr-FR,fr;q=0.9' });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (downloads) await rm(downloads, { recursive: true, force: true });
});

const text = (selector: string) => page.$eval(selector, (el) => (el.textContent ?? '').trim());

async function submitFilters(values: Record<string, string>) {
  for (const [name, value] of Object.entries(values)) {
    const field = await page.$(`form.filters [name="${name}"]`);
    if (!field) throw new Error(`no filter ${name}`);
    const tag = await field.evaluate((el) => el.tagName);
    if (tag === 'SELECT') await page.select(`form.filters [name="${name}"]`, value);
    else {
      await field.evaluate((el, v) => {
        (el as HTMLInputElement).value = v;
      }, value);
    }
  }
  await Promise.all([page.waitForNavigation(), page.click('form.filters button[type="submit"]')]);
}

const historyCount = () =>
  page.$eval('[data-figure="history-count"]', (el) => Number(el.getAttribute('data-count')));

describe('the team leads’ dashboard in Chromium', () => {
  it('asks for a token, refuses a wrong one, and signs a lead in', async () => {
    await page.goto(`${server.url}/dashboard`);
    expect(new URL(page.url()).pathname).toBe('/dashboard/sign-in');
    expect(await text('h1')).toBe('Connexion au tableau de bord');

    await page.type('#token', 'wrong-token-0123456789');
    await Promise.all([page.waitForNavigation(), page.click('form.sign-in button[type="submit"]')]);
    expect(await text('[role="alert"]')).toBe('Ce jeton est inconnu ou a été révoqué.');

    await page.type('#token', owner.token);
    await Promise.all([page.waitForNavigation(), page.click('form.sign-in button[type="submit"]')]);
    expect(new URL(page.url()).pathname).toBe('/dashboard');
    expect(await text('h1')).toBe("Vue d'ensemble");
    // The session cookie is out of reach of scripts.
    expect(await page.evaluate(() => document.cookie)).toBe('');
  });

  it('shows the figures seeded: overdue total and its split by age, DSO, stages', async () => {
    expect(await text('[data-figure="overdue-total"] .big-number')).toBe(`${eur('7 450,50')} 5 factures`);
    const bars = await page.$$eval('.bar-row', (rows) =>
      rows.map((r) => ({
        bucket: r.getAttribute('data-bucket'),
        amount: r.querySelector('.bar-value .money')?.textContent,
        label: r.querySelector('svg')?.getAttribute('aria-label'),
      })),
    );
    expect(bars).toEqual([
      { bucket: '0-30', amount: eur('1 200,00'), label: `1 à 30 jours : ${eur('1 200,00')}, 1 facture` },
      { bucket: '31-60', amount: eur('5 000,00'), label: `31 à 60 jours : ${eur('5 000,00')}, 2 factures` },
      { bucket: '61-90', amount: eur('450,50'), label: `61 à 90 jours : ${eur('450,50')}, 1 facture` },
      { bucket: '90+', amount: eur('800,00'), label: `plus de 90 jours : ${eur('800,00')}, 1 facture` },
    ]);
    // The 31–60 bar is the longest; the others are drawn to scale.
    const widths = await page.$$eval('.bar-fill', (rects) =>
      rects.map((r) => Number(r.getAttribute('width'))),
    );
    expect(widths).toEqual([24, 100, 9, 16]);

    expect(await text('[data-figure="dso"] .big-number')).toBe('92 jours');
    expect(await text('[data-figure="dso"] .small')).toContain(
      `${eur('12 450,50')} ÷ ${eur('12 200,00')} × 90`,
    );

    const stages = await page.$$eval('[data-figure="stages"] tbody tr', (rows) =>
      Object.fromEntries(
        rows.map((r) => [r.getAttribute('data-stage'), Number(r.getAttribute('data-count'))]),
      ),
    );
    // D-1 (promise until today), D-2 (promise next week), C-1 (dispute) are paused.
    expect(stages).toMatchObject({ paused: 3, 'formal-notice': 1, legal: 1, none: 1, 'reminder-1': 0 });
  });

  it('lists this week’s promises, open disputes and formal notices', async () => {
    const promises = await page.$$eval('[data-figure="promises"] tbody tr', (rows) =>
      rows.map((r) => [...r.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())),
    );
    // D-2's promise falls next week: not listed.
    expect(promises).toEqual([
      ['Menuiserie Durand', 'D-1', formatFr(TODAY), eur('1 200,00'), 'Marie Martin', "aujourd'hui"],
    ]);
    const disputes = await page.$$eval('[data-figure="disputes"] tbody tr', (rows) =>
      rows.map((r) => [...r.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())),
    );
    expect(disputes).toEqual([
      [CAFE, 'C-1', 'Marchandise abîmée', formatFr(day(-20)), 'Owner', eur('450,50')],
    ]);
    const notices = await page.$$eval('[data-figure="formal-notices"] tbody tr', (rows) =>
      rows.map((r) => r.getAttribute('data-invoice-number')),
    );
    // C-2 got its notice and is now at the legal stage; C-1 reached the stage before its dispute
    // paused it; P-1's notice is to be sent.
    expect(notices).toEqual(['C-2', 'C-1', 'P-1']);
    expect(await text('[data-figure="formal-notices"] tr[data-invoice-number="P-1"]')).toContain('à envoyer');
    expect(await text('[data-figure="formal-notices"] tr[data-invoice-number="C-1"]')).toContain('En pause');
  });

  // The picture in docs/ is refreshed on demand (UPDATE_SCREENSHOTS=1), so a test run leaves the tree clean.
  it('renders the overview as a full-page screenshot (kept in docs/)', async () => {
    const png = Buffer.from(await page.screenshot({ fullPage: true }));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(375); // width from the IHDR chunk
    expect(png.readUInt32BE(20)).toBeGreaterThan(400); // a whole page, not an empty viewport
    if (process.env.UPDATE_SCREENSHOTS) writeFileSync(join(REPO_ROOT, 'docs/dashboard-overview.png'), png);
  });

  it('shows scraped names as text, never as markup', async () => {
    await Promise.all([page.waitForNavigation(), page.click('[data-figure="disputes"] tbody a')]);
    expect(await text('h1')).toBe(CAFE);
    expect(await page.$('h1 b')).toBeNull();
    const invoices = await page.$$eval('tr[data-invoice-number]', (rows) =>
      rows.map((r) => r.getAttribute('data-invoice-number')),
    );
    expect(invoices).toEqual(['C-2', 'C-1']);
    // Its whole timeline: the dispute, the formal notice and the note.
    expect(await historyCount()).toBe(3);
    expect(await text('.timeline')).toContain('Le gérant est injoignable le lundi');
  });

  it('filters the shared history, keeping the filters in a shareable URL', async () => {
    await page.goto(`${server.url}/dashboard/history`);
    expect(await historyCount()).toBe(8); // 7 activities and 1 note

    await submitFilters({ personId: member.personId });
    expect(new URL(page.url()).searchParams.get('personId')).toBe(member.personId);
    expect(await historyCount()).toBe(3);
    expect(await page.$$eval('.entry', (els) => els.map((e) => e.getAttribute('data-type')))).toEqual([
      'comment',
      'promise-to-pay',
      'call',
    ]);

    await submitFilters({ personId: '', type: 'call' });
    expect(await historyCount()).toBe(1);
    expect(await text('.entry-details')).toBe('Promet un virement');

    await submitFilters({ type: '', q: 'injoignable' });
    expect(await historyCount()).toBe(1);
    expect(await page.$eval('.entry', (e) => e.getAttribute('data-type'))).toBe('note');

    await submitFilters({ q: '', from: day(-5), to: day(-1) });
    expect(await historyCount()).toBe(5);

    // The same URL opened afresh shows the same thing.
    const shared = page.url();
    await page.goto(shared);
    expect(await historyCount()).toBe(5);
    expect(await page.$eval('#f-from', (el) => (el as HTMLInputElement).value)).toBe(day(-5));
  });

  it('downloads the filtered history as CSV that French Excel opens right', async () => {
    await page.goto(`${server.url}/dashboard/history?personId=${member.personId}`);
    await allowDownloads();
    await page.click('a[data-export="history"]');
    const file = await waitForDownload(`relance-historique-${TODAY}.csv`);
    const bytes = await readFile(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'Date;Heure (Europe/Paris);Type;Client;Factures;Auteur;Étape;Canal;Montant;Détails;Identifiant',
    );
    expect(lines).toHaveLength(4);
    expect(lines.every((l, i) => i === 0 || l.includes(';Marie Martin;'))).toBe(true);
    // A cell that would start a formula is neutralised.
    expect(lines[1]).toContain(";'=SUM(A1:A9) à vérifier;");
    expect(lines[2]).toContain(
      `${day(-2)};${parisTime(`${day(-2)}T09:30:00.000Z`)};Promesse de paiement;Menuiserie Durand;D-1;Marie Martin;;;1200,00;`,
    );
  });

  it('filters the overdue list by age and exports it', async () => {
    await page.goto(`${server.url}/dashboard/overdue`);
    const numbers = () =>
      page.$$eval('tr[data-invoice-number]', (rows) =>
        rows.map((r) => r.getAttribute('data-invoice-number')),
      );
    expect(await numbers()).toEqual(['C-2', 'C-1', 'P-1', 'D-2', 'D-1']);
    await submitFilters({ bucket: '31-60' });
    expect(await numbers()).toEqual(['P-1', 'D-2']);
    await allowDownloads();
    await page.click('a[data-export="overdue"]');
    const bytes = await readFile(await waitForDownload(`relance-factures-en-retard-${TODAY}.csv`));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = bytes
      .subarray(3)
      .toString('utf8')
      .trimEnd()
      .split('\r\n')
      .map((l) => l.split(';'));
    expect(rows.map((r) => [r[0], r[1], r[3], r[4], r[5], r[8], r[9]])).toEqual([
      ['Client', 'Facture', 'Échéance', 'Jours de retard', 'Ancienneté', 'Reste dû', 'Devise'],
      ['Studio Pixel', 'P-1', day(-50), '50', '31 à 60 jours', '2000,00', 'EUR'],
      ['Menuiserie Durand', 'D-2', day(-40), '40', '31 à 60 jours', '3000,00', 'EUR'],
    ]);
  });

  it('counts each person’s activity over the period', async () => {
    await page.goto(`${server.url}/dashboard/people`);
    const row = (personId: string) =>
      page.$$eval(`tr[data-person="${personId}"] td[data-column]`, (cells) =>
        Object.fromEntries(cells.map((c) => [c.getAttribute('data-column'), Number(c.textContent)])),
      );
    expect(await row(member.personId)).toEqual({
      reminders: 0,
      calls: 1,
      letters: 0,
      promises: 1,
      payments: 0,
      disputes: 0,
      other: 1,
      notes: 0,
      total: 3,
    });
    // The formal notice of 40 days ago is outside the default 30 days…
    expect(await row(owner.personId)).toMatchObject({
      reminders: 1,
      letters: 0,
      promises: 1,
      disputes: 1,
      notes: 1,
    });
    // …and inside a longer period.
    await submitFilters({ from: day(-60), to: TODAY });
    expect(await row(owner.personId)).toMatchObject({
      reminders: 1,
      letters: 1,
      promises: 1,
      disputes: 1,
      total: 5,
    });
  });

  it('switches to English, with money and dates the English way', async () => {
    await page.goto(`${server.url}/dashboard`);
    await Promise.all([page.waitForNavigation(), page.click('a.lang-switch')]);
    expect(await page.$eval('html', (h) => h.lang)).toBe('en');
    expect(await text('h1')).toBe('Overview');
    expect(await text('[data-figure="overdue-total"] .big-number')).toBe('€7,450.50 5 invoices');
    expect(await text('[data-figure="dso"] .big-number')).toBe('92 days');
    // Navigation keeps the language.
    await Promise.all([page.waitForNavigation(), page.click('.main-nav a[href^="/dashboard/history"]')]);
    expect(await text('h1')).toBe('Shared history');
  });

  it('fits a 375 px wide phone screen without sideways scrolling', async () => {
    await page.setViewport({ width: 375, height: 740, isMobile: true, hasTouch: true });
    for (const path of ['/dashboard', '/dashboard/history', '/dashboard/overdue', '/dashboard/people']) {
      await page.goto(`${server.url}${path}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await page.setViewport({ width: 1280, height: 900 });
  });

  it('prints the figures without navigation nor forms', async () => {
    await page.goto(`${server.url}/dashboard/history`);
    await page.emulateMediaType('print');
    const hidden = await page.$$eval('.main-nav, form.filters, .header-tools', (els) =>
      els.map((e) => getComputedStyle(e).display),
    );
    expect(hidden).toEqual(['none', 'none', 'none']);
    expect(await page.$eval('.timeline', (e) => getComputedStyle(e).display)).not.toBe('none');
    await page.emulateMediaType('screen');
  });

  it('signs out, and shows a member that the dashboard is for leads', async () => {
    await Promise.all([page.waitForNavigation(), page.click('form.sign-out button')]);
    expect(new URL(page.url()).pathname).toBe('/dashboard/sign-in');
    await page.goto(`${server.url}/dashboard`);
    expect(new URL(page.url()).pathname).toBe('/dashboard/sign-in');

    await page.type('#token', member.token);
    const [response] = await Promise.all([
      page.waitForNavigation(),
      page.click('form.sign-in button[type="submit"]'),
    ]);
    expect(response?.status()).toBe(403);
    expect(await text('h1')).toBe('Accès réservé aux responsables');
    expect(await text('[data-error="forbidden"]')).toContain('Marie Martin, votre rôle (membre)');
  });
});

function formatFr(date: IsoDate): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

/** Downloads go to the test's folder (the page's CSP rightly forbids fetching from a script). */
async function allowDownloads() {
  const session = await browser.target().createCDPSession();
  await session.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
}

async function waitForDownload(name: string): Promise<string> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const files = await readdir(downloads);
    if (files.includes(name)) return join(downloads, name);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no download named ${name}; found ${(await readdir(downloads)).join(', ')}`);
}
