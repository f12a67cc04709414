import { pushResponse, uuidv7 } from '@relance/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityChange, clientChange, hlc, T0 } from '../testing';
import { body, client, drivers, openContext, type TestContext } from './support/context';

/** What an integrator programs against: rejection codes with `retryable`, and the pull reset signal. */
describe.each(drivers())('the sync protocol for programs ($name)', (driver) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await openContext(driver, { now: () => new Date(T0) });
  });
  afterAll(() => ctx.close());

  it('rejects with a machine-readable code, a retryable flag and words', async () => {
    const owner = await ctx.team();
    const invite = await body(await client(ctx.app, owner.token).post('/api/v1/invites', { role: 'member' }));
    const member = await body(
      await client(ctx.app).post('/api/v1/join', { code: invite.code, personName: 'M' }),
    );
    const clientId = uuidv7();
    const res = await client(ctx.app, member.token).push([
      { kind: 'activity', activity: { id: 'nope' } },
      clientChange({ id: clientId, name: 'Ahead' }, hlc(T0 + 3 * 24 * 3600_000)),
      { kind: 'document', docType: 'settings', id: owner.team.id, hlc: hlc(T0), deleted: false, data: {} },
      clientChange({ id: uuidv7(), name: 'Other id' }, hlc(T0)),
      activityChange({ clientId }),
    ]);
    expect(res.status).toBe(200);
    const answer = pushResponse.parse(await body(res));
    const picked = answer.results.map(({ status, code, retryable }) => ({ status, code, retryable }));
    expect(picked[0]).toEqual({ status: 'rejected', code: 'invalid', retryable: false });
    expect(picked[1]).toEqual({ status: 'rejected', code: 'clock_ahead', retryable: true });
    expect(picked[2]!.status).toBe('rejected');
    expect(['invalid', 'forbidden_role']).toContain(picked[2]!.code);
    expect(picked[4]).toEqual({ status: 'accepted', code: undefined, retryable: undefined });
    for (const r of answer.results.filter((r) => r.status === 'rejected')) expect(r.reason).toMatch(/\w/);
  });

  it('answers a cursor beyond the team with 409 cursor_ahead and reset: true', async () => {
    const owner = await ctx.team();
    await client(ctx.app, owner.token).push([activityChange(), activityChange()]);
    const ok = await body(await client(ctx.app, owner.token).pull(2));
    expect(ok).toMatchObject({ changes: [], cursor: 2, hasMore: false });
    const ahead = await client(ctx.app, owner.token).pull(50);
    expect(ahead.status).toBe(409);
    expect(await body(ahead)).toMatchObject({
      error: 'cursor_ahead',
      reset: true,
      serverCursor: 2,
      retryable: false,
    });
  });
});
