import { pullResponse, pushResponse, uuidv7 } from '@relance/shared';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teams } from '../src/db/schema';
import { createInvite, joinTeam } from '../src/services/invites';
import { activityChange, clientChange, hlc, noteChange, T0 } from '../testing';
import { body, client, drivers, openContext, pullAll, type TestContext } from './support/context';

describe.each(drivers())('sync push and pull ($name)', (driver) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await openContext(driver);
  });
  afterAll(() => ctx.close());

  const teamVersion = async (teamId: string) =>
    (await ctx.db.select({ v: teams.version }).from(teams).where(eq(teams.id, teamId)))[0]!.v;

  it('stores a batch, answers one result per change in order, and pulls it back in version order', async () => {
    const { token, person } = await ctx.team();
    const api = client(ctx.app, token);
    const clientId = uuidv7();
    const call = activityChange({ clientId, authorId: 'someone-else', authorName: 'Mallory' });
    const clientDoc = clientChange({ id: clientId, name: 'Dupont SARL' }, hlc(T0));
    const noteDoc = noteChange(
      { id: uuidv7(), clientId, text: 'Appeler après 14 h', authorName: 'Mallory' },
      hlc(T0),
    );
    const res = await api.push([call, clientDoc, noteDoc]);
    expect(res.status).toBe(200);
    const { results } = pushResponse.parse(await body(res));
    expect(results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted']);
    expect(results.map((r) => r.id)).toEqual([call.activity.id, clientDoc.id, noteDoc.id]);
    expect(results.map((r) => r.version)).toEqual([1, 2, 3]);

    const pulled = pullResponse.parse(await body(await api.pull(0)));
    expect(pulled.cursor).toBe(3);
    expect(pulled.hasMore).toBe(false);
    expect(pulled.changes.map((c) => c.version)).toEqual([1, 2, 3]);
    // The author is whoever holds the token, whatever the client claimed.
    for (const c of pulled.changes) {
      expect(c.authorId).toBe(person.id);
      expect(c.authorName).toBe(person.name);
    }
    const [activity, , note] = pulled.changes;
    expect(activity).toMatchObject({
      kind: 'activity',
      activity: { id: call.activity.id, authorId: person.id, authorName: person.name },
    });
    expect(note).toMatchObject({
      kind: 'document',
      docType: 'note',
      data: { text: 'Appeler après 14 h', authorName: person.name },
    });
  });

  it('stores a batch pushed twice only once, and says so', async () => {
    const { team, token } = await ctx.team();
    const api = client(ctx.app, token);
    const noteId = uuidv7();
    const clientId = uuidv7();
    const batch = [
      activityChange({ clientId }),
      activityChange({ clientId, type: 'comment', text: 'vu au salon' }),
      noteChange({ id: noteId, clientId, text: 'Note' }, hlc(T0)),
      clientChange({ id: clientId, name: 'Martin & fils' }, hlc(T0)),
    ];
    const first = pushResponse.parse(await body(await api.push(batch)));
    const versionAfterFirst = await teamVersion(team.id);
    const second = pushResponse.parse(await body(await api.push(batch)));

    expect(first.results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted', 'accepted']);
    expect(second.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'duplicate', 'duplicate']);
    expect(second.results.map((r) => r.version)).toEqual(first.results.map((r) => r.version));
    expect(await teamVersion(team.id)).toBe(versionAfterFirst);
    expect((await pullAll(ctx.app, token)).changes).toHaveLength(4);
    const revisions = await body(await api.get(`/api/v1/notes/${noteId}/revisions`));
    expect(revisions.revisions).toHaveLength(1);
  });

  it('treats the same activity twice in one batch as a duplicate', async () => {
    const { token } = await ctx.team();
    const change = activityChange();
    const { results } = await body(await client(ctx.app, token).push([change, change]));
    expect(results.map((r: { status: string }) => r.status)).toEqual(['accepted', 'duplicate']);
    expect(results[1].version).toBe(results[0].version);
  });

  it('rejects a bad change alone, naming the field, and stores the rest', async () => {
    const { token } = await ctx.team();
    const api = client(ctx.app, token);
    const good1 = activityChange();
    const badDate = activityChange({ date: '2026-02-30' });
    const good2 = activityChange();
    const res = await api.push([
      good1,
      badDate,
      { kind: 'mystery' },
      noteChange({ id: uuidv7(), clientId: uuidv7(), text: 'nul \u0000 inside' }, hlc(T0)),
      noteChange({ id: uuidv7(), clientId: uuidv7(), text: 'half an emoji \ud83d' }, hlc(T0)),
      activityChange({ at: '0001-01-01T00:00:00Z' }),
      { kind: 'activity', activity: { ...good2.activity, type: 'reminder' } },
      'not even an object',
      good2,
    ]);
    expect(res.status).toBe(200);
    const { results } = await body(res);
    expect(results.map((r: { status: string }) => r.status)).toEqual([
      'accepted',
      'rejected',
      'rejected',
      'rejected',
      'rejected',
      'rejected',
      'rejected',
      'rejected',
      'accepted',
    ]);
    expect(results[1]).toMatchObject({
      id: badDate.activity.id,
      reason: expect.stringContaining('changes.1.activity.date'),
    });
    expect(results[2]).toMatchObject({ id: '2', reason: expect.stringContaining('changes.2.kind') });
    expect(results[3].reason).toMatch(/NUL/);
    expect(results[4].reason).toMatch(/Unicode/);
    expect(results[5].reason).toMatch(/changes\.5\.activity\.at/);
    expect(results[6].reason).toMatch(/changes\.6\.activity\.stage/);
    expect(results[7]).toMatchObject({ id: '7' });
    const { changes } = await pullAll(ctx.app, token);
    expect(changes.map((c) => c.kind === 'activity' && c.activity.id)).toEqual([
      good1.activity.id,
      good2.activity.id,
    ]);
  });

  it('keeps the newest write of a document and answers stale to an older one', async () => {
    const { token } = await ctx.team();
    const api = client(ctx.app, token);
    const id = uuidv7();
    const push = async (name: string, clock: string) =>
      (await body(await api.push([clientChange({ id, name }, clock)]))).results[0];

    expect(await push('v2', hlc(T0 + 2000))).toMatchObject({ status: 'accepted', version: 1 });
    expect(await push('v1', hlc(T0 + 1000))).toEqual({ id, status: 'stale' });
    expect(await push('v2', hlc(T0 + 2000))).toMatchObject({ status: 'duplicate', version: 1 });
    // Same millisecond: the node id breaks a tie of counters, a higher counter beats any node id.
    expect(await push('v3', hlc(T0 + 2000, 'nodeB'))).toMatchObject({ status: 'accepted', version: 2 });
    expect(await push('v4', hlc(T0 + 2000, 'nodeA', 1))).toMatchObject({ status: 'accepted', version: 3 });
    expect(await push('v3 again', hlc(T0 + 2000, 'nodeB'))).toEqual({ id, status: 'stale' });

    const { changes } = await pullAll(ctx.app, token);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ version: 3, data: { name: 'v4' }, hlc: hlc(T0 + 2000, 'nodeA', 1) });
  });

  it('keeps both revisions when two people edit one note at once', async () => {
    const owner = await ctx.team();
    const { code } = await createInvite(ctx.db, { teamId: owner.team.id });
    const member = await joinTeam(ctx.db, { code, personName: 'Zoé' });
    const noteId = uuidv7();
    const clientId = uuidv7();
    const asOwner = client(ctx.app, owner.token);
    const asMember = client(ctx.app, member.token);

    await asOwner.push([noteChange({ id: noteId, clientId, text: 'base' }, hlc(T0, 'owner'))]);
    // Both edit the base offline, then push at the same time; the owner's clock is later.
    const memberEdit = noteChange({ id: noteId, clientId, text: 'texte de Zoé' }, hlc(T0 + 1000, 'member'));
    const ownerEdit = noteChange({ id: noteId, clientId, text: 'texte du patron' }, hlc(T0 + 2000, 'owner'));
    const [m, o] = await Promise.all([asMember.push([memberEdit]), asOwner.push([ownerEdit])]);
    // Whichever commits first, the owner's edit wins; Zoé's is accepted or stale depending on the order.
    expect((await body(o)).results[0].status).toBe('accepted');
    expect(['accepted', 'stale']).toContain((await body(m)).results[0].status);
    // A late, older edit is stale but still kept; retrying it keeps it once.
    const lateEdit = noteChange({ id: noteId, clientId, text: 'vieille version' }, hlc(T0 + 500, 'member'));
    expect((await body(await asMember.push([lateEdit]))).results[0].status).toBe('stale');
    expect((await body(await asMember.push([lateEdit]))).results[0].status).toBe('stale');

    const res = await asOwner.get(`/api/v1/notes/${noteId}/revisions`);
    expect(res.status).toBe(200);
    const { revisions } = await body(res);
    expect(revisions.map((r: { text: string }) => r.text)).toEqual([
      'texte du patron',
      'texte de Zoé',
      'vieille version',
      'base',
    ]);
    expect(revisions.map((r: { authorName: string }) => r.authorName)).toEqual([
      owner.person.name,
      'Zoé',
      'Zoé',
      owner.person.name,
    ]);
    expect(revisions.map((r: { current: boolean }) => r.current)).toEqual([true, false, false, false]);
    const { changes } = await pullAll(ctx.app, member.token);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ data: { text: 'texte du patron' }, authorName: owner.person.name });
  });

  it('pages by version and never skips a document rewritten while a client pages', async () => {
    const { token } = await ctx.team();
    const api = client(ctx.app, token);
    const docIds = Array.from({ length: 12 }, () => uuidv7());
    await api.push(Array.from({ length: 13 }, () => activityChange()));
    await api.push(docIds.map((id, i) => clientChange({ id, name: `client ${i}` }, hlc(T0))));

    const seen = new Map<string, number>();
    const first = await body(await api.pull(0, 10));
    expect(first).toMatchObject({ hasMore: true, cursor: 10 });
    for (const c of first.changes) seen.set(c.kind === 'activity' ? c.activity.id : c.id, c.version);
    // Rewrite one document already pulled and one not yet reached.
    await api.push([
      clientChange({ id: docIds[11]!, name: 'renamed late' }, hlc(T0 + 1)),
      clientChange({ id: docIds[0]!, name: 'renamed early' }, hlc(T0 + 1)),
    ]);

    let cursor = first.cursor;
    const names = new Map<string, string>();
    for (;;) {
      const page = await body(await api.pull(cursor, 10));
      expect(page.changes.length).toBeLessThanOrEqual(10);
      for (const c of page.changes) {
        expect(c.version).toBeGreaterThan(cursor);
        seen.set(c.kind === 'activity' ? c.activity.id : c.id, c.version);
        if (c.kind === 'document') names.set(c.id, c.data.name);
      }
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    expect(seen.size).toBe(25);
    expect(cursor).toBe(27);
    expect(names.get(docIds[11]!)).toBe('renamed late');
    expect(names.get(docIds[0]!)).toBe('renamed early');
    // Past the end: nothing, and the cursor stays put.
    expect(await body(await api.pull(cursor))).toEqual({
      schemaVersion: 1,
      changes: [],
      cursor,
      hasMore: false,
    });
    // A cursor beyond the team's latest change is not silently answered with nothing.
    const ahead = await api.pull(500);
    expect(ahead.status).toBe(409);
    expect(await body(ahead)).toMatchObject({ error: 'cursor_ahead', reset: true, serverCursor: cursor });
  });

  it('pulls a deleted document as a tombstone', async () => {
    const { token } = await ctx.team();
    const api = client(ctx.app, token);
    const id = uuidv7();
    await api.push([noteChange({ id, clientId: uuidv7(), text: 'à effacer' }, hlc(T0))]);
    await api.push([{ ...noteChange({ id, clientId: uuidv7(), text: '' }, hlc(T0 + 1)), deleted: true }]);
    const { changes } = await pullAll(ctx.app, token);
    expect(changes).toEqual([expect.objectContaining({ id, deleted: true, version: 2 })]);
  });

  it('lets owners and leads, not members, change the team settings, whose id is the team id', async () => {
    const owner = await ctx.team();
    const { code } = await createInvite(ctx.db, { teamId: owner.team.id });
    const member = await joinTeam(ctx.db, { code, personName: 'Member' });
    const settings = (id: string, at: number) => ({
      kind: 'document',
      docType: 'settings',
      id,
      hlc: hlc(at),
      data: { companyName: 'ACME', quietPeriodDays: 3 },
    });
    const asMember = await body(await client(ctx.app, member.token).push([settings(owner.team.id, T0)]));
    expect(asMember.results[0]).toMatchObject({
      status: 'rejected',
      reason: expect.stringMatching(/owner or a lead/),
    });
    const wrongId = await body(await client(ctx.app, owner.token).push([settings(uuidv7(), T0)]));
    expect(wrongId.results[0]).toMatchObject({
      status: 'rejected',
      reason: expect.stringMatching(/team id/),
    });
    const ok = await body(await client(ctx.app, owner.token).push([settings(owner.team.id, T0)]));
    expect(ok.results[0]).toMatchObject({ status: 'accepted' });
    const { changes } = await pullAll(ctx.app, member.token);
    expect(changes[0]).toMatchObject({
      docType: 'settings',
      data: { companyName: 'ACME', quietPeriodDays: 3, jurisdiction: 'FR' },
    });
  });

  it('refuses a document clock more than a day ahead, and a document whose data names another id', async () => {
    const { token } = await ctx.team();
    const id = uuidv7();
    const future = clientChange({ id, name: 'from the future' }, hlc(Date.now() + 3 * 86_400_000));
    const mismatch = { ...clientChange({ id, name: 'x' }, hlc(T0)), id: uuidv7() };
    const { results } = await body(await client(ctx.app, token).push([future, mismatch]));
    expect(results[0]).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/clock/) });
    expect(results[1]).toMatchObject({
      status: 'rejected',
      reason: expect.stringMatching(/changes\.1\.data\.id/),
    });
    expect((await pullAll(ctx.app, token)).changes).toEqual([]);
  });

  it('speaks a versioned protocol: answers in the version asked, refuses one too old or too new', async () => {
    const { token } = await ctx.team();
    const api = client(ctx.app, token);
    const change = activityChange();
    // No version: a client from before versions existed, speaking 1.
    expect(await body(await api.push([change]))).toMatchObject({ schemaVersion: 1 });
    const pushed = await body(
      await api.raw('POST', '/api/v1/sync/push', JSON.stringify({ schemaVersion: 1, changes: [change] })),
    );
    expect(pushed).toMatchObject({ schemaVersion: 1, results: [{ status: 'duplicate' }] });
    expect(await body(await api.get('/api/v1/sync/pull?schemaVersion=1'))).toMatchObject({
      schemaVersion: 1,
      changes: [{ activity: { id: change.activity.id } }],
    });

    const refusals = [
      [0, 'schema_too_old'],
      [2, 'schema_too_new'],
    ] as const;
    for (const [version, code] of refusals) {
      const push = await api.raw(
        'POST',
        '/api/v1/sync/push',
        JSON.stringify({ schemaVersion: version, changes: [activityChange()] }),
      );
      const pull = await api.get(`/api/v1/sync/pull?schemaVersion=${version}`);
      for (const res of [push, pull]) {
        expect(res.status).toBe(400);
        expect(await body(res)).toMatchObject({
          error: code,
          retryable: false,
          message: expect.stringMatching(/update the (extension|server)/),
          supportedSchemaVersions: { min: 1, max: 1 },
        });
      }
    }
    // Nothing of the refused pushes was stored.
    expect((await pullAll(ctx.app, token)).changes).toHaveLength(1);
  });
});
