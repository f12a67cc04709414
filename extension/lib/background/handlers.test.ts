import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { fakeSiteApis } from '../../test/fakeSites';
import { freshDb, testClock } from '../../test/helpers';
import { type AnyRequest, type ResponseOf, sendMessage } from '../messages';
import { SyncEngine } from '../sync/engine';
import { createHandlers } from './handlers';
import { createRouter, listenForMessages, type Sender } from './router';
import { INVOICING_SCRIPT, registerMissing } from './sites';

const ORIGIN = 'chrome-extension://test-id/';
const PAGE: Sender = { url: `${ORIGIN}options.html` };
const CONTENT: Sender = { url: 'https://factures.example.com/list', tab: { id: 3 } as Sender['tab'] };

function background(granted: string[] = []) {
  const db = freshDb();
  const clock = testClock(Date.UTC(2026, 1, 24, 10)); // 24 February 2026
  const sites = fakeSiteApis(granted);
  let syncRequests = 0;
  const handlers = createHandlers({
    db,
    engine: new SyncEngine({ db, now: clock.now }),
    fetch: () => Promise.reject(new Error('no network in these tests')),
    now: clock.now,
    sites: sites.apis,
    requestSync: () => {
      syncRequests++;
    },
  });
  const route = createRouter(handlers, ORIGIN);
  async function ask<R extends AnyRequest>(
    request: R,
    sender: Sender = CONTENT,
  ): Promise<ResponseOf<R['type']>> {
    const envelope = await route(request, sender);
    if (!envelope.ok) throw Object.assign(new Error(envelope.error.message), { code: envelope.error.code });
    return envelope.value as ResponseOf<R['type']>;
  }
  return { db, clock, sites, route, ask, syncRequests: () => syncRequests };
}

const seen = (number: string, dueDate: string, amountDueCents = 100_000, clientName = 'ACME SARL') => ({
  number,
  clientName,
  amountDueCents,
  currency: 'EUR',
  dueDate,
  issueDate: '2026-01-01',
  host: 'factures.example.com',
  url: `https://factures.example.com/f/${number}`,
  clientEmails: ['compta@acme.fr'],
});

