import type { Membership } from '@relance/shared';
import { SYNC_SCHEMA_VERSION, uuidv7 } from '@relance/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../src/db/open';
import type { Identity } from '../src/services/identity';
import { pushChanges } from '../src/services/sync/push';
import { activityChange, clientChange, hlc, T0 } from '../testing';
import { body, client, drivers, openContext, pullAll, type TestContext } from './support/context';

const asIdentity = (m: Membership): Identity => ({ tokenId: 'test', team: m.team, person: m.person });

describe.each(drivers())('concurrent pushes of one team ($name)', (driver) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await openContext(driver);
  });
  afterAll(() => ctx.close());

  it('never make a client following the cursor skip a change', async () => {
    const { token } = await ctx.team();
    const writers = 6;
    const batchesPerWriter = 4;
    const pushed: string[] = [];
    let writing = true;

    const write = async () => {
      for (let b = 0; b < batchesPerWriter; b++) {
        const batch = [activityChange(), activityChange(), activityChange()];
        const { results } = await body(await client(ctx.app, token).push(batch));
        expect(results.every((r: { status: string }) => r.status === 'accepted')).toBe(true);
        pushed.push(...batch.map((c) => c.activity.id));
      }
    };
    const seen: string[] = [];
    let lastVersion = 0;
    const follow = async () => {
      let cursor = 0;
      const pullOnce = async () => {
        const page = await body(await client(ctx.app, token).pull(cursor, 5));
        for (const c of page.changes) {
          // Versions only ever grow along the cursor: nothing can appear behind it later.
          expect(c.version).toBeGreaterThan(lastVersion);
          lastVersion = c.version;
          seen.push(c.activity.id);
        }
        cursor = page.cursor;
        return page.hasMore as boolean;
      };
      while (writing) {
        await pullOnce();
        await new Promise((r) => setTimeout(r, 2));
      }
      while (await pullOnce()) {}
    };

    const follower = follow();
    await Promise.all(Array.from({ length: writers }, write));
    writing = false;
    await follower;

    expect(pushed).toHaveLength(writers * batchesPerWriter * 3);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual([...pushed].sort());
    expect(lastVersion).toBe(pushed.length);
  });

  it('settle concurrent writes of one document on the newest clock, whatever the arrival order', async () => {
    const { token } = await ctx.team();
    const id = uuidv7();
    const clocks = Array.from({ length: 10 }, (_, i) => T0 + ((i * 7) % 10) * 1000);
    await Promise.all(
      clocks.map((at) =>
        client(ctx.app, token).push([clientChange({ id, name: `written at ${at}` }, hlc(at))]),
      ),
    );
    const { changes } = await pullAll(ctx.app, token);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ data: { name: `written at ${Math.max(...clocks)}` } });
  });
});

// Real concurrent transactions need a real server: PGlite runs one transaction at a time.
const postgresOnly = drivers().filter((d) => d.name === 'postgres');

describe.each(postgresOnly)('overlapping push transactions ($name)', (driver) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await openContext(driver);
  });
  afterAll(() => ctx.close());

  /** Runs a push inside a transaction the test keeps open until `release()`. */
  function heldPush(identity: Identity, changes: unknown[]) {
    let release!: () => void;
    const released = new Promise<void>((r) => {
      release = r;
    });
    let pushedNotify!: (pid: number) => void;
    const pushed = new Promise<number>((r) => {
      pushedNotify = r;
    });
    let pid = 0;
    const committed = ctx.db.transaction(async (tx) => {
      pid = Number(rowsOf<{ pid: number }>(await tx.execute(sql`select pg_backend_pid() as pid`))[0]!.pid);
      await pushChanges(tx, identity, changes);
      pushedNotify(pid);
      await released;
    });
    return { pushed, committed, release, pid: () => pid };
  }

  /** Waits until some other session is blocked behind `pid`'s locks. */
  async function waitForWaiterBehind(pid: number) {
    for (let i = 0; i < 500; i++) {
      const [row] = rowsOf<{ n: string | number }>(
        await ctx.db.execute(
          sql`select count(*) as n from pg_stat_activity where ${pid} = any(pg_blocking_pids(pid))`,
        ),
      );
      if (Number(row!.n) > 0) return;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`no session ever waited behind ${pid}`);
  }

  it('make a later push wait for the team lock, so that versions become visible in order', async () => {
    const owner = await ctx.team();
    const api = client(ctx.app, owner.token);
    const batchA = [activityChange(), activityChange()];
    const batchB = [activityChange(), activityChange()];

    // A writes versions 1 and 2 and keeps its transaction open.
    const a = heldPush(asIdentity(owner), batchA);
    const pidA = await a.pushed;
    // B starts while A is open: it must queue behind A's lock on the team's counter.
    let pidB = 0;
    const b = heldPush(asIdentity(owner), batchB);
    await waitForWaiterBehind(pidA);

    // Nothing is committed yet: a pull sees nothing and the cursor does not move.
    expect(await body(await api.pull(0))).toEqual({
      schemaVersion: SYNC_SCHEMA_VERSION,
      changes: [],
      cursor: 0,
      hasMore: false,
    });

    a.release();
    await a.committed;
    pidB = await b.pushed;
    expect(pidB).not.toBe(pidA);
    // A is visible, B (written, not committed) is not: the cursor stops at A's last version.
    const afterA = await body(await api.pull(0));
    expect(afterA.changes.map((c: { activity: { id: string } }) => c.activity.id)).toEqual(
      batchA.map((c) => c.activity.id),
    );
    expect(afterA.cursor).toBe(2);

    // An HTTP push arriving now also queues behind B.
    const batchC = [activityChange()];
    const pushC = api.push(batchC);
    await waitForWaiterBehind(pidB);

    b.release();
    await b.committed;
    const c = await body(await pushC);
    expect(c.results[0]).toMatchObject({ status: 'accepted', version: 5 });

    const rest = await body(await api.pull(afterA.cursor));
    expect(rest.changes.map((ch: { version: number }) => ch.version)).toEqual([3, 4, 5]);
    expect(rest.changes.map((ch: { activity: { id: string } }) => ch.activity.id)).toEqual([
      ...batchB.map((ch) => ch.activity.id),
      batchC[0]!.activity.id,
    ]);
  });

  it('do not hold up another team', async () => {
    const teamA = await ctx.team();
    const teamB = await ctx.team();
    const a = heldPush(asIdentity(teamA), [activityChange()]);
    await a.pushed;
    // Team B pushes and pulls while team A's transaction is open.
    const res = await body(await client(ctx.app, teamB.token).push([activityChange()]));
    expect(res.results[0]).toMatchObject({ status: 'accepted', version: 1 });
    a.release();
    await a.committed;
  });
});
