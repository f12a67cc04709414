import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokens } from '../src/db/schema';
import { createInvite } from '../src/services/invites';
import { sha256Hex } from '../src/services/secrets';
import { body, client, drivers, openContext, type TestContext } from './support/context';

const PROTECTED: [string, string][] = [
  ['GET', '/api/v1/me'],
  ['GET', '/api/v1/people'],
  ['PATCH', '/api/v1/people/0190d3a2-7b1c-7cc1-8b00-000000000001'],
  ['POST', '/api/v1/people/0190d3a2-7b1c-7cc1-8b00-000000000001/revoke'],
  ['POST', '/api/v1/invites'],
  ['POST', '/api/v1/tokens/revoke'],
  ['POST', '/api/v1/sync/push'],
  ['GET', '/api/v1/sync/pull'],
  ['GET', '/api/v1/notes/0190d3a2-7b1c-7cc1-8b00-000000000001/revisions'],
  ['GET', '/api/v1/history'],
  ['GET', '/api/v1/history.csv'],
];

describe.each(drivers())('teams, people, invites and tokens ($name)', (driver) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await openContext(driver);
  });
  afterAll(() => ctx.close());

  /** A team with an owner, created over the API. */
  async function newTeam(teamName = 'Boulangerie Martin', personName = 'Élodie') {
    const res = await client(ctx.app).post('/api/v1/teams', { teamName, personName });
    expect(res.status).toBe(201);
    return body(res);
  }

  async function join(code: string, personName: string) {
    return client(ctx.app).post('/api/v1/join', { code, personName });
  }

  async function invite(token: string, role?: 'member' | 'lead') {
    return client(ctx.app, token).post('/api/v1/invites', role ? { role } : {});
  }

  it('creates a team with its owner, whose token is stored only as a hash', async () => {
    const created = await newTeam();
    expect(created).toEqual({
      team: { id: expect.any(String), name: 'Boulangerie Martin' },
      person: { id: expect.any(String), name: 'Élodie', role: 'owner' },
      token: expect.stringMatching(/^rlt_[A-Za-z0-9_-]{43}$/),
    });
    const stored = await ctx.db.select().from(tokens).where(eq(tokens.personId, created.person.id));
    expect(stored).toHaveLength(1);
    expect(stored[0]!.tokenHash).toBe(sha256Hex(created.token));
    expect(JSON.stringify(stored)).not.toContain(created.token.slice(4));

    const me = await client(ctx.app, created.token).get('/api/v1/me');
    expect(me.status).toBe(200);
    expect(await body(me)).toEqual({ team: created.team, person: created.person });
  });

  it('answers 401 JSON to every protected route without a valid token', async () => {
    const created = await newTeam();
    await client(ctx.app, created.token).post('/api/v1/tokens/revoke');
    const headers: (Record<string, string> | undefined)[] = [
      undefined,
      { Authorization: 'Basic dXNlcjpwYXNz' },
      { Authorization: 'Bearer ' },
      { Authorization: 'Bearer rlt_thisTokenWasNeverIssuedByThisServer000000000' },
      { Authorization: `Bearer ${created.token}` }, // revoked
    ];
    for (const [method, path] of PROTECTED) {
      for (const h of headers) {
        const res = await ctx.app.request(path, {
          method,
          headers: { ...h, 'Content-Type': 'application/json' },
          body: method === 'GET' ? undefined : '{}',
        });
        expect(res.status, `${method} ${path} with ${JSON.stringify(h)}`).toBe(401);
        expect(res.headers.get('WWW-Authenticate')).toBe('Bearer');
        expect(await body(res)).toMatchObject({ error: 'unauthorized' });
      }
    }
  });

  it('validates team creation and joining, naming the fields', async () => {
    const res = await client(ctx.app).post('/api/v1/teams', { teamName: '   ', personName: 42 });
    expect(res.status).toBe(400);
    const { error, issues } = await body(res);
    expect(error).toBe('invalid_request');
    expect(issues.map((i: { path: string }) => i.path).sort()).toEqual(['personName', 'teamName']);
    const badJoin = await client(ctx.app).post('/api/v1/join', { code: 'x' });
    expect(badJoin.status).toBe(400);
    expect((await body(badJoin)).issues.map((i: { path: string }) => i.path).sort()).toEqual([
      'code',
      'personName',
    ]);
  });

  it('lets owners and leads invite; a code joins once, with its role, however it is typed', async () => {
    const owner = await newTeam();
    const res = await invite(owner.token);
    expect(res.status).toBe(201);
    const inv = await body(res);
    expect(inv).toEqual({
      id: expect.any(String),
      code: expect.stringMatching(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/),
      role: 'member',
      expiresAt: expect.any(String),
    });
    const days = (Date.parse(inv.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);

    const typed = ` ${inv.code.toLowerCase().replace(/-/g, ' ')} `;
    const joined = await join(typed, 'Karim');
    expect(joined.status).toBe(201);
    const member = await body(joined);
    expect(member).toMatchObject({
      team: owner.team,
      person: { name: 'Karim', role: 'member' },
      token: expect.any(String),
    });
    expect(await body(await client(ctx.app, member.token).get('/api/v1/me'))).toMatchObject({
      person: { role: 'member' },
    });

    const again = await join(inv.code, 'Someone else');
    expect(again.status).toBe(400);
    expect(await body(again)).toMatchObject({ error: 'invalid_invite' });
    expect((await join('AAAA-BBBB-CCCC', 'Nobody')).status).toBe(400);

    // Members cannot invite; leads can, and can invite leads.
    expect((await invite(member.token)).status).toBe(403);
    const leadInvite = await body(await invite(owner.token, 'lead'));
    const lead = await body(await join(leadInvite.code, 'Lina'));
    expect(lead.person.role).toBe('lead');
    expect((await invite(lead.token, 'lead')).status).toBe(201);
    expect((await client(ctx.app, owner.token).post('/api/v1/invites', { role: 'owner' })).status).toBe(400);
  });

  it('refuses an expired invite code', async () => {
    const owner = await newTeam();
    const { code } = await createInvite(ctx.db, {
      teamId: owner.team.id,
      now: new Date(Date.now() - 8 * 86_400_000),
    });
    const res = await join(code, 'Late');
    expect(res.status).toBe(400);
    expect(await body(res)).toMatchObject({ error: 'invalid_invite' });
  });

  it('lists the team’s people and lets only an owner change roles, keeping one owner', async () => {
    const owner = await newTeam('Agence Lumière', 'Anne');
    const member = await body(await join((await body(await invite(owner.token))).code, 'Bruno'));
    const asOwner = client(ctx.app, owner.token);

    const people = await body(await client(ctx.app, member.token).get('/api/v1/people'));
    expect(people.people.map((p: { name: string; role: string }) => [p.name, p.role])).toEqual([
      ['Anne', 'owner'],
      ['Bruno', 'member'],
    ]);

    expect(
      (await client(ctx.app, member.token).patch(`/api/v1/people/${owner.person.id}`, { role: 'member' }))
        .status,
    ).toBe(403);
    const demoteSelf = await asOwner.patch(`/api/v1/people/${owner.person.id}`, { role: 'lead' });
    expect(demoteSelf.status).toBe(409);
    expect(await body(demoteSelf)).toMatchObject({ error: 'last_owner' });
    expect((await asOwner.patch(`/api/v1/people/${member.person.id}`, { role: 'boss' })).status).toBe(400);
    expect((await asOwner.patch('/api/v1/people/not-a-uuid', { role: 'lead' })).status).toBe(400);
    expect(
      (await asOwner.patch('/api/v1/people/0190d3a2-7b1c-7cc1-8b00-000000000001', { role: 'lead' })).status,
    ).toBe(404);

    const promoted = await asOwner.patch(`/api/v1/people/${member.person.id}`, { role: 'owner' });
    expect(promoted.status).toBe(200);
    expect(await body(promoted)).toEqual({ person: { ...member.person, role: 'owner' } });
    expect((await asOwner.patch(`/api/v1/people/${owner.person.id}`, { role: 'member' })).status).toBe(200);
    // Roles are read from the database on every request: Anne is a member now.
    expect((await invite(owner.token)).status).toBe(403);
  });

  it('signs out the calling token, and lets an owner revoke a person’s tokens', async () => {
    const owner = await newTeam();
    const member = await body(await join((await body(await invite(owner.token))).code, 'Chloé'));
    const asMember = client(ctx.app, member.token);

    expect((await asMember.post(`/api/v1/people/${owner.person.id}/revoke`)).status).toBe(403);
    const revoked = await client(ctx.app, owner.token).post(`/api/v1/people/${member.person.id}/revoke`);
    expect(revoked.status).toBe(200);
    expect(await body(revoked)).toMatchObject({ person: { id: member.person.id }, revoked: 1 });
    expect((await asMember.get('/api/v1/me')).status).toBe(401);

    const signOut = await client(ctx.app, owner.token).post('/api/v1/tokens/revoke');
    expect(signOut.status).toBe(204);
    expect((await client(ctx.app, owner.token).get('/api/v1/me')).status).toBe(401);
  });

  it('answers the health check', async () => {
    const res = await ctx.app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await body(res)).toEqual({ ok: true, service: 'relance' });
  });
});
