import { handOverAnswer, membershipAnswer, pendingInvitesAnswer } from '@relance/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { body, client, drivers, openContext, signedInCookie, type TestContext } from './support/context';

/** Running a team over the API: pending invites, token re-issue, rename, owner hand-over. */
describe.each(drivers())('team administration ($name)', (driver) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await openContext(driver);
  });
  afterAll(() => ctx.close());

  async function teamWithLead() {
    const owner = await ctx.team();
    const invite = await body(await client(ctx.app, owner.token).post('/api/v1/invites', { role: 'lead' }));
    const lead = await body(
      await client(ctx.app).post('/api/v1/join', { code: invite.code, personName: 'Léa' }),
    );
    return { owner, lead };
  }

  it('lists pending invites (no codes) and revokes one', async () => {
    const { owner, lead } = await teamWithLead();
    const api = client(ctx.app, owner.token);
    const a = await body(await api.post('/api/v1/invites', { role: 'member' }));
    const b = await body(await client(ctx.app, lead.token).post('/api/v1/invites', {}));
    const listed = pendingInvitesAnswer.parse(await body(await api.get('/api/v1/invites')));
    expect(listed.invites.map((i) => i.id)).toEqual([a.id, b.id]);
    expect(JSON.stringify(listed)).not.toContain(a.code);
    expect(listed.invites[1]!.createdBy).toEqual({ id: lead.person.id, name: 'Léa' });

    expect((await api.post(`/api/v1/invites/${a.id}/revoke`)).status).toBe(204);
    expect((await api.post(`/api/v1/invites/${a.id}/revoke`)).status).toBe(404);
    const joined = await client(ctx.app).post('/api/v1/join', { code: a.code, personName: 'Trop tard' });
    expect(joined.status).toBe(400);
    expect((await body(await api.get('/api/v1/invites'))).invites.map((i: { id: string }) => i.id)).toEqual([
      b.id,
    ]);
    // Another team's invite is unknown here; members may not list.
    const other = await ctx.team();
    expect((await client(ctx.app, other.token).post(`/api/v1/invites/${b.id}/revoke`)).status).toBe(404);
  });

  it('re-issues a token: the new one works, the old one and its dashboard sessions stop', async () => {
    const { owner } = await teamWithLead();
    const cookie = await signedInCookie(ctx.app, owner.token);
    expect((await ctx.app.request('/dashboard', { headers: { Cookie: cookie } })).status).toBe(200);
    const res = await client(ctx.app, owner.token).post('/api/v1/tokens/reissue');
    expect(res.status).toBe(201);
    const fresh = membershipAnswer.parse(await body(res));
    expect(fresh.token).not.toBe(owner.token);
    expect(fresh.person).toEqual(owner.person);
    expect((await client(ctx.app, owner.token).get('/api/v1/me')).status).toBe(401);
    expect((await client(ctx.app, fresh.token).get('/api/v1/me')).status).toBe(200);
    expect((await ctx.app.request('/dashboard', { headers: { Cookie: cookie } })).status).toBe(302);
  });

  it('renames the team (owner only)', async () => {
    const { owner, lead } = await teamWithLead();
    expect((await client(ctx.app, lead.token).patch('/api/v1/team', { name: 'Non' })).status).toBe(403);
    expect((await client(ctx.app, owner.token).patch('/api/v1/team', { name: '' })).status).toBe(400);
    const renamed = await client(ctx.app, owner.token).patch('/api/v1/team', { name: '  Atelier Neuf ' });
    expect(await body(renamed)).toEqual({ team: { id: owner.team.id, name: 'Atelier Neuf' } });
    expect((await body(await client(ctx.app, lead.token).get('/api/v1/me'))).team.name).toBe('Atelier Neuf');
  });

  it('hands the team over: the team always keeps an owner', async () => {
    const { owner, lead } = await teamWithLead();
    expect(
      (await client(ctx.app, lead.token).post('/api/v1/team/hand-over', { personId: lead.person.id })).status,
    ).toBe(403);
    expect(
      (await client(ctx.app, owner.token).post('/api/v1/team/hand-over', { personId: owner.person.id }))
        .status,
    ).toBe(400);
    const stranger = await ctx.team();
    expect(
      (await client(ctx.app, owner.token).post('/api/v1/team/hand-over', { personId: stranger.person.id }))
        .status,
    ).toBe(404);
    const res = await client(ctx.app, owner.token).post('/api/v1/team/hand-over', {
      personId: lead.person.id,
    });
    expect(res.status).toBe(200);
    const answer = handOverAnswer.parse(await body(res));
    expect(answer.owner).toMatchObject({ id: lead.person.id, role: 'owner' });
    expect(answer.formerOwner).toMatchObject({ id: owner.person.id, role: 'lead' });
    const people = (await body(await client(ctx.app, lead.token).get('/api/v1/people'))).people;
    expect(people.filter((p: { role: string }) => p.role === 'owner')).toHaveLength(1);
    // The former owner is a lead now: no more owner rights.
    expect((await client(ctx.app, owner.token).patch('/api/v1/team', { name: 'X' })).status).toBe(403);
  });
});
