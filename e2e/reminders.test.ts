import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays, formatMoney, latePaymentForInvoices, todayLocal } from '@relance/shared';
import type { Page } from 'puppeteer-core';
import decodeQR from 'qr/decode.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureServer, startFixtureServer } from './fixtures/invoicing/server';
import { askBackground, type ExtensionBrowser, launchBrowserWithExtension } from './lib';

/**
 * Reminders a person can send with confidence, in a real Chromium with the built extension on the
 * Dolibarr-like fixture (dates relative to today): nothing is logged until the person confirms it
 * went out; a disputed invoice says so first; the legal stage is a file, never a mail; the formal
 * notice prints as a letter (PDF through Chromium, read back with poppler) with both addresses,
 * the SEPA transfer QR code and the right totals.
 */
let fixtures: FixtureServer;
let ext: ExtensionBrowser;
let profile: string;
let out: string;

const IBAN = 'FR7630006000011234567890189';

beforeAll(async () => {
  profile = await mkdtemp(join(tmpdir(), 'relance-reminders-'));
  out = await mkdtemp(join(tmpdir(), 'relance-letters-'));
  [fixtures, ext] = await Promise.all([
    startFixtureServer(),
    launchBrowserWithExtension({ userDataDir: profile }),
  ]);
  for (let waited = 0; waited < 10_000; waited += 100) {
    if (await ext.worker.evaluate(() => 'relanceBackground' in globalThis)) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  // The company's details and how to pay, as an owner types them in the options.
  const { team } = await askBackground(ext.worker, { type: 'getSettings' });
  await askBackground(ext.worker, {
    type: 'saveTeamSettings',
    settings: {
      ...team,
      companyName: 'Menuiserie Lemoine',
      companyLegalName: 'Menuiserie Lemoine SARL',
      companyAddress: '14 rue de la République\n69002 Lyon',
      companyRegistration: '512 345 678 00021',
      vatNumber: 'FR45512345678',
      companyLegalMentions: 'SARL au capital de 20 000 € – RCS Lyon 512 345 678',
      iban: IBAN,
      bic: 'CCBPFRPPLYO',
    },
  });
  await askBackground(ext.worker, {
    type: 'saveProfile',
    profile: { name: 'Claire Fontaine', role: 'Responsable comptable', phone: '04 78 00 00 00', email: '' },
  });
});

afterAll(async () => {
  await ext?.close();
  await fixtures?.close();
  if (profile) await rm(profile, { recursive: true, force: true });
});

const badge = (number: string) => `relance-badge[data-invoice-number="${number}"]`;
const dialog = (action: string) => `relance-reminder >>> [data-relance-action="${action}"]`;

async function openList(): Promise<Page> {
  const page = await ext.browser.newPage();
  await page.goto(fixtures.url('/dolibarr.html'));
  await page.waitForSelector(`${badge('FA2603-0108')}[data-stage]`);
  return page;
}

/** The client of an invoice whose action is due (today's work lists it). */
async function clientIdOf(number: string): Promise<string> {
  const { groups } = await askBackground(ext.worker, { type: 'getTodayWork' });
  const group = groups.find((g) => g.invoices.some((i) => i.number === number));
  if (!group) throw new Error(`no client for ${number}`);
  return group.clientId;
}

async function allActivities(clientOf: string) {
  const { entries } = await askBackground(ext.worker, { type: 'getClientTimeline', clientId: clientOf });
  return entries.flatMap((e) => (e.kind === 'activity' ? [e.activity] : []));
}

describe('reminders sent with confidence', () => {
  it('logs nothing when Gmail opens, until the person says it was sent', async () => {
    const page = await openList();
    const clientId = await clientIdOf('FA2603-0102');
    await page.click(`${badge('FA2603-0102')} >>> [data-relance-action="remind"]`);
    await page.waitForSelector(dialog('open-gmail'));
    const opened = ext.browser.waitForTarget((t) => t.url().startsWith('https://mail.google.com/'));
    await page.click(dialog('open-gmail'));
    const gmail = new URL((await opened).url());
    expect(gmail.searchParams.get('body')).toContain('FA2603-0102');
    expect(gmail.searchParams.get('body')).toContain('Claire Fontaine\nResponsable comptable');
    await page.bringToFront();
    await page.waitForSelector('relance-reminder >>> [data-relance-part="sent-question"]');

    // Not yet: nothing logged, the badge still says the action is due.
    expect(await allActivities(clientId)).toEqual([]);
    expect(await page.$eval(badge('FA2603-0102'), (b) => b.getAttribute('data-action-due'))).toBe('true');
    await page.click(dialog('not-sent'));
    expect(await allActivities(clientId)).toEqual([]);

    // Sent: now it is logged, and the badge turns done.
    await page.click(dialog('copy'));
    await page.waitForSelector(dialog('mark-sent'));
    await page.click(dialog('mark-sent'));
    await page.waitForSelector(`${badge('FA2603-0102')}[data-action-due="false"]`);
    expect(await allActivities(clientId)).toEqual([
      expect.objectContaining({ type: 'reminder', stage: 'reminder-1', channel: 'copy' }),
    ]);
    await page.close();
  });

  it('warns about a disputed invoice before anything else', async () => {
    const page = await openList();
    await page.click(`${badge('FA2603-0105')} >>> [data-relance-action="notes"]`);
    await page.waitForSelector('relance-notes-panel >>> [data-relance-action="log-dispute-opened"]');
    await page.click('relance-notes-panel >>> [data-relance-action="log-dispute-opened"]');
    const reason = await page.waitForSelector('relance-notes-panel >>> #relance-log-text');
    await reason!.type('Livraison incomplète');
    await page.click('relance-notes-panel >>> [data-relance-action="submit-log"]');
    await page.waitForSelector(`${badge('FA2603-0105')}[data-stage="paused"]`);

    await page.click(`${badge('FA2603-0105')} >>> [data-relance-action="remind"]`);
    const warning = await page.waitForSelector('relance-reminder >>> [data-relance-part="paused-warning"]');
    const said = await warning!.evaluate((w) => w.textContent ?? '');
    expect(said).toContain('FA2603-0105 est en litige depuis le');
    expect(said).toContain('Livraison incomplète');
    // Nothing to send until the person chooses to go on.
    expect(await page.$(dialog('open-gmail'))).toBeNull();
    expect(await page.$(dialog('mark-sent'))).toBeNull();
    await page.click(dialog('remind-anyway'));
    await page.waitForSelector(dialog('open-gmail'));
    await page.close();
  });

  it('keeps a J+23 invoice out of the collections file, which is never offered as a mail', async () => {
    const page = await openList();
    await page.click(`${badge('FA2603-0101')} >>> [data-relance-action="remind"]`);
    await page.waitForSelector('relance-reminder >>> [data-relance-part="stage"]');
    const amicable = await page.$eval('relance-reminder', (r) => r.shadowRoot?.textContent ?? '');
    expect(amicable).toContain('relance formelle · 1 facture en retard');
    const body = await page.$eval(
      'relance-reminder',
      (r) => (r.shadowRoot!.querySelector('[data-relance-field="body"]') as HTMLTextAreaElement).value,
    );
    expect(body).toContain('FA2603-0101');
    expect(body).not.toContain('FA2603-0106');
    expect(body).not.toContain('DOSSIER');
    await page.click('relance-reminder >>> [data-relance-action="close"]');

    await page.click(`${badge('FA2603-0106')} >>> [data-relance-action="remind"]`);
    await page.waitForSelector('relance-reminder >>> [data-relance-part="collections-file"]');
    for (const action of ['open-gmail', 'open-outlook', 'open-mailto', 'copy', 'print-letter', 'mark-sent']) {
      expect(await page.$(dialog(action))).toBeNull();
    }
    const file = await page.$eval('relance-reminder', (r) => r.shadowRoot?.textContent ?? '');
    expect(file).toContain('il ne s’envoie pas au client');
    expect(file).toContain('Aucune mise en demeure');
    await page.close();
  });

  it('prints the formal notice as a letter: both addresses, the QR code, the right totals', async () => {
    const page = await openList();
    const clientId = await clientIdOf('FA2603-0103');
    await page.click(`${badge('FA2603-0103')} >>> [data-relance-action="remind"]`);
    const address = await page.waitForSelector('relance-reminder >>> [data-relance-field="client-address"]');
    await address!.type('3 place Bellecour\n69002 Lyon');
    await page.click(dialog('print-formal-notice'));
    await page.waitForSelector('relance-reminder >>> [data-relance-part="formal-notice-confirmation"]');
    const popup = new Promise<Page>((resolve) => page.once('popup', (p) => resolve(p!)));
    await page.click(dialog('confirm-formal-notice'));
    const letter = await popup;
    await letter.waitForSelector('.payment svg');
    // A preview logs nothing.
    expect(await allActivities(clientId)).toEqual([]);

    const pdf = join(out, 'mise-en-demeure.pdf');
    await writeFile(pdf, await letter.pdf({ format: 'A4', printBackground: true }));
    await letter.close();
    // Words as a reader sees them: spaces of any width and line breaks of the layout as one space.
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
      .replace(/[\u202f\u00a0]/g, ' ')
      .replace(/\s+/g, ' ');
    execFileSync('pdftoppm', ['-r', '80', '-png', pdf, join(out, 'page')]);

    // Expected totals, worked out here from the shared law module: 4 500,00 € due 50 days ago.
    const today = todayLocal();
    const due = addDays(today, -50);
    const late = latePaymentForInvoices({
      invoices: [{ amountCents: 450_000, currency: 'EUR', dueDate: due }],
      asOf: today,
      jurisdiction: 'FR',
    }).totals[0]!;
    const money = (cents: number) => formatMoney(cents, 'EUR', 'fr').replace(/[\u202f\u00a0]/g, ' ');
    const expectedTotal = late.amountWithLatePaymentCents;
    for (const words of [
      'Menuiserie Lemoine SARL',
      '14 rue de la République',
      'Pharmacie du Centre',
      '3 place Bellecour',
      'LETTRE RECOMMANDÉE AVEC ACCUSÉ DE RÉCEPTION',
      'Objet : Mise en demeure de payer – facture FA2603-0103',
      `la somme de ${money(expectedTotal)}`,
      `principal restant dû : ${money(450_000)}`,
      `: ${money(late.interestCents)}`,
      `(40 € par facture) : ${money(4_000)}`,
      'SIREN/SIRET 512 345 678 00021',
      'Claire Fontaine',
    ]) {
      expect(text).toContain(words);
    }
    expect(text.match(/LETTRE RECOMMANDÉE/g)).toHaveLength(1);
    expect(text.match(/Objet :/g)).toHaveLength(1);
    // One sheet: the letter fits on one A4 page.
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Pages:\s+1\n/);
    expect(text).toMatch(/Lyon, le \d{1,2}(er)? \p{L}+ \d{4}/u);

    // The QR code, read back from the printed page: a SEPA transfer of the total, with the reference.
    execFileSync('pdftoppm', ['-r', '200', '-gray', '-f', '1', '-l', '1', pdf, join(out, 'scan')]);
    const image = readPgm(await readFile(join(out, 'scan-1.pgm')));
    const payload = decodeQR(image).split('\n');
    expect(payload.slice(0, 7)).toEqual([
      'BCD',
      '002',
      '1',
      'SCT',
      'CCBPFRPPLYO',
      'Menuiserie Lemoine SARL',
      IBAN,
    ]);
    expect(payload[7]).toBe(`EUR${(expectedTotal / 100).toFixed(2)}`);
    expect(payload[10]).toBe('facture FA2603-0103');

    // Posted by registered mail: logged now, with its number, as a formal notice.
    await page.bringToFront();
    const tracking = await page.waitForSelector(
      'relance-reminder >>> [data-relance-field="tracking-number"]',
    );
    await tracking!.type('1A 234 567 8901 2');
    await page.click(dialog('mark-sent'));
    await page.waitForSelector(`${badge('FA2603-0103')}[data-action-due="false"]`);
    expect(await allActivities(clientId)).toEqual([
      expect.objectContaining({
        type: 'formal-notice',
        trackingNumber: '1A 234 567 8901 2',
        channel: 'registered-letter',
      }),
    ]);
    await page.close();
  });
});

/** A binary PGM (P5) from pdftoppm -gray, as the RGBA image the QR reader takes. */
function readPgm(file: Buffer) {
  const header = file.subarray(0, 64).toString('latin1');
  const match = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(header);
  if (!match) throw new Error('not a binary PGM');
  const [whole, w, h] = match;
  const width = Number(w);
  const height = Number(h);
  const pixels = file.subarray(whole.length);
  const data = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    data[i * 4] = data[i * 4 + 1] = data[i * 4 + 2] = pixels[i]!;
    data[i * 4 + 3] = 255;
  }
  return { width, height, data };
}
