import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { drivers } from '../support/context';
import { expectConverged } from './support/convergence';
import { keepWorking, makeTeam, settleAll, sleep } from './support/installs';
import { ServerProcess, Upstreams } from './support/servers';

const INSTALLS = 6;
const KILLS = 2;

const folders: string[] = [];
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

/** Resolves once `condition` holds, checking every few milliseconds. */
async function until(condition: () => boolean, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(2);
  }
}

describe.each(drivers())('the server killed with SIGKILL in the middle of pushes ($name)', (driver) => {
  it('loses nothing and doubles nothing: after restarts every install pulls the same set', async () => {
    let env: Record<string, string>;
    if (driver.databaseUrl) env = { DATABASE_URL: driver.databaseUrl };
    else {
      const dir = mkdtempSync(join(tmpdir(), 'relance-killed-'));
      folders.push(dir);
      // The same PGlite folder for every life of the server.
      env = { RELANCE_DATA_DIR: dir };
    }
    const upstreams = new Upstreams();
    let server = await ServerProcess.start(env);
    try {
      upstreams.set([server.url]);
      const team = await makeTeam(upstreams, INSTALLS);
      await settleAll(team.installs);

      let writing = true;
      const workers = team.installs.map((i) => keepWorking(i, team.sharedNoteId, () => writing));
      const cutOff: number[] = [];
      for (let kill = 0; kill < KILLS; kill++) {
        // Let the installs catch up with this life of the server first.
        const answered = upstreams.statuses.get(200) ?? 0;
        await until(() => (upstreams.statuses.get(200) ?? 0) >= answered + 30, 30_000, 'pushes answered');
        // Pull the plug while pushes are on the wire, right after one was stored: its answer is lost.
        upstreams.losingAnswers = true;
        const lost = upstreams.lostAnswers;
        await until(
          () => upstreams.lostAnswers > lost && upstreams.pushesInFlight >= 1,
          20_000,
          'a stored push with others in flight',
        );
        cutOff.push(upstreams.pushesInFlight);
        await server.kill('SIGKILL');
        upstreams.losingAnswers = false;
        await sleep(500); // the installs meet a dead server meanwhile
        server = await ServerProcess.start(env);
        upstreams.set([server.url]);
      }
      const answered = upstreams.statuses.get(200) ?? 0;
      await until(() => (upstreams.statuses.get(200) ?? 0) >= answered + 30, 30_000, 'pushes answered');
      writing = false;
      await Promise.all(workers);
      await settleAll(team.installs);

      expect(
        cutOff.every((n) => n >= 1),
        'killed with pushes in flight',
      ).toBe(true);
      // Batches stored just before a death, whose answers were lost, were sent again and stored once.
      expect(upstreams.duplicates).toBeGreaterThan(0);
      expect(upstreams.statuses.get('network'), 'requests met the dead server').toBeGreaterThan(0);
      const totals = await expectConverged(team.installs, { url: server.url, ...team });
      // Enough work happened around the kills to mean something.
      expect(totals.activities).toBeGreaterThan(INSTALLS * 5);
    } finally {
      await server.stop();
    }
  }, 180_000);
});
