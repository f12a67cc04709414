import decodeQR from 'qr/decode.js';
import { describe, expect, it } from 'vitest';
import { fakeSiteApis } from '../../../test/fakeSites';
import { freshDb, testClock } from '../../../test/helpers';
import type { AnyRequest, ResponseOf } from '../../messages';
import { SyncEngine } from '../../sync/engine';
import { createHandlers } from '../handlers';
import { createRouter, type Sender } from '../router';
import { cityOf } from './reminders';

const ORIGIN = 'chrome-extension://test-id/';
const CONTENT: Sender = { url: 'https://factures.example.com/list', tab: { id: 3 } as Sender['tab'] };
const PAGE: Sender = { url: `${ORIGIN}options.html` };

function background() {
  const db = freshDb();
  const clock = testClock(Date.UTC(2026, 1, 24, 10)); // 24 February 2026
  const route = createRouter(
    createHandlers({
      db,
      engine: new SyncEngine({ db, now: clock.now }),
      fetch: () => Promise.reject(new Error('offline')),
      now: clock.now,
      sites: fakeSiteApis().apis,
      requestSync: () => {},
    }),
    ORIGIN,
  );
  async function ask<R extends AnyRequest>(
    request: R,
    sender: Sender = CONTENT,
  ): Promise<ResponseOf<R['type']>> {
    const envelope = await route(request, sender);
    if (!envelope.ok) throw Object.assign(new Error(envelope.error.message), { code: envelope.error.code });
    return envelope.value as ResponseOf<R['type']>;
  }
  return { db, clock, ask };
}

const seen = (number: string, dueDate: string, amountDueCents = 100_000) => ({
  number,
  clientName: 'Garage Dupont',
  amountDueCents,
  currency: 'EUR',
  dueDate,
  issueDate: '2026-01-01',
  host: 'factures.example.com',
  url: `https://factures.example.com/f/${number}`,
});

/** The QR modules as a grey image a reader can decode (4 px per module, quiet zone of 4 modules). */
function asImage(modules: boolean[][]) {
  const scale = 4;
  const size = (modules.length + 8) * scale;
  const data = new Uint8Array(size * size * 4).fill(255);
  for (const [y, row] of modules.entries()) {
    for (const [x, dark] of row.entries()) {
      if (!dark) continue;
      for (let dy = 0; dy < scale; dy++)
        for (let dx = 0; dx < scale; dx++) {
          const i = (((y + 4) * scale + dy) * size + (x + 4) * scale + dx) * 4;
          data[i] = data[i + 1] = data[i + 2] = 0;
        }
    }
  }
  return { width: size, height: size, data };
}

async function withCompany(bg: ReturnType<typeof background>) {
  const { settings } = { settings: (await bg.ask({ type: 'getSettings' }, PAGE)).team };
  await bg.ask(
    {
      type: 'saveTeamSettings',
      settings: {
        ...settings,
        companyName: 'Atelier Dupont',
        companyLegalName: 'Atelier Dupont SARL',
        companyAddress: '12 rue des Lilas\n69002 Lyon',
        companyRegistration: '123 456 789 00012',
        vatNumber: 'FR12123456789',
        iban: 'FR76 3000 6000 0112 3456 7890 189',
        bic: 'AGRIFRPP',
        paymentLink: 'https://pay.example/atelier',
      },
    },
    PAGE,
  );
}