describe('background messages', () => {
  it('observeInvoices answers the policy state of each invoice and asks for a sync', async () => {
    const bg = background();
    const { invoices } = await bg.ask({
      type: 'observeInvoices',
      observations: [seen('F-1', '2026-02-01'), seen('F-2', '2026-02-27')],
    });
    expect(invoices[0]).toMatchObject({
      number: 'F-1',
      daysOverdue: 23,
      stage: 'reminder-2',
      actionDue: true,
      nextStage: { stage: 'payment-plan', date: '2026-03-03' },
    });
    expect(invoices[1]).toMatchObject({ number: 'F-2', daysOverdue: -3, stage: 'courtesy', actionDue: true });
    expect(bg.syncRequests()).toBe(1);
  });

  it('a logged reminder marks the action done and shows as the last reminder; a dispute pauses', async () => {
    const bg = background();
    const [f1] = (await bg.ask({ type: 'observeInvoices', observations: [seen('F-1', '2026-02-01')] }))
      .invoices;
    await bg.ask({
      type: 'logActivity',
      activity: {
        type: 'reminder',
        clientId: f1!.clientId,
        invoiceIds: [f1!.invoiceId],
        stage: 'reminder-2',
        channel: 'gmail',
      },
    });
    const [after] = (await bg.ask({ type: 'observeInvoices', observations: [seen('F-1', '2026-02-01')] }))
      .invoices;
    expect(after).toMatchObject({
      actionDue: false,
      lastReminder: { date: '2026-02-24', channel: 'gmail', stage: 'reminder-2' },
    });

    await bg.ask({
      type: 'logActivity',
      activity: {
        type: 'dispute-opened',
        clientId: f1!.clientId,
        invoiceIds: [f1!.invoiceId],
        reason: 'ligne 2 contestée',
      },
    });
    const [paused] = (await bg.ask({ type: 'observeInvoices', observations: [seen('F-1', '2026-02-01')] }))
      .invoices;
    expect(paused).toMatchObject({ stage: 'paused', actionDue: false, pause: { reason: 'dispute' } });
  });

  it('a payment the team recorded lowers what the popup, the compose panel and the reminder claim', async () => {
    const bg = background();
    const [f1] = (
      await bg.ask({
        type: 'observeInvoices',
        observations: [{ ...seen('F-1', '2026-02-01'), totalCents: 100_000 }],
      })
    ).invoices;
    await bg.ask({
      type: 'logActivity',
      activity: {
        type: 'payment-received',
        clientId: f1!.clientId,
        invoiceIds: [f1!.invoiceId],
        amountCents: 40_000,
        settles: false,
      },
    });
    const today = await bg.ask({ type: 'getTodayWork' });
    expect(today.overdueTotals).toEqual([{ currency: 'EUR', cents: 60_000, count: 1 }]);
    expect(today.groups[0]!.invoices[0]).toMatchObject({ amountDueCents: 100_000, outstandingCents: 60_000 });
    const { clients } = await bg.ask({ type: 'findClientsByEmail', emails: ['compta@acme.fr'] });
    expect(clients[0]).toMatchObject({ overdueCount: 1, overdueTotalCents: 60_000 });
    const { reminders } = await bg.ask({ type: 'prepareReminder', invoiceIds: [f1!.invoiceId] });
    expect(reminders[0]).toMatchObject({ totalDueCents: 60_000 });
    expect(reminders[0]!.body).toContain('600,00');
    expect(reminders[0]!.body).not.toMatch(/1\s000,00/);
  });

  it('rejects an invalid activity with a readable error', async () => {
    const bg = background();
    await expect(
      bg.ask({
        type: 'logActivity',
        activity: {
          type: 'promise-to-pay',
          clientId: 'not-a-uuid',
          invoiceIds: [],
          promisedDate: '2026-02-30',
        },
      }),
    ).rejects.toMatchObject({ code: 'invalid-activity' });
  });

  it('prepareReminder groups the client invoices due into one French message with late-payment amounts', async () => {
    const bg = background();
    const { invoices } = await bg.ask({
      type: 'observeInvoices',
      observations: [seen('F-1', '2026-01-05', 120_000), seen('F-2', '2026-01-20', 30_000)],
    });
    // F-1 is 50 days late (formal notice), F-2 35 (payment plan): a formal notice never covers an
    // amicable invoice, so each is its own message.
    const { reminders } = await bg.ask({ type: 'prepareReminder', invoiceIds: [invoices[1]!.invoiceId] });
    expect(reminders).toHaveLength(1);
    const [r] = reminders;
    expect(r).toMatchObject({
      clientName: 'ACME SARL',
      stage: 'payment-plan',
      kind: 'amicable',
      language: 'fr',
      recipients: ['compta@acme.fr'],
      totalDueCents: 30_000,
      currency: 'EUR',
    });
    expect(r!.invoiceIds).toEqual([invoices[1]!.invoiceId]);
    expect(r!.body).toContain('F-2');
    expect(r!.body).not.toContain('F-1');
    expect(r!.latePayment!.indemnityCents).toBe(4_000); // 40 € per invoice
    expect(r!.latePayment!.interestCents).toBeGreaterThan(0);
    expect(r!.recentReminder).toBeUndefined();
    const notice = (await bg.ask({ type: 'prepareReminder', invoiceIds: [invoices[0]!.invoiceId] }))
      .reminders[0]!;
    expect([notice.stage, notice.kind, notice.invoiceIds]).toEqual([
      'formal-notice',
      'formal-notice',
      [invoices[0]!.invoiceId],
    ]);
  });

  it('findClientsByEmail gives the overdue count and total, and warns after a recent reminder', async () => {
    const bg = background();
    const { invoices } = await bg.ask({
      type: 'observeInvoices',
      observations: [
        seen('F-1', '2026-02-01', 100_000),
        seen('F-2', '2026-02-10', 23_000),
        seen('F-3', '2026-03-30', 5_000),
      ],
    });
    let { clients } = await bg.ask({ type: 'findClientsByEmail', emails: ['Compta@ACME.fr', 'other@x.fr'] });
    expect(clients).toHaveLength(1);
    expect(clients[0]).toMatchObject({
      overdueCount: 2,
      overdueTotalCents: 123_000,
      currency: 'EUR',
      remindedRecently: false,
    });
    await bg.ask({
      type: 'logActivity',
      activity: {
        type: 'reminder',
        clientId: invoices[0]!.clientId,
        invoiceIds: [invoices[0]!.invoiceId],
        stage: 'reminder-2',
        channel: 'email',
      },
    });
    // Working alone: one's own reminder is no teammate's.
    ({ clients } = await bg.ask({ type: 'findClientsByEmail', emails: ['compta@acme.fr'] }));
    expect(clients[0]).toMatchObject({ remindedRecently: false, lastReminder: { date: '2026-02-24' } });
    // In a team, a teammate's reminder warns.
    await bg.db.setState('account', {
      serverUrl: 'https://relance.example.com',
      token: 'tok_0123456789',
      team: { id: crypto.randomUUID(), name: 'Atelier' },
      person: { id: 'me', name: 'Alice', role: 'member' },
    });
    await bg.db.activities.update((await bg.db.activities.toArray()).find((a) => a.type === 'reminder')!.id, {
      authorId: 'bob',
      authorName: 'Bob',
    });
    ({ clients } = await bg.ask({ type: 'findClientsByEmail', emails: ['compta@acme.fr'] }));
    expect(clients[0]).toMatchObject({
      remindedRecently: true,
      lastReminder: { date: '2026-02-24', authorName: 'Bob' },
    });
    bg.clock.advance(6 * 86_400_000);
    ({ clients } = await bg.ask({ type: 'findClientsByEmail', emails: ['compta@acme.fr'] }));
    expect(clients[0]!.remindedRecently).toBe(false);
  });

  it('getTodayWork groups what is due by client, firmest first, with overdue totals', async () => {
    const bg = background();
    await bg.ask({
      type: 'observeInvoices',
      observations: [
        seen('F-1', '2026-02-10', 10_000, 'Boulangerie Martin'),
        seen('F-2', '2026-01-01', 20_000, 'ACME SARL'),
        seen('F-3', '2026-02-20', 30_000, 'ACME SARL'),
        { ...seen('F-4', '2026-01-01', 40_000, 'Payé SA'), status: 'paid' as const },
      ],
    });
    const work = await bg.ask({ type: 'getTodayWork' }, PAGE);
    expect(work.today).toBe('2026-02-24');
    expect(work.groups.map((g) => [g.clientName, g.invoices.map((i) => i.number)])).toEqual([
      ['ACME SARL', ['F-2', 'F-3']], // F-3's courtesy heads-up was never sent
      ['Boulangerie Martin', ['F-1']],
    ]);
    expect(work.overdueTotals).toEqual([{ currency: 'EUR', cents: 60_000, count: 3 }]);
  });

  it('getClientTimeline lists activities and notes newest first', async () => {
    const bg = background();
    const [f1] = (await bg.ask({ type: 'observeInvoices', observations: [seen('F-1', '2026-02-01')] }))
      .invoices;
    const clientId = f1!.clientId;
    await bg.ask({
      type: 'logActivity',
      activity: { type: 'call', clientId, invoiceIds: [], date: '2026-02-20' },
    });
    bg.clock.advance(60_000);
    await bg.ask({ type: 'addNote', clientId, text: 'Rappeler lundi' });
    const { client, entries } = await bg.ask({ type: 'getClientTimeline', clientId });
    expect(client).toMatchObject({ name: 'ACME SARL', emails: ['compta@acme.fr'] });
    expect(entries.map((e) => e.kind)).toEqual(['note', 'activity']);
  });

  it('keeps the account, settings and sites to the extension pages', async () => {
    const bg = background();
    const refused = await bg.route({ type: 'getSettings' }, CONTENT);
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await bg.route({ type: 'nope' }, PAGE)).toMatchObject({
      ok: false,
      error: { code: 'unknown-message' },
    });
    const status = await bg.ask({ type: 'getSyncStatus' });
    expect(status).toMatchObject({ mode: 'local-only', pending: 0 });
    expect(JSON.stringify(status)).not.toContain('token');
  });

  it('hands the dashboard address and token to an owner or lead on an extension page only', async () => {
    const bg = background();
    const sign = (role: string) =>
      bg.db.setState('account', {
        serverUrl: 'https://relance.example.com/equipe',
        token: 'tok_secret_0123456789',
        team: { id: crypto.randomUUID(), name: 'Atelier' },
        person: { id: crypto.randomUUID(), name: 'Alice', role },
      });
    await expect(bg.ask({ type: 'getDashboardAccess' }, PAGE)).rejects.toMatchObject({
      code: 'not-signed-in',
    });

    await sign('lead');
    expect(await bg.ask({ type: 'getDashboardAccess' }, PAGE)).toEqual({
      url: 'https://relance.example.com/equipe/dashboard',
      token: 'tok_secret_0123456789',
    });
    // A content script runs inside someone else's page: it never gets the token, whoever asks.
    const fromPage = await bg.route({ type: 'getDashboardAccess' }, CONTENT);
    expect(fromPage).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(JSON.stringify(fromPage)).not.toContain('tok_secret');
    const noUrl = await bg.route({ type: 'getDashboardAccess' }, { tab: { id: 4 } as Sender['tab'] });
    expect(noUrl).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    await sign('owner');
    expect((await bg.ask({ type: 'getDashboardAccess' }, PAGE)).token).toBe('tok_secret_0123456789');
    await sign('member');
    const member = await bg.route({ type: 'getDashboardAccess' }, PAGE);
    expect(member).toMatchObject({ ok: false, error: { code: 'dashboard-not-allowed' } });
    expect(JSON.stringify(member)).not.toContain('tok_secret');
  });

  it('settings: language and team settings round-trip; invalid settings are refused', async () => {
    const bg = background();
    expect(await bg.ask({ type: 'getSettings' }, PAGE)).toMatchObject({
      language: 'fr',
      team: { quietPeriodDays: 5 },
    });
    await bg.ask({ type: 'setLanguage', language: 'en' }, PAGE);
    const { team } = await bg.ask({ type: 'getSettings' }, PAGE);
    const saved = await bg.ask(
      { type: 'saveTeamSettings', settings: { ...team, companyName: 'Atelier Dupont' } },
      PAGE,
    );
    expect(saved).toMatchObject({ language: 'en', team: { companyName: 'Atelier Dupont' } });
    const broken = { ...team, schedule: [...team.schedule].reverse() };
    await expect(bg.ask({ type: 'saveTeamSettings', settings: broken }, PAGE)).rejects.toMatchObject({
      code: 'invalid-settings',
    });
  });

  it('welcome: the answer is kept beside the language, can be cleared, and only known answers are taken', async () => {
    const bg = background();
    expect((await bg.ask({ type: 'getSettings' }, PAGE)).welcome).toBeUndefined();
    expect(await bg.ask({ type: 'setWelcome', choice: 'team' }, PAGE)).toMatchObject({ welcome: 'team' });
    expect(await bg.ask({ type: 'setLanguage', language: 'en' }, PAGE)).toMatchObject({
      language: 'en',
      welcome: 'team',
    });
    const cleared = await bg.ask({ type: 'setWelcome', choice: null }, PAGE);
    expect(cleared.welcome).toBeUndefined();
    expect(cleared.language).toBe('en');
    await expect(
      bg.ask({ type: 'setWelcome', choice: 'everyone' as unknown as 'team' }, PAGE),
    ).rejects.toMatchObject({ code: 'invalid-welcome' });
  });

  it('sites: needs the permission first, registers the overlay, re-registers after a restart, removes', async () => {
    const bg = background();
    await expect(bg.ask({ type: 'addSite', pattern: 'factures.example.com' }, PAGE)).rejects.toMatchObject({
      code: 'permission-denied',
    });
    bg.sites.permissions.add('https://factures.example.com/*');
    const { sites } = await bg.ask(
      { type: 'addSite', pattern: 'https://factures.example.com/app/list' },
      PAGE,
    );
    expect(sites).toEqual([{ pattern: 'https://factures.example.com/*', granted: true, registered: true }]);
    expect([...bg.sites.scripts.values()][0]).toMatchObject({
      matches: ['https://factures.example.com/*'],
      js: [INVOICING_SCRIPT],
    });

    bg.sites.scripts.clear(); // the browser restarted (Firefox keeps no registrations)
    await registerMissing(bg.db, bg.sites.apis);
    await registerMissing(bg.db, bg.sites.apis); // twice is harmless
    expect(bg.sites.scripts.size).toBe(1);

    expect((await bg.ask({ type: 'removeSite', pattern: 'factures.example.com' }, PAGE)).sites).toEqual([]);
    expect(bg.sites.scripts.size).toBe(0);
    expect(bg.sites.permissions.size).toBe(0);
  });

  it('overlay setup: the install language and the taught mapping of the host', async () => {
    const bg = background();
    expect(await bg.ask({ type: 'getOverlaySetup', host: 'app.facturo.fr' })).toEqual({ language: 'fr' });
    const mapping = {
      host: 'app.facturo.fr',
      rowSelector: 'div.row',
      fields: {
        number: ':scope > :nth-child(1)',
        client: ':scope > :nth-child(2)',
        amount: '.amt',
        dueDate: '.due',
      },
    };
    await bg.ask({ type: 'saveSiteMapping', mapping });
    expect(await bg.ask({ type: 'getOverlaySetup', host: 'app.facturo.fr' })).toEqual({
      language: 'fr',
      mapping,
    });
    expect(await bg.ask({ type: 'getOverlaySetup', host: 'other.fr' })).toEqual({ language: 'fr' });
    await expect(
      bg.ask({ type: 'saveSiteMapping', mapping: { ...mapping, rowSelector: '' } }),
    ).rejects.toMatchObject({ code: 'invalid-mapping' });
  });

  it('sendMessage reaches the router through runtime messaging and unwraps errors', async () => {
    const bg = background();
    listenForMessages(fakeBrowser as never, bg.route);
    const status = await sendMessage({ type: 'getSyncStatus' });
    expect(status.mode).toBe('local-only');
    // The fake browser gives no sender url: treated like a content script.
    await expect(sendMessage({ type: 'getSettings' })).rejects.toMatchObject({ code: 'forbidden' });
  });
});
