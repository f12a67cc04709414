import { randomUUID } from 'node:crypto';
import { eq, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { openDatabase, rowsOf } from '../../src/db/open';
import { rateLimits, tokens } from '../../src/db/schema';
import { type RateLimitOptions, rateLimitsFromEnv } from '../../src/middleware/rate-limit';
import { sha256Hex } from '../../src/services/secrets';
import { body, client, drivers, openContext, type TestContext } from '../support/context';

const LIMITS: RateLimitOptions = { perToken: 5, perAddress: 3, windowSeconds: 60, trustProxy: true };

/** A clock the test moves; the limiter's windows follow it. */
function movableClock() {
  let t = Date.UTC(2026, 2, 12, 9, 30, 10);
  return { now: () => new Date(t), advance: (ms: number) => (t += ms) };
}

describe.each(drivers())('rate limits, hashed tokens and CORS ($name)', (driver) => {
  let ctx: TestContext;
  const clock = movableClock();
  beforeAll(async () => {
    ctx = await openContext(driver, { rateLimit: LIMITS, now: clock.now });
  });
  afterAll(() => ctx.close());

  it('answers 429 JSON with Retry-After past the per-token limit, per token, until the window ends', async () => {
    const a = await ctx.team();
    const b = await ctx.team();
    for (let i = 0; i < LIMITS.perToken; i++) {
      expect((await client(ctx.app, a.token).get('/api/v1/me')).status).toBe(200);
    }
    const refused = await client(ctx.app, a.token).pull();
    expect(refused.status).toBe(429);
    // 10 s into the minute, 5 requests stand: in the next window they still weigh 5·(1 − t/60),
    // so a sixth fits 12 s into it, 62 s from now.
    expect(refused.headers.get('Retry-After')).toBe('62');
    expect(await body(refused)).toMatchObject({ error: 'rate_limited', retryAfter: 62 });
    // Another token has its own count; a refused push stores nothing.
    expect((await client(ctx.app, b.token).get('/api/v1/me')).status).toBe(200);
    expect((await client(ctx.app, a.token).push([{ kind: 'activity' }])).status).toBe(429);

    // Refused requests used up nothing: waiting as told is enough, and not a second less.
    clock.advance(61_000);
    expect((await client(ctx.app, a.token).get('/api/v1/me')).status).toBe(429);
    clock.advance(1_000);
    expect((await client(ctx.app, a.token).get('/api/v1/me')).status).toBe(200);
  });

  it('holds a burst across a window boundary to the limit', async () => {
    const t = await ctx.team();
    // Half a second before a window ends…
    const at = clock.now().getTime();
    clock.advance(60_000 - (at % 60_000) - 500);
    const statuses: number[] = [];
    for (let i = 0; i < LIMITS.perToken; i++)
      statuses.push((await client(ctx.app, t.token).get('/api/v1/me')).status);
    // …and half a second after: a fixed window would let as many again through.
    clock.advance(1_000);
    for (let i = 0; i < LIMITS.perToken; i++)
      statuses.push((await client(ctx.app, t.token).get('/api/v1/me')).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(LIMITS.perToken);
    expect(statuses.filter((s) => s === 429)).toHaveLength(LIMITS.perToken);
    // Half a window later, about half the budget is back.
    clock.advance(30_000);
    const later: number[] = [];
    for (let i = 0; i < LIMITS.perToken; i++)
      later.push((await client(ctx.app, t.token).get('/api/v1/me')).status);
    expect(later).toEqual([200, 200, 429, 429, 429]);
  });

  it('throttles failed token checks per address and keeps no counter per unknown token', async () => {
    const address = randomUUID();
    const before = await ctx.db.select().from(rateLimits).where(like(rateLimits.key, 'token:%'));
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await ctx.app.request('/api/v1/me', {
        headers: {
          Authorization: `Bearer rlt_${randomUUID().replace(/-/g, '')}guess`,
          'X-Forwarded-For': address,
        },
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429, 429, 429, 429]);
    const after = await ctx.db.select().from(rateLimits).where(like(rateLimits.key, 'token:%'));
    expect(after.length).toBe(before.length);
    const counters = await ctx.db
      .select()
      .from(rateLimits)
      .where(eq(rateLimits.key, `address:${address}`));
    expect(counters).toHaveLength(1);
    // The dashboard's session cookie is checked the same way.
    const dashboard = await ctx.app.request('/dashboard', {
      headers: { Cookie: `relance_dashboard=rls_${'x'.repeat(43)}`, 'X-Forwarded-For': address },
    });
    expect(dashboard.status).toBe(429);
  });

  it('counts in the database, so that several instances share one limit', async () => {
    const m = await ctx.team();
    // A second instance: its own app and, on PostgreSQL, its own connections.
    const other = driver.databaseUrl ? await openDatabase({ databaseUrl: driver.databaseUrl }) : undefined;
    const second = createApp({ db: other?.db ?? ctx.db, rateLimit: LIMITS, now: clock.now });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < LIMITS.perToken + 1; i++) {
        const app = i % 2 === 0 ? ctx.app : second;
        statuses.push((await client(app, m.token).get('/api/v1/me')).status);
      }
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    } finally {
      await other?.close();
    }
  }, 60_000);

  it('limits requests without a token per client address', async () => {
    const address = `203.0.113.${Math.floor(Math.random() * 250)}-${randomUUID()}`;
    const createTeam = (from: string) =>
      ctx.app.request('/api/v1/teams', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': `10.0.0.1, ${from}` },
        body: JSON.stringify({ teamName: '', personName: '' }),
      });
    for (let i = 0; i < LIMITS.perAddress; i++) expect((await createTeam(address)).status).toBe(400);
    expect((await createTeam(address)).status).toBe(429);
    expect((await createTeam(`${address}-elsewhere`)).status).toBe(400);
  });

  it('keeps tokens only as hashes, in the token table and in the rate-limit counters', async () => {
    const res = await ctx.app.request('/api/v1/teams', {
      method: 'POST',
      // An address of its own: the counters of a shared PostgreSQL outlive the test run.
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': randomUUID() },
      body: JSON.stringify({ teamName: 'Haché', personName: 'Hélène' }),
    });
    expect(res.status).toBe(201);
    const { token, team } = await body(res);
    await client(ctx.app, token).get('/api/v1/me');

    const stored = await ctx.db.select().from(tokens).where(eq(tokens.teamId, team.id));
    expect(stored).toHaveLength(1);
    expect(stored[0]!.tokenHash).not.toBe(token);
    expect(stored[0]!.tokenHash).toBe(sha256Hex(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(JSON.stringify(stored)).not.toContain(token.slice(4, 24));

    // The token's counter is keyed by its stored id: neither the token nor its hash is in it.
    const counters = await ctx.db
      .select()
      .from(rateLimits)
      .where(eq(rateLimits.key, `token:${stored[0]!.id}`));
    expect(counters).toHaveLength(1);
    const hashed = await ctx.db
      .select()
      .from(rateLimits)
      .where(like(rateLimits.key, `%${sha256Hex(token)}%`));
    expect(hashed).toHaveLength(0);
    expect(JSON.stringify(counters)).not.toContain(token);
    // No column anywhere holds the token in clear.
    const found = rowsOf<{ n: number }>(
      await ctx.db.execute(
        sql`select count(*)::int as n from tokens t where t.token_hash = ${token} or t.id::text = ${token}`,
      ),
    );
    expect(found[0]!.n).toBe(0);
  });

  it('gives an evil origin no CORS header, even on a 429, and the extension its own', async () => {
    const m = await ctx.team();
    for (let i = 0; i < LIMITS.perToken; i++) await client(ctx.app, m.token).get('/api/v1/me');
    for (const [origin, allowed] of [
      ['https://evil.example', null],
      [
        'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
        'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
      ],
    ] as const) {
      const res = await ctx.app.request('/api/v1/me', {
        headers: { Origin: origin, Authorization: `Bearer ${m.token}` },
      });
      expect(res.status).toBe(429);
      expect(res.headers.get('Access-Control-Allow-Origin')).toBe(allowed);
      const preflight = await ctx.app.request('/api/v1/sync/push', {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' },
      });
      expect(preflight.headers.get('Access-Control-Allow-Origin')).toBe(allowed);
    }
  });
});

describe('rate limits from the environment', () => {
  it('has defaults, reads every variable, and refuses nonsense', () => {
    expect(rateLimitsFromEnv({})).toEqual({
      perToken: 1200,
      perAddress: 120,
      windowSeconds: 60,
      trustProxy: false,
    });
    expect(
      rateLimitsFromEnv({
        RELANCE_RATE_LIMIT: '0',
        RELANCE_RATE_LIMIT_ANONYMOUS: '30',
        RELANCE_RATE_LIMIT_WINDOW: '10',
        RELANCE_TRUST_PROXY: 'true',
      }),
    ).toEqual({ perToken: 0, perAddress: 30, windowSeconds: 10, trustProxy: true });
    expect(() => rateLimitsFromEnv({ RELANCE_RATE_LIMIT: 'lots' })).toThrow(/RELANCE_RATE_LIMIT/);
    expect(() => rateLimitsFromEnv({ RELANCE_RATE_LIMIT_WINDOW: '0' })).toThrow(/at least 1/);
  });
});