describe('preparing a reminder', () => {
  it('signs with the sender’s own profile, states company and payment details, and a letter with a working QR code', async () => {
    const bg = background();
    await withCompany(bg);
    await bg.ask(
      {
        type: 'saveProfile',
        profile: { name: 'Karim Benali', role: 'Comptable', phone: '04 72 00 00 00', email: '' },
      },
      PAGE,
    );
    const { invoices } = await bg.ask({
      type: 'observeInvoices',
      observations: [seen('F-9', '2026-01-05', 120_000)],
    });
    await bg.ask({
      type: 'updateClient',
      clientId: invoices[0]!.clientId,
      patch: { address: '8 avenue Foch\n75016 Paris' },
    });
    const [r] = (await bg.ask({ type: 'prepareReminder', invoiceIds: [invoices[0]!.invoiceId] })).reminders;
    expect(r!.stage).toBe('formal-notice');
    expect(r!.body).toContain('Karim Benali\nComptable\nAtelier Dupont');
    expect(r!.body).toContain('IBAN FR76 3000 6000 0112 3456 7890 189');
    expect(r!.body).toContain('SIREN/SIRET : 123 456 789 00012');
    const letter = r!.letter!;
    expect(letter.placeAndDate).toBe('Lyon, le 24 février 2026');
    expect(letter.sender.slice(0, 3)).toEqual(['Atelier Dupont SARL', '12 rue des Lilas', '69002 Lyon']);
    expect(letter.recipient).toEqual({ name: 'Garage Dupont', address: ['8 avenue Foch', '75016 Paris'] });
    expect(letter.mention).toBe('Lettre recommandée avec accusé de réception');
    expect(letter.body).not.toContain('IBAN');
    expect(letter.footer.join(' ')).toContain('SIREN/SIRET 123 456 789 00012');
    // The QR code decodes to the EPC payload with the total claimed and the invoice as reference.
    const total = r!.totalDueCents + r!.latePayment!.interestCents + r!.latePayment!.indemnityCents;
    const payload = decodeQR(asImage(letter.payment!.qr!)).split('\n');
    expect(payload.slice(0, 7)).toEqual([
      'BCD',
      '002',
      '1',
      'SCT',
      'AGRIFRPP',
      'Atelier Dupont SARL',
      'FR7630006000011234567890189',
    ]);
    expect(payload[7]).toBe(`EUR${(total / 100).toFixed(2)}`);
    expect(payload[10]).toBe('facture F-9');
  });

  it('says why an invoice is paused, and keeps each invoice at its own stage', async () => {
    const bg = background();
    const { invoices } = await bg.ask({
      type: 'observeInvoices',
      observations: [seen('F-1', '2026-02-09'), seen('F-2', '2026-02-14'), seen('F-3', '2026-01-01')],
    });
    const [f1, f2] = invoices;
    await bg.ask({
      type: 'logActivity',
      activity: {
        type: 'dispute-opened',
        clientId: f1!.clientId,
        invoiceIds: [f1!.invoiceId],
        reason: 'Livraison incomplète',
      },
    });
    const paused = (await bg.ask({ type: 'prepareReminder', invoiceIds: [f1!.invoiceId] })).reminders[0]!;
    expect(paused.paused).toEqual([
      expect.objectContaining({
        number: 'F-1',
        reason: 'dispute',
        since: '2026-02-24',
        detail: 'Livraison incomplète',
      }),
    ]);
    // F-2 (+10, reminder-1) asked: F-3 (+54, formal notice) is not folded in, F-1 is paused.
    const r = (await bg.ask({ type: 'prepareReminder', invoiceIds: [f2!.invoiceId] })).reminders[0]!;
    expect([r.stage, r.invoiceIds, r.paused]).toEqual(['reminder-1', [f2!.invoiceId], []]);
  });

  it('writes in the client’s language, else the page’s, else the team’s', async () => {
    const bg = background();
    const { invoices } = await bg.ask({ type: 'observeInvoices', observations: [seen('F-1', '2026-02-14')] });
    const ask = async (language?: 'fr' | 'en') =>
      (
        await bg.ask({
          type: 'prepareReminder',
          invoiceIds: [invoices[0]!.invoiceId],
          ...(language ? { language } : {}),
        })
      ).reminders[0]!.language;
    expect(await ask()).toBe('fr');
    expect(await ask('en')).toBe('en');
    await bg.ask({ type: 'updateClient', clientId: invoices[0]!.clientId, patch: { language: 'fr' } });
    expect(await ask('en')).toBe('fr');
  });

  it('opens the collections file at the legal stage, never a message', async () => {
    const bg = background();
    const { invoices } = await bg.ask({ type: 'observeInvoices', observations: [seen('F-7', '2025-12-01')] });
    const r = (await bg.ask({ type: 'prepareReminder', invoiceIds: [invoices[0]!.invoiceId] })).reminders[0]!;
    expect([r.stage, r.kind]).toEqual(['legal', 'legal']);
    expect(r.collectionsFile!.warnings[0]).toMatch(/Aucune mise en demeure/);
    expect(r.collectionsFile!.courtForm.find((f) => f.label === 'Débiteur')?.value).toBe('Garage Dupont');
  });
});

