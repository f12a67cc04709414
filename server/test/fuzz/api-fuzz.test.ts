import { uuidv7 } from '@relance/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityChange, clientChange, hlc, invoiceChange, noteChange, T0 } from '../../testing';
import {
  body,
  client,
  drivers,
  openContext,
  pullAll,
  signedInCookie,
  type TestContext,
} from '../support/context';
import { dumpData } from './support/dump';
import { Random } from './support/random';
import { type Credentials, type FuzzRequest, RequestGenerator } from './support/requests';

/**
 * Property: whatever arrives (malformed JSON, wrong types, unknown fields, huge, SQL-looking or
 * HTML strings, bad tokens, broken encodings), every route answers without a 5xx, refuses every
 * bad write with a 4xx (a push: 200 with every change `rejected`), and nothing stored changes.
 * The seed is printed with each failure; replay one with RELANCE_FUZZ_SEED=<seed>.
 */
const SEED = Number(process.env.RELANCE_FUZZ_SEED ?? Date.now() % 2 ** 31);
const REQUESTS = Number(process.env.RELANCE_FUZZ_REQUESTS ?? 600);
const NO_LIMIT = { perToken: 1e9, perAddress: 1e9, windowSeconds: 60, trustProxy: false };

describe.each(drivers())('fuzzing every route ($name)', (driver) => {
  let ctx: TestContext;
  beforeAll(async () => {
    // The rate limiter runs too (with a limit never reached), so it meets the same input.
    ctx = await openContext(driver, { rateLimit: NO_LIMIT });
  });
  afterAll(() => ctx.close());

  /** A team with an owner, a member, and some history, as the routes will see it. */
  async function seededTeam(): Promise<Credentials & { teamId: string }> {
    const owner = await ctx.team();
    const invite = await body(await client(ctx.app, owner.token).post('/api/v1/invites', { role: 'member' }));
    const member = await body(
      await client(ctx.app).post('/api/v1/join', { code: invite.code, personName: 'Membre' }),
    );
    const clientId = uuidv7();
    const noteId = uuidv7();
    const pushed = await client(ctx.app, owner.token).push([
      clientChange({ id: clientId, name: '<img src=x onerror=alert(1)>' }, hlc(T0)),
      invoiceChange({ id: uuidv7(), clientId, number: "F-1'; --" }, hlc(T0)),
      noteChange({ id: noteId, clientId, text: '<script>alert(1)</script>' }, hlc(T0)),
      activityChange({ clientId }),
    ]);
    expect((await body(pushed)).results.every((r: { status: string }) => r.status === 'accepted')).toBe(true);
    return {
      teamId: owner.team.id,
      owner: owner.token,
      member: member.token,
      ownerId: owner.person.id,
      memberId: member.person.id,
      noteId,
      ownerCookie: await signedInCookie(ctx.app, owner.token),
    };
  }

  async function send(request: FuzzRequest): Promise<Response> {
    return ctx.app.request(request.path, {
      method: request.method,
      headers: request.headers,
      ...(request.body === undefined ? {} : { body: request.body }),
    });
  }

  /** Why an answer breaks the property, or null when it holds. */
  async function judge(request: FuzzRequest, res: Response): Promise<string | null> {
    const status = res.status;
    if (status >= 500) return `answered ${status}: ${(await res.text()).slice(0, 200)}`;
    const isApi = request.path.startsWith('/api/');
    if (request.expect === 'read') return null;
    if (request.expect === 'push-refused' && status === 200) {
      const { results } = await res.json();
      const stored = results.filter((r: { status: string }) => r.status !== 'rejected');
      return stored.length > 0 ? `push stored ${JSON.stringify(stored).slice(0, 300)}` : null;
    }
    if (status < 400) return `answered ${status} to a bad request`;
    if (isApi && status !== 404) {
      const answer = await res.json().catch(() => null);
      if (typeof answer?.error !== 'string') return `answered ${status} without a JSON error`;
    }
    return null;
  }

  it('answers every bad request with a 4xx, never a 5xx, and changes nothing stored', async () => {
    const team = await seededTeam();
    // On a private PGlite the whole database is compared; on a shared PostgreSQL, the team's rows.
    const scope = driver.databaseUrl ? team.teamId : undefined;
    const before = await dumpData(ctx.db, scope);
    const generator = new RequestGenerator(new Random(SEED), team);

    const failures: string[] = [];
    const statuses = new Map<number, number>();
    for (let i = 0; i < REQUESTS; i++) {
      const request = generator.next();
      const res = await send(request);
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      const problem = await judge(request, res);
      if (problem) {
        failures.push(
          `#${i} ${request.label}: ${request.method} ${request.path.slice(0, 200)} ${request.body?.slice(0, 200) ?? ''} → ${problem}`,
        );
      }
    }

    expect(failures, `seed ${SEED}`).toEqual([]);
    expect(await dumpData(ctx.db, scope), `seed ${SEED}`).toEqual(before);
    // The generator really reached the routes' own checks, not just the front door.
    for (const status of [400, 401, 403, 404])
      expect(statuses.get(status), `${status} seen`).toBeGreaterThan(0);
    expect(statuses.get(200), 'some pushes and reads answered').toBeGreaterThan(0);
  }, 120_000);

  it('stores hostile text as data: what goes in comes back byte for byte', async () => {
    const owner = await ctx.team();
    const r = new Random(SEED + 1);
    const clientId = uuidv7();
    const texts = Array.from({ length: 30 }, () => r.hostileString()).filter(
      // What PostgreSQL cannot store is refused (see the test above); everything else is kept.
      (t) => t.trim().length > 0 && t.length <= 500 && !t.includes('\u0000') && !/[\ud800-\udfff]/.test(t),
    );
    const changes = [
      clientChange({ id: clientId, name: texts[0]! }, hlc(T0)),
      ...texts.map((text) => activityChange({ clientId, type: 'comment', text })),
    ];
    const { results } = await body(await client(ctx.app, owner.token).push(changes));
    expect(results.map((x: { status: string }) => x.status)).toEqual(changes.map(() => 'accepted'));
    const { changes: pulled } = await pullAll(ctx.app, owner.token);
    const comments = pulled.flatMap((c) =>
      c.kind === 'activity' ? [(c.activity as { text: string }).text] : [],
    );
    expect(comments).toEqual(texts);
    expect(pulled.find((c) => c.kind === 'document')).toMatchObject({ data: { name: texts[0] } });
  });
});
