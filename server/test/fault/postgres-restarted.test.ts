import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectConverged } from './support/convergence';
import { keepWorking, makeTeam, settleAll, sleep } from './support/installs';
import { PrivatePostgres } from './support/privatePostgres';
import { ServerProcess, Upstreams } from './support/servers';

const INSTALLS = 6;
const RESTARTS = 2;

/** Resolves once `condition` holds, checking every few milliseconds. */
async function until(condition: () => boolean, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(2);
  }
}

// Never the machine's shared PostgreSQL: other tests use it at the same time.
describe('PostgreSQL restarted while the server runs (a private PostgreSQL 15 cluster)', () => {
  let cluster: PrivatePostgres;
  beforeAll(async () => {
    cluster = await PrivatePostgres.start();
  });
  afterAll(() => cluster?.stop());

  it('keeps the server up, and the installs recover and converge', async () => {
    const server = await ServerProcess.start({ DATABASE_URL: cluster.url });
    try {
      const upstreams = new Upstreams();
      upstreams.set([server.url]);
      const team = await makeTeam(upstreams, INSTALLS);
      await settleAll(team.installs);

      let writing = true;
      const workers = team.installs.map((i) => keepWorking(i, team.sharedNoteId, () => writing));
      const answeredSoFar = () => upstreams.statuses.get(200) ?? 0;
      for (let restart = 0; restart < RESTARTS; restart++) {
        const answered = answeredSoFar();
        await until(() => answeredSoFar() >= answered + 30, 30_000, 'pushes answered');
        await until(() => upstreams.pushesInFlight >= 1, 20_000, 'a push in flight');
        await cluster.crash();
        // The server stays up and says its database is gone.
        const health = await fetch(`${server.url}/healthz`);
        expect(health.status).toBe(503);
        await sleep(1000);
        await cluster.resume();
      }
      // The same server process reconnects by itself and serves again.
      const answered = answeredSoFar();
      await until(() => answeredSoFar() >= answered + 30, 30_000, 'pushes answered after the restarts');
      writing = false;
      await Promise.all(workers);
      await settleAll(team.installs);

      expect(upstreams.serverErrors(), 'requests failed while PostgreSQL was down').toBeGreaterThan(0);
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      await expectConverged(team.installs, { url: server.url, ...team });
    } catch (error) {
      throw new Error(`${error}\n--- server output ---\n${server.output.text().slice(-4000)}`);
    } finally {
      await server.stop();
    }
    // It was still the same process, and it stopped cleanly.
    expect(server.exitCode).toBe(0);
  }, 180_000);
});