describe('correcting the timeline', () => {
  it('withdraws a reminder logged by mistake: the action is due again; only its author may', async () => {
    const bg = background();
    const { invoices } = await bg.ask({ type: 'observeInvoices', observations: [seen('F-1', '2026-02-14')] });
    const [f1] = invoices;
    const { activity } = await bg.ask({
      type: 'logActivity',
      activity: {
        type: 'reminder',
        clientId: f1!.clientId,
        invoiceIds: [f1!.invoiceId],
        stage: 'reminder-1',
        channel: 'gmail',
      },
    });
    const badge = async () =>
      (await bg.ask({ type: 'observeInvoices', observations: [seen('F-1', '2026-02-14')] })).invoices[0]!;
    expect((await badge()).actionDue).toBe(false);
    let timeline = await bg.ask({ type: 'getClientTimeline', clientId: f1!.clientId });
    expect(timeline.mine).toEqual([activity.id]);
    expect(timeline.invoices.map((i) => i.number)).toEqual(['F-1']);

    await bg.ask({ type: 'voidActivity', activityId: activity.id, reason: 'pas envoyée' });
    expect(await badge()).toMatchObject({ actionDue: true, stage: 'reminder-1' });
    timeline = await bg.ask({ type: 'getClientTimeline', clientId: f1!.clientId });
    expect(timeline.voided).toEqual([activity.id]);
    expect(timeline.mine).toEqual([]);
    await expect(bg.ask({ type: 'voidActivity', activityId: activity.id })).rejects.toMatchObject({
      code: 'already-withdrawn',
    });

    // A teammate's entry cannot be withdrawn from here.
    await bg.db.setState('account', {
      serverUrl: 'https://relance.example.com',
      token: 'tok_0123456789',
      team: { id: crypto.randomUUID(), name: 'Atelier' },
      person: { id: 'me', name: 'Alice', role: 'member' },
    });
    await bg.db.activities.put({ ...activity, id: crypto.randomUUID(), authorId: 'bob' });
    const bobs = (await bg.db.activities.toArray()).find((a) => a.authorId === 'bob')!;
    await expect(bg.ask({ type: 'voidActivity', activityId: bobs.id })).rejects.toMatchObject({
      code: 'not-your-entry',
    });
  });

  it('corrects a promise: the new date holds, the old one no longer counts', async () => {
    const bg = background();
    const { invoices } = await bg.ask({ type: 'observeInvoices', observations: [seen('F-1', '2026-02-14')] });
    const [f1] = invoices;
    const { activity } = await bg.ask({
      type: 'logActivity',
      activity: {
        type: 'promise-to-pay',
        clientId: f1!.clientId,
        invoiceIds: [f1!.invoiceId],
        promisedDate: '2026-02-25',
      },
    });
    const { replacement } = await bg.ask({
      type: 'voidActivity',
      activityId: activity.id,
      replacement: {
        type: 'promise-to-pay',
        clientId: f1!.clientId,
        invoiceIds: [f1!.invoiceId],
        promisedDate: '2026-03-10',
      },
    });
    expect(replacement?.type).toBe('promise-to-pay');
    const view = (await bg.ask({ type: 'observeInvoices', observations: [seen('F-1', '2026-02-14')] }))
      .invoices[0]!;
    expect(view.pause).toEqual({ reason: 'promise-to-pay', until: '2026-03-10' });
  });
});

describe('the town letters are dated from', () => {
  it('comes from the settings, else from the last address line', () => {
    expect(cityOf({ companyCity: 'Lyon', companyAddress: '' })).toBe('Lyon');
    expect(cityOf({ companyCity: '', companyAddress: '12 rue des Lilas\n69002 Lyon' })).toBe('Lyon');
    expect(cityOf({ companyCity: '', companyAddress: 'BP 12\n75011 Paris Cedex 11' })).toBe('Paris');
  });
});
