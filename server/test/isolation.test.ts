import type { Membership } from '@relance/shared';
import { uuidv7 } from '@relance/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInvite, joinTeam } from '../src/services/invites';
import { activityChange, clientChange, hlc, invoiceChange, noteChange, T0 } from '../testing';
import { body, client, drivers, openContext, pullAll, type TestContext } from './support/context';

describe.each(drivers())('a token of team A and team B ($name)', (driver) => {
  let ctx: TestContext;
  let a: Membership;
  let b: Membership;
  let bMember: Membership;
  const bClientId = uuidv7();
  const bInvoiceId = uuidv7();
  const bNoteId = uuidv7();
  const bActivity = activityChange({
    clientId: bClientId,
    invoiceIds: [bInvoiceId],
    type: 'comment',
    text: 'secret de B',
  });

  beforeAll(async () => {
    ctx = await openContext(driver);
    a = await ctx.team('Team A');
    b = await ctx.team('Team B');
    const { code } = await createInvite(ctx.db, { teamId: b.team.id });
    bMember = await joinTeam(ctx.db, { code, personName: 'Membre de B' });
    const res = await client(ctx.app, b.token).push([
      clientChange({ id: bClientId, name: 'Client de B' }, hlc(T0)),
      invoiceChange({ id: bInvoiceId, clientId: bClientId, number: 'B-2026-001' }, hlc(T0)),
      noteChange({ id: bNoteId, clientId: bClientId, text: 'note de B' }, hlc(T0)),
      bActivity,
    ]);
    expect((await body(res)).results.every((r: { status: string }) => r.status === 'accepted')).toBe(true);
  });
  afterAll(() => ctx.close());

  const bState = async () => JSON.stringify((await pullAll(ctx.app, b.token)).changes);

  it('pulls nothing of team B', async () => {
    expect(await pullAll(ctx.app, a.token)).toEqual({ changes: [], cursor: 0 });
  });

  it('reads no history, CSV line or note revision of team B', async () => {
    const asA = client(ctx.app, a.token);
    const history = await body(await asA.get(`/api/v1/history?clientId=${bClientId}`));
    expect(history).toMatchObject({ items: [], total: 0 });
    expect((await body(await asA.get('/api/v1/history'))).items).toEqual([]);
    const csv = await (await asA.get('/api/v1/history.csv?q=secret')).text();
    expect(csv.trim().split('\r\n')).toHaveLength(1);
    const revisions = await asA.get(`/api/v1/notes/${bNoteId}/revisions`);
    expect(revisions.status).toBe(404);
  });

  it('sees, changes and revokes no person of team B', async () => {
    const asA = client(ctx.app, a.token);
    const people = await body(await asA.get('/api/v1/people'));
    expect(people.people.map((p: { id: string }) => p.id)).toEqual([a.person.id]);
    expect((await asA.patch(`/api/v1/people/${bMember.person.id}`, { role: 'owner' })).status).toBe(404);
    expect((await asA.post(`/api/v1/people/${bMember.person.id}/revoke`)).status).toBe(404);
    expect((await client(ctx.app, bMember.token).get('/api/v1/me')).status).toBe(200);
    const bPeople = await body(await client(ctx.app, b.token).get('/api/v1/people'));
    expect(bPeople.people.find((p: { id: string }) => p.id === bMember.person.id).role).toBe('member');
  });

  it('writes nothing of team B when pushing with B’s ids, and learns nothing from them', async () => {
    const before = await bState();
    const asA = client(ctx.app, a.token);
    // The same ids in A name A's own records: accepted in A, unrelated to B's.
    const res = await asA.push([
      activityChange({ id: bActivity.activity.id, clientId: uuidv7(), type: 'call', outcome: 'A' }),
      noteChange({ id: bNoteId, clientId: bClientId, text: 'écrasement tenté par A' }, hlc(T0 + 60_000)),
      clientChange({ id: bClientId, name: 'renamed by A' }, hlc(T0 + 60_000)),
      { kind: 'document', docType: 'settings', id: b.team.id, hlc: hlc(T0), data: { companyName: 'pirate' } },
    ]);
    const { results } = await body(res);
    expect(results.map((r: { status: string }) => r.status)).toEqual([
      'accepted',
      'accepted',
      'accepted',
      'rejected',
    ]);
    expect(results[0].version).toBe(1);

    expect(await bState()).toBe(before);
    const bRevisions = await body(await client(ctx.app, b.token).get(`/api/v1/notes/${bNoteId}/revisions`));
    expect(bRevisions.revisions.map((r: { text: string }) => r.text)).toEqual(['note de B']);
    const aRevisions = await body(await asA.get(`/api/v1/notes/${bNoteId}/revisions`));
    expect(aRevisions.revisions.map((r: { text: string }) => r.text)).toEqual(['écrasement tenté par A']);
    // A's pull shows only what A wrote.
    const { changes } = await pullAll(ctx.app, a.token);
    expect(changes.map((c) => c.authorId)).toEqual([a.person.id, a.person.id, a.person.id]);
    expect(JSON.stringify(changes)).not.toContain('de B');
  });
});
