import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app';
import { adminTokenFromEnv, signupFromEnv } from '../src/config';
import { body, drivers, openContext, type TestContext } from './support/context';

const ADMIN = 'admin-secret-of-this-instance-0123456789';

describe.each(drivers())('who may create a team ($name)', (driver) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await openContext(driver);
  });
  afterAll(() => ctx.close());

  const createTeam = (app: ReturnType<typeof createApp>, headers: Record<string, string> = {}) =>
    app.request('/api/v1/teams', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify({ teamName: 'Fermée', personName: 'Flore' }),
    });

  it('lets anyone create a team when sign-up is open', async () => {
    expect((await createTeam(ctx.app)).status).toBe(201);
  });

  it('refuses with 403 signup_closed when closed, except to the instance admin', async () => {
    const closed = createApp({ db: ctx.db, signup: 'closed', adminToken: ADMIN });
    const refused = await createTeam(closed);
    expect(refused.status).toBe(403);
    expect(await body(refused)).toMatchObject({ error: 'signup_closed', retryable: false });
    expect((await createTeam(closed, { Authorization: `Bearer ${ADMIN}x` })).status).toBe(403);
    // A team owner's token is not the admin's.
    const owner = await ctx.team();
    expect((await createTeam(closed, { Authorization: `Bearer ${owner.token}` })).status).toBe(403);
    const made = await createTeam(closed, { Authorization: `Bearer ${ADMIN}` });
    expect(made.status).toBe(201);
    expect((await body(made)).person.role).toBe('owner');
    // Without an admin secret, only the CLI creates teams.
    expect(
      (await createTeam(createApp({ db: ctx.db, signup: 'closed' }), { Authorization: 'Bearer ' })).status,
    ).toBe(403);
    // Joining with an invite stays open.
    const join = await closed.request('/api/v1/join', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code: 'AAAA-BBBB-CCCC', personName: 'Jo' }),
    });
    expect(join.status).not.toBe(403);
  });
});

describe('RELANCE_SIGNUP and RELANCE_ADMIN_TOKEN', () => {
  it('is closed by default in production, open elsewhere, and refuses nonsense', () => {
    expect(signupFromEnv({ NODE_ENV: 'production' })).toBe('closed');
    expect(signupFromEnv({})).toBe('open');
    expect(signupFromEnv({ NODE_ENV: 'production', RELANCE_SIGNUP: 'open' })).toBe('open');
    expect(signupFromEnv({ RELANCE_SIGNUP: 'Closed' })).toBe('closed');
    expect(() => signupFromEnv({ RELANCE_SIGNUP: 'maybe' })).toThrow(/RELANCE_SIGNUP/);
    expect(adminTokenFromEnv({})).toBeUndefined();
    expect(adminTokenFromEnv({ RELANCE_ADMIN_TOKEN: ADMIN })).toBe(ADMIN);
    expect(() => adminTokenFromEnv({ RELANCE_ADMIN_TOKEN: 'short' })).toThrow(/32/);
  });
});
