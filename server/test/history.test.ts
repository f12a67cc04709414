import type { Membership } from '@relance/shared';
import { uuidv7 } from '@relance/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInvite, joinTeam } from '../src/services/invites';
import { activityChange, clientChange, hlc, invoiceChange, noteChange, T0 } from '../testing';
import { body, client, drivers, openContext, type TestContext } from './support/context';
import { parseCsv } from './support/csv';

describe.each(drivers())('history and CSV export ($name)', (driver) => {
  let ctx: TestContext;
  let owner: Membership;
  let member: Membership;
  const dupont = uuidv7();
  const martin = uuidv7();
  const inv1 = uuidv7();
  const inv2 = uuidv7();
  const ids = { reminder: uuidv7(), call: uuidv7(), promise: uuidv7(), comment: uuidv7(), payment: uuidv7() };
  const noteId = uuidv7();
  const deletedNoteId = uuidv7();

  beforeAll(async () => {
    ctx = await openContext(driver);
    owner = await ctx.team('Cabinet Dupuis');
    const { code } = await createInvite(ctx.db, { teamId: owner.team.id });
    member = await joinTeam(ctx.db, { code, personName: 'Hélène Müller' });
    const asOwner = client(ctx.app, owner.token);
    const asMember = client(ctx.app, member.token);
    const ok = async (res: Response) => {
      const { results } = await body(res);
      expect(results.map((r: { status: string }) => r.status).every((s: string) => s === 'accepted')).toBe(
        true,
      );
    };
    await ok(
      await asOwner.push([
        clientChange({ id: dupont, name: 'Dupont; Fils & "Associés"' }, hlc(T0)),
        clientChange({ id: martin, name: 'Martin Élec' }, hlc(T0)),
        invoiceChange({ id: inv1, clientId: dupont, number: 'F-2026-001' }, hlc(T0)),
        invoiceChange({ id: inv2, clientId: dupont, number: 'F-2026-002' }, hlc(T0)),
        activityChange({
          id: ids.reminder,
          type: 'reminder',
          stage: 'reminder-2',
          channel: 'gmail',
          clientId: dupont,
          invoiceIds: [inv1, inv2],
          date: '2026-03-01',
          at: '2026-03-01T08:15:00.000Z',
          subject: 'Relance formelle : factures F-2026-001 et F-2026-002',
        }),
        activityChange({
          id: ids.promise,
          type: 'promise-to-pay',
          clientId: dupont,
          invoiceIds: [inv1],
          date: '2026-03-05',
          at: '2026-03-05T10:00:00.000Z',
          promisedDate: '2026-03-20',
          amountCents: 123456,
          comment: '=HYPERLINK("http://evil.example","cliquez")',
        }),
      ]),
    );
    await ok(
      await asMember.push([
        activityChange({
          id: ids.call,
          type: 'call',
          clientId: martin,
          date: '2026-03-03',
          at: '2026-03-03T14:00:00.000Z',
          outcome: '-Répondeur, rappeler\nlundi',
        }),
        activityChange({
          id: ids.comment,
          type: 'comment',
          clientId: martin,
          date: '2026-03-07',
          at: '2026-03-07T09:00:00.000Z',
          text: '+33 6 12 34 56 78 à rappeler, 100% sûr',
        }),
        activityChange({
          id: ids.payment,
          type: 'payment-received',
          clientId: dupont,
          invoiceIds: [inv2],
          date: '2026-03-10',
          at: '2026-03-10T16:45:00.000Z',
          amountCents: -5,
          comment: '@SUM(A1:A9) avoir',
        }),
        noteChange(
          { id: noteId, clientId: dupont, text: 'Préfère être appelé le matin', invoiceId: inv1 },
          hlc(T0),
        ),
        noteChange({ id: deletedNoteId, clientId: dupont, text: 'brouillon' }, hlc(T0)),
      ]),
    );
    await ok(
      await asMember.push([
        {
          ...noteChange({ id: deletedNoteId, clientId: dupont, text: 'brouillon' }, hlc(T0 + 1)),
          deleted: true,
        },
      ]),
    );
  });
  afterAll(() => ctx.close());

  const history = async (query = '') => {
    const res = await client(ctx.app, owner.token).get(`/api/v1/history${query}`);
    expect(res.status).toBe(200);
    return body(res);
  };
  const idsOf = (page: { items: { id: string }[] }) => page.items.map((i) => i.id);
  const activityIds = (page: { items: { id: string; kind: string }[] }) =>
    page.items.filter((i) => i.kind === 'activity').map((i) => i.id);

  it('lists activities and notes newest first, with authors, clients and invoice numbers', async () => {
    const page = await history();
    expect(page.total).toBe(6);
    // The note was written today, after every activity's business date.
    expect(idsOf(page)).toEqual([noteId, ids.payment, ids.comment, ids.promise, ids.call, ids.reminder]);
    const reminder = page.items.find((i: { id: string }) => i.id === ids.reminder);
    expect(reminder).toMatchObject({
      kind: 'activity',
      type: 'reminder',
      clientId: dupont,
      clientName: 'Dupont; Fils & "Associés"',
      invoiceIds: [inv1, inv2],
      invoiceNumbers: ['F-2026-001', 'F-2026-002'],
      date: '2026-03-01',
      at: '2026-03-01T08:15:00.000Z',
      authorId: owner.person.id,
      authorName: owner.person.name,
      data: { stage: 'reminder-2', channel: 'gmail' },
    });
    expect(page.items[0]).toMatchObject({
      kind: 'note',
      type: 'note',
      authorName: 'Hélène Müller',
      invoiceNumbers: ['F-2026-001'],
    });
  });

  it('filters by client, invoice, person, type, dates and words', async () => {
    expect(activityIds(await history(`?clientId=${martin}`))).toEqual([ids.comment, ids.call]);
    expect(idsOf(await history(`?invoiceId=${inv1}`))).toEqual([noteId, ids.promise, ids.reminder]);
    expect(idsOf(await history(`?personId=${owner.person.id}`))).toEqual([ids.promise, ids.reminder]);
    expect(idsOf(await history('?type=call'))).toEqual([ids.call]);
    expect(idsOf(await history('?type=note'))).toEqual([noteId]);
    expect(activityIds(await history('?from=2026-03-03&to=2026-03-07'))).toEqual([
      ids.comment,
      ids.promise,
      ids.call,
    ]);
    expect(idsOf(await history('?from=2026-03-03&to=2026-03-07&type=note'))).toEqual([]);
    expect(idsOf(await history('?q=RAPPELER'))).toEqual([ids.comment, ids.call]);
    expect(idsOf(await history('?q=matin'))).toEqual([noteId]);
    // LIKE wildcards in the words are plain characters.
    expect(idsOf(await history(`?q=${encodeURIComponent('100%')}`))).toEqual([ids.comment]);
    expect(idsOf(await history(`?q=${encodeURIComponent('_')}`))).toEqual([]);
    expect(
      idsOf(await history(`?clientId=${dupont}&type=payment-received&personId=${member.person.id}`)),
    ).toEqual([ids.payment]);
  });

  it('pages with limit and offset, with the total of the whole filter', async () => {
    const first = await history('?limit=4');
    const second = await history('?limit=4&offset=4');
    expect(first).toMatchObject({ total: 6, limit: 4, offset: 0 });
    expect(second.items).toHaveLength(2);
    expect([...idsOf(first), ...idsOf(second)]).toEqual(idsOf(await history()));
    expect(await history('?offset=50')).toMatchObject({ items: [], total: 6 });
  });

  it('pages by cursor: items added between pages neither repeat nor shift what follows', async () => {
    const team = await ctx.team();
    const api = client(ctx.app, team.token);
    const clientId = uuidv7();
    const days = ['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05'];
    await api.push(days.map((date) => activityChange({ clientId, date })));
    const page = async (query: string) => body(await api.get(`/api/v1/history${query}`));
    const first = await page('?limit=2');
    expect(first.items.map((i: { date: string }) => i.date)).toEqual(['2026-03-05', '2026-03-04']);
    expect(first.nextCursor).toEqual(expect.any(String));
    // Two newer entries arrive between the pages: offset paging would show 2026-03-04 again.
    await api.push([
      activityChange({ clientId, date: '2026-03-06' }),
      activityChange({ clientId, date: '2026-03-07' }),
    ]);
    const second = await page(`?limit=2&cursor=${first.nextCursor}`);
    expect(second.items.map((i: { date: string }) => i.date)).toEqual(['2026-03-03', '2026-03-02']);
    expect(second.total).toBe(7);
    const third = await page(`?limit=2&cursor=${second.nextCursor}`);
    expect(third.items.map((i: { date: string }) => i.date)).toEqual(['2026-03-01']);
    expect(third.nextCursor).toBeNull();
    // A cursor that is not one is a 400.
    for (const bad of ['nope', Buffer.from('[1,2,3]').toString('base64url'), '%00']) {
      expect((await api.get(`/api/v1/history?cursor=${bad}`)).status).toBe(400);
    }
  });

  async function csv(query: string) {
    const res = await client(ctx.app, owner.token).get(`/api/v1/history.csv${query}`);
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    return { res, bytes, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) };
  }

  it('exports CSV for French Excel: BOM, semicolons, decimal commas, quoting and no formulas', async () => {
    const { res, bytes, text } = await csv('');
    expect(res.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('Content-Disposition')).toMatch(
      /^attachment; filename="relance-historique-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(
      text.startsWith(
        '\uFEFFDate;Heure (Europe/Paris);Type;Client;Factures;Auteur;Étape;Canal;Montant;Détails;Identifiant\r\n',
      ),
    ).toBe(true);

    const rows = parseCsv(text.slice(1), ';');
    expect(rows).toHaveLength(7);
    const byId = new Map(rows.slice(1).map((r) => [r[10], r]));
    expect(byId.get(ids.reminder)).toEqual([
      '2026-03-01',
      '09:15', // 08:15 UTC is 09:15 in Paris, the team's time zone by default
      'Relance',
      'Dupont; Fils & "Associés"',
      'F-2026-001, F-2026-002',
      owner.person.name,
      'Relance formelle',
      'Gmail',
      '',
      'Relance formelle : factures F-2026-001 et F-2026-002',
      ids.reminder,
    ]);
    const promise = byId.get(ids.promise)!;
    expect(promise[2]).toBe('Promesse de paiement');
    expect(promise[8]).toBe('1234,56');
    // A formula in the middle of a cell is inert text; only a cell's first character matters.
    expect(promise[9]).toBe(
      'Paiement promis pour le 20/03/2026 · =HYPERLINK("http://evil.example","cliquez")',
    );
    expect(byId.get(ids.call)![9]).toBe("'-Répondeur, rappeler\nlundi");
    expect(byId.get(ids.comment)![9]).toBe("'+33 6 12 34 56 78 à rappeler, 100% sûr");
    const payment = byId.get(ids.payment)!;
    expect(payment[8]).toBe('-0,05'); // our own number: not mistaken for a formula
    expect(payment[9]).toBe("'@SUM(A1:A9) avoir");
    expect(byId.get(noteId)).toMatchObject({
      2: 'Note',
      5: 'Hélène Müller',
      9: 'Préfère être appelé le matin',
    });
    // No cell of the file starts a formula.
    for (const row of rows.slice(1))
      for (const cell of row.slice(0, 8).concat(row.slice(9))) expect(cell).not.toMatch(/^[=+\-@]/);
  });

  it('exports CSV in English with commas and decimal points, honouring the filters', async () => {
    const { res, text } = await csv(`?lang=en&clientId=${dupont}&type=promise-to-pay`);
    expect(res.headers.get('Content-Disposition')).toMatch(/relance-history-/);
    const rows = parseCsv(text.slice(1), ',');
    expect(rows[0]).toEqual([
      'Date',
      'Time (Europe/Paris)',
      'Type',
      'Client',
      'Invoices',
      'Author',
      'Stage',
      'Channel',
      'Amount',
      'Details',
      'ID',
    ]);
    expect(rows).toHaveLength(2);
    expect(rows[1]!.slice(0, 5)).toEqual([
      '2026-03-05',
      '11:00',
      'Promise to pay',
      'Dupont; Fils & "Associés"',
      'F-2026-001',
    ]);
    expect(rows[1]![8]).toBe('1234.56');
    expect(rows[1]![9]).toMatch(/^Payment promised for 20 Mar 2026 · =HYPERLINK/);
  });
});
