import { startTestServer, type TestServer } from '@relance/server/testing';
import { formatHlc, todayLocal, uuidv7 } from '@relance/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Install, makeInstall, SERVER } from '../../test/installs';
import { todayWork } from '../background/services/today';
import { recordObservations } from '../repo/invoices';
import { getTeamSettings } from '../repo/teamSettings';
import { createInvite, createTeam, joinTeam } from './account';

/**
 * A lead's corrections from the dashboard (merge a duplicate client, delete a wrong invoice) reach
 * an install as ordinary pulled documents; the install applies them, and reading the same pages
 * again neither brings a deleted record back nor splits a merged one again.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

const HOST = 'erp.example.fr';
const TODAY = todayLocal(new Date());
const daysAgo = (n: number) => {
  const d = new Date(`${TODAY}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
};
const seen = (number: string, clientName: string, amountDueCents: number, late: number) => ({
  number,
  clientName,
  amountDueCents,
  currency: 'EUR',
  dueDate: daysAgo(late),
  host: HOST,
  url: `https://${HOST}/facture`,
});

async function team(): Promise<{ lead: Install; member: Install }> {
  const lead = makeInstall(server.url);
  await createTeam(
    { db: lead.db, fetch: lead.network.fetch },
    { serverUrl: SERVER, teamName: 'Boulangeries', personName: 'Léa' },
  );
  const { code } = await createInvite({ db: lead.db, fetch: lead.network.fetch });
  const member = makeInstall(server.url);
  await joinTeam(
    { db: member.db, fetch: member.network.fetch },
    { serverUrl: SERVER, code, personName: 'Max' },
  );
  return { lead, member };
}

async function call(install: Install, path: string, body: unknown) {
  const { token } = (await install.db.getState('account'))!;
  const res = await fetch(`${server.url}/api/v1${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status !== 200) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
  return res.json();
}

const live = async (install: Install) => ({
  clients: (await install.db.clients.toArray()).filter((c) => !c.deleted).map((c) => c.name),
  invoices: (await install.db.invoices.toArray())
    .filter((i) => !i.deleted)
    .map((i) => `${i.number} · ${i.clientName}`)
    .sort(),
});

describe('corrections pulled from the server', () => {
  it('a merged duplicate client and its twin invoice are one record; a deleted invoice stays deleted', async () => {
    const { lead, member } = await team();
    // What an install with the old reading pushed: a polluted client holding the same invoice.
    const dup = { client: uuidv7(), twin: uuidv7() };
    let ms = Date.now() - 60_000;
    const hlc = () => formatHlc({ ms: ++ms, counter: 0, node: 'old-install' });
    await call(lead, '/sync/push', {
      changes: [
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
          id: dup.twin,
          hlc: hlc(),
          data: {
            id: dup.twin,
            clientId: dup.client,
            ...seen('FA2610-0008 Aperçu pdf', 'BBoulangerie Martin', 120_000, 23),
          },
        },
      ],
    });
    // The member reads the list the right way, and syncs: the duplicate comes with the pull.
    const page = [
      seen('FA2610-0008', 'Boulangerie Martin', 120_000, 23),
      seen('FA2611-0041', 'Garage Dupont', 20_000, 8),
      seen('TOTAL-2026', 'Total général', 140_000, 8),
    ];
    const [first, , wrong] = await recordObservations(member.ctx, page);
    expect(await member.engine.run('write')).toMatchObject({ status: 'ok' });
    expect((await live(member)).clients.sort()).toEqual(
      ['BBoulangerie Martin', 'Boulangerie Martin', 'Garage Dupont', 'Total général'].sort(),
    );
    const settings = await getTeamSettings(member.db);
    const before = await todayWork(member.db, settings, TODAY);
    expect(before.overdueTotals).toEqual([{ currency: 'EUR', cents: 400_000, count: 4 }]);

    // The lead merges the duplicate client into the clean one, and deletes the "invoice" that is a total row.
    await call(lead, '/corrections', {
      action: 'merge',
      kind: 'client',
      id: dup.client,
      into: first!.client.id,
    });
    await call(lead, '/corrections', { action: 'delete', kind: 'client', id: wrong!.client.id });
    expect(await member.engine.run('alarm')).toMatchObject({ status: 'ok' });

    expect(await live(member)).toEqual({
      clients: ['Boulangerie Martin', 'Garage Dupont'],
      invoices: ['FA2610-0008 · Boulangerie Martin', 'FA2611-0041 · Garage Dupont'],
    });
    expect(await member.db.merges.get(dup.twin)).toMatchObject({ kind: 'invoice', into: first!.invoice.id });
    const after = await todayWork(member.db, settings, TODAY);
    expect(after.overdueTotals).toEqual([{ currency: 'EUR', cents: 140_000, count: 2 }]);
    expect(after.groups.map((g) => g.clientName).sort()).toEqual(['Boulangerie Martin', 'Garage Dupont']);

    // Reading the same page again: the deleted row is left out and does not come back.
    const again = await recordObservations(member.ctx, page);
    expect(again.map((r) => `${r.invoice.number} · ${r.client.name}`)).toEqual([
      'FA2610-0008 · Boulangerie Martin',
      'FA2611-0041 · Garage Dupont',
    ]);
    expect(await member.engine.run('write')).toMatchObject({ status: 'ok' });
    expect(await live(member)).toEqual({
      clients: ['Boulangerie Martin', 'Garage Dupont'],
      invoices: ['FA2610-0008 · Boulangerie Martin', 'FA2611-0041 · Garage Dupont'],
    });
    // And the lead's own install, pulling everything, agrees.
    expect(await lead.engine.run('alarm')).toMatchObject({ status: 'ok' });
    expect(await live(lead)).toEqual(await live(member));
  });
});
