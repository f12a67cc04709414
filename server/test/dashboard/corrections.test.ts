import { type Membership, type PulledChange, uuidv7 } from '@relance/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityChange, clientChange, invoiceChange, noteChange } from '../../testing';
import { type DashboardHarness, dashboardSignIn, openHarness } from '../../testing/dashboard';

/**
 * A lead merges or deletes a wrong client or invoice (issue 11): on the dashboard's client page or
 * through `POST /api/v1/corrections`. The correction is stored as ordinary synced documents, which
 * a teammate's pull brings, and the dashboard's figures count the merged records once.
 */
const TODAY = '2026-03-12';
const HOST = 'erp.example.fr';

describe('corrections of wrong clients and invoices', () => {
  let h: DashboardHarness;
  let owner: Membership;
  let lead: Membership;
  let member: Membership;
  let stranger: Membership;

  beforeAll(async () => {
    h = await openHarness(TODAY);
    owner = await h.team('Atelier Correct');
    lead = await h.join(owner, 'Léa Lead', 'lead');
    member = await h.join(owner, 'Max Member');
    stranger = await h.team('Autre Équipe');
  });
  afterAll(() => h?.close());

  const api = (token: string, body: unknown) =>
    h.app.request('/api/v1/corrections', {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const form = async (token: string, fields: Record<string, string>, origin = 'http://localhost') =>
    h.app.request('/dashboard/corrections', {
      method: 'POST',
      headers: {
        Cookie: await dashboardSignIn(h.app, token),
        Origin: origin,
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams(fields).toString(),
    });
  async function pull(token: string): Promise<PulledChange[]> {
    const res = await h.app.request('/api/v1/sync/pull?since=0&limit=1000', {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { changes: PulledChange[] }).changes;
  }
  /** The latest pulled write of each document. */
  async function latest(token: string) {
    const docs = new Map<string, Extract<PulledChange, { kind: 'document' }>>();
    for (const change of await pull(token)) {
      if (change.kind === 'document') docs.set(`${change.docType}:${change.id}`, change);
    }
    return docs;
  }
  const overdueNumbers = async (token: string) => {
    const html = await (await h.get('/dashboard/overdue', token)).text();
    return [...html.matchAll(/data-invoice-number="([^"]+)"/g)].map((m) => m[1]).sort();
  };

  /** A clean client and a polluted duplicate holding the same invoice read twice, and one of its own. */
  async function seedDuplicate(team: Membership) {
    const ids = { clean: uuidv7(), dup: uuidv7(), inv: uuidv7(), twin: uuidv7(), own: uuidv7() };
    await h.push(team.token, [
      clientChange({ id: ids.clean, name: 'Boulangerie Martin' }),
      clientChange({ id: ids.dup, name: 'BBoulangerie Martin', emails: ['compta@martin.fr'] }),
      invoiceChange({
        id: ids.inv,
        number: 'FA2610-0008',
        clientId: ids.clean,
        clientName: 'Boulangerie Martin',
        amountDueCents: 120_000,
        dueDate: '2026-02-17',
        host: HOST,
      }),
      invoiceChange({
        id: ids.twin,
        number: 'FA2610-0008 !',
        clientId: ids.dup,
        clientName: 'BBoulangerie Martin',
        amountDueCents: 120_000,
        dueDate: '2026-02-17',
        host: HOST,
      }),
      invoiceChange({
        id: ids.own,
        number: 'FA2611-0041',
        clientId: ids.dup,
        clientName: 'BBoulangerie Martin',
        amountDueCents: 20_000,
        dueDate: '2026-03-04',
        host: HOST,
      }),
      noteChange({ clientId: ids.dup, text: 'Appeler le matin' }),
      activityChange({
        clientId: ids.dup,
        invoiceIds: [ids.own],
        type: 'call',
        date: '2026-03-10',
        at: '2026-03-10T09:00:00.000Z',
        outcome: 'Promet de regarder',
      }),
    ]);
    return ids;
  }

  it('a lead merges a duplicate client on its page: one client, each invoice counted once, teammates pull it', async () => {
    const ids = await seedDuplicate(owner);
    expect(await overdueNumbers(lead.token)).toEqual(['FA2610-0008', 'FA2610-0008 !', 'FA2611-0041']);

    const page = await (await h.get(`/dashboard/clients/${ids.dup}`, lead.token)).text();
    expect(page).toContain('data-correction="merge-client"');
    expect(page).toContain('Corriger une erreur de lecture');

    const res = await form(lead.token, {
      action: 'merge',
      kind: 'client',
      id: ids.dup,
      into: ids.clean,
      back: ids.dup,
      confirm: 'yes',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/dashboard/clients/${ids.clean}?corrected=merge`);

    // The figures: the twin is merged into the clean invoice, the other invoice moved.
    expect(await overdueNumbers(lead.token)).toEqual(['FA2610-0008', 'FA2611-0041']);
    const clients = await (await h.get('/dashboard/clients', lead.token)).text();
    expect(clients).not.toContain('BBoulangerie');
    const kept = await (await h.get(`/dashboard/clients/${ids.clean}?corrected=merge`, lead.token)).text();
    expect(kept).toContain('data-corrected="merge"');
    expect(kept).toContain('FA2611-0041');
    // The merged client's history reads as the kept client's.
    expect(kept).toContain('Promet de regarder');
    expect(kept).toContain('Appeler le matin');
    // The merged client's address leads to the client kept.
    const old = await h.get(`/dashboard/clients/${ids.dup}`, lead.token);
    expect(old.status).toBe(301);
    expect(old.headers.get('location')).toBe(`/dashboard/clients/${ids.clean}`);

    // A teammate's install pulls ordinary document writes, each with a server clock.
    const docs = await latest(member.token);
    expect(docs.get(`merge:${ids.dup}`)).toMatchObject({
      deleted: false,
      data: { id: ids.dup, kind: 'client', into: ids.clean },
      authorName: 'Léa Lead',
    });
    expect(docs.get(`merge:${ids.twin}`)?.data).toEqual({ id: ids.twin, kind: 'invoice', into: ids.inv });
    expect(docs.get(`client:${ids.dup}`)?.deleted).toBe(true);
    expect(docs.get(`invoice:${ids.twin}`)?.deleted).toBe(true);
    expect(docs.get(`invoice:${ids.own}`)).toMatchObject({
      deleted: false,
      data: { clientId: ids.clean, clientName: 'Boulangerie Martin' },
    });
    expect(docs.get(`merge:${ids.dup}`)?.hlc).toMatch(/:server$/);
    const note = [...docs.values()].find((d) => d.docType === 'note');
    expect(note?.data).toMatchObject({ clientId: ids.clean, text: 'Appeler le matin' });
  });

  it('deletes a wrong invoice and a wrong client (with its invoices) through the API', async () => {
    const ids = await seedDuplicate(owner);
    const wrong = await api(lead.token, { action: 'delete', kind: 'invoice', id: ids.twin });
    expect(wrong.status).toBe(200);
    expect(await wrong.json()).toMatchObject({ action: 'delete', kind: 'invoice', invoicesDeleted: 1 });

    const res = await api(owner.token, { action: 'delete', kind: 'client', id: ids.dup });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ invoicesDeleted: 1 });
    const docs = await latest(member.token);
    expect(docs.get(`client:${ids.dup}`)?.deleted).toBe(true);
    expect(docs.get(`invoice:${ids.own}`)?.deleted).toBe(true);
    expect(docs.get(`invoice:${ids.inv}`)?.deleted).toBe(false);
    // Already gone: nothing to delete again.
    expect((await api(owner.token, { action: 'delete', kind: 'client', id: ids.dup })).status).toBe(404);
  });

  it('merges one invoice into another on the form, back to the client page', async () => {
    const client = uuidv7();
    const a = uuidv7();
    const b = uuidv7();
    await h.push(owner.token, [
      clientChange({ id: client, name: 'Garage Dupont' }),
      invoiceChange({ id: a, number: 'F-7781', clientId: client, clientName: 'Garage Dupont', host: HOST }),
      invoiceChange({ id: b, number: 'F-7781 Aperçu pdf', clientId: client, clientName: 'Garage Dupont' }),
      noteChange({ clientId: client, invoiceId: b, text: 'Relancer après le 15' }),
    ]);
    const res = await form(owner.token, {
      action: 'merge',
      kind: 'invoice',
      id: b,
      into: a,
      back: client,
      confirm: 'yes',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/dashboard/clients/${client}?corrected=merge`);
    const docs = await latest(owner.token);
    expect(docs.get(`merge:${b}`)?.data).toEqual({ id: b, kind: 'invoice', into: a });
    expect(docs.get(`invoice:${b}`)?.deleted).toBe(true);
    expect(
      [...docs.values()].find((d) => d.docType === 'note' && d.data.clientId === client)?.data,
    ).toMatchObject({ invoiceId: a });
  });

  it('refuses bad input with 400, members with 403, and other teams’ records with 404', async () => {
    const ids = await seedDuplicate(owner);
    const bad = [
      'not json',
      {},
      { action: 'merge', kind: 'client', id: ids.dup },
      { action: 'merge', kind: 'client', id: ids.dup, into: ids.dup },
      { action: 'delete', kind: 'payment', id: ids.dup },
      { action: 'delete', kind: 'client', id: 'not-a-uuid' },
      { action: 'rename', kind: 'client', id: ids.dup },
    ];
    for (const body of bad) {
      const res = await api(lead.token, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(((await res.json()) as { error: string }).error).toMatch(/invalid|malformed/);
    }
    expect((await api(member.token, { action: 'delete', kind: 'client', id: ids.dup })).status).toBe(403);
    // Another team's lead cannot see, merge or delete this team's records.
    expect((await api(stranger.token, { action: 'delete', kind: 'client', id: ids.dup })).status).toBe(404);
    const theirs = uuidv7();
    await h.push(stranger.token, [clientChange({ id: theirs, name: 'Chez Eux' })]);
    expect(
      (await api(owner.token, { action: 'merge', kind: 'client', id: ids.dup, into: theirs })).status,
    ).toBe(404);
    // A client is not an invoice.
    expect(
      (await api(owner.token, { action: 'merge', kind: 'invoice', id: ids.dup, into: ids.inv })).status,
    ).toBe(404);
    // Nothing was written by any of these.
    expect((await latest(owner.token)).get(`client:${ids.dup}`)?.deleted).toBe(false);
  });

  it('the form needs its confirmation box, a same-origin post, and a lead', async () => {
    const ids = await seedDuplicate(owner);
    const fields = { action: 'delete', kind: 'client', id: ids.dup, back: ids.dup };
    const unconfirmed = await form(owner.token, fields);
    expect(unconfirmed.status).toBe(400);
    expect(await unconfirmed.text()).toContain('Cochez la case de confirmation');
    const incomplete = await form(owner.token, {
      action: 'merge',
      kind: 'client',
      id: ids.dup,
      confirm: 'yes',
    });
    expect(incomplete.status).toBe(400);
    expect((await form(owner.token, { ...fields, confirm: 'yes' }, 'http://evil.example')).status).toBe(403);
    expect((await form(member.token, { ...fields, confirm: 'yes' })).status).toBe(403);
    expect((await latest(owner.token)).get(`client:${ids.dup}`)?.deleted).toBe(false);
    const english = await h.app.request('/dashboard/corrections?lang=en', {
      method: 'POST',
      headers: {
        Cookie: await dashboardSignIn(h.app, owner.token),
        Origin: 'http://localhost',
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams(fields).toString(),
    });
    expect(await english.text()).toContain('Tick the confirmation box');
  });
});
