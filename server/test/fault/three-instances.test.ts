import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectConverged, serverState } from './support/convergence';
import { makeTeam, type SimulatedInstall, settleAll, sleep } from './support/installs';
import { PrivatePostgres } from './support/privatePostgres';
import { ServerProcess, Upstreams } from './support/servers';

const INSTANCES = 3;
const INSTALLS = 50;
const ROUNDS = 6;

/**
 * Several instances behind a load balancer on one PostgreSQL (the machine's, DATABASE_URL, when
 * set; else a private cluster). Every request of every install goes to any instance.
 */
describe(`${INSTANCES} server instances on one PostgreSQL, ${INSTALLS} installs pushing at once`, () => {
  let cluster: PrivatePostgres | undefined;
  let databaseUrl: string;
  beforeAll(async () => {
    if (process.env.DATABASE_URL) databaseUrl = process.env.DATABASE_URL;
    else {
      cluster = await PrivatePostgres.start();
      databaseUrl = cluster.url;
    }
  });
  afterAll(() => cluster?.stop());

  it('stores every change once, and every install pulls exactly the same set', async () => {
    // Started together: their migrations meet, and wait for each other under the advisory lock.
    const servers = await Promise.all(
      Array.from({ length: INSTANCES }, () => ServerProcess.start({ DATABASE_URL: databaseUrl })),
    );
    try {
      const upstreams = new Upstreams();
      upstreams.set(servers.map((s) => s.url));
      const team = await makeTeam(upstreams, INSTALLS);
      await settleAll(team.installs, 120_000);

      // Everyone works and syncs at the same time, round after round.
      const work = async (install: SimulatedInstall) => {
        for (let round = 0; round < ROUNDS; round++) {
          await install.work(team.sharedNoteId);
          await install.sync();
          await sleep(Math.random() * 20);
        }
      };
      await Promise.all(team.installs.map(work));
      await settleAll(team.installs, 120_000);

      // Nothing failed on the way: no 5xx, no refused change (checked below), no instance down.
      expect(upstreams.serverErrors()).toBe(0);
      for (const server of servers) expect(server.running, 'still running').toBe(true);
      for (const server of servers) {
        expect(server.output.text()).not.toMatch(/unexpected error/);
        // Every instance took its share of the load.
        expect(upstreams.sent.get(server.url)).toBeGreaterThan(200);
      }

      const totals = await expectConverged(team.installs, { url: servers[0]!.url, ...team });
      expect(totals.activities).toBe(INSTALLS * ROUNDS);
      // Each instance answers a full pull with the same team.
      const states = await Promise.all(servers.map((s) => serverState(s.url, team.token)));
      for (const state of states.slice(1)) {
        expect([...state.activityIds].sort()).toEqual([...states[0]!.activityIds].sort());
        expect(state.documents).toEqual(states[0]!.documents);
      }
    } finally {
      await Promise.all(servers.map((s) => s.stop()));
    }
    expect(servers.map((s) => s.exitCode)).toEqual(servers.map(() => 0));
  }, 240_000);
});
