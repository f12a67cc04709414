import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { uuidv7 } from '@relance/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/open';
import { activityChange, clientChange, hlc, noteChange, startTestServer, T0 } from '../testing';
import { collectOutput, exitCode, runScript, startServerProcess } from './support/process';

const dataDir = mkdtempSync(join(tmpdir(), 'relance-restart-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function call(url: string, path: string, init: { token?: string; body?: unknown } = {}) {
  const res = await fetch(`${url}${path}`, {
    method: init.body === undefined ? 'GET' : 'POST',
    headers: {
      ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}),
      ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { status: res.status, json: res.status === 204 ? null : await res.json() };
}

describe('a PGlite data folder', () => {
  it('keeps everything across a restart, and lets one process at a time use it', async () => {
    const noteId = uuidv7();
    const clientId = uuidv7();

    // First life: written over HTTP by a server on that folder.
    const first = await startTestServer({ dataDir });
    const team = (
      await call(first.url, '/api/v1/teams', { body: { teamName: 'Atelier Rémi', personName: 'Rémi' } })
    ).json;
    const invite = (await call(first.url, '/api/v1/invites', { token: team.token, body: { role: 'lead' } }))
      .json;
    const pushed = await call(first.url, '/api/v1/sync/push', {
      token: team.token,
      body: {
        changes: [
          activityChange({ clientId }),
          clientChange({ id: clientId, name: 'Société Générale de Café' }, hlc(T0)),
          noteChange({ id: noteId, clientId, text: 'v1' }, hlc(T0)),
          noteChange({ id: noteId, clientId, text: 'v2' }, hlc(T0 + 1)),
        ],
      },
    });
    expect(pushed.status).toBe(200);
    const before = (await call(first.url, '/api/v1/sync/pull', { token: team.token })).json;
    const revisionsBefore = (
      await call(first.url, `/api/v1/notes/${noteId}/revisions`, { token: team.token })
    ).json;
    expect(revisionsBefore.revisions).toHaveLength(2);
    await first.stop();
    // As if a server had died without releasing the folder: its lock names a process that is gone.
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    writeFileSync(join(dataDir, 'relance-server.lock'), String(gone));

    // Second life: the real server process (`pnpm start`) on the same folder.
    const second = await startServerProcess({ RELANCE_DATA_DIR: dataDir });
    try {
      expect(second.output.text()).toContain(`(pglite: ${dataDir})`);
      expect((await call(second.url, '/api/v1/me', { token: team.token })).json).toEqual({
        team: team.team,
        person: team.person,
      });
      expect((await call(second.url, '/api/v1/sync/pull', { token: team.token })).json).toEqual(before);
      expect(
        (await call(second.url, `/api/v1/notes/${noteId}/revisions`, { token: team.token })).json,
      ).toEqual(revisionsBefore);
      // The counter goes on where it stopped; the invite made before the restart still works once.
      const next = await call(second.url, '/api/v1/sync/push', {
        token: team.token,
        body: { changes: [activityChange()] },
      });
      expect(next.json.results[0]).toMatchObject({ status: 'accepted', version: before.cursor + 1 });
      const joined = await call(second.url, '/api/v1/join', {
        body: { code: invite.code, personName: 'Inès' },
      });
      expect(joined.status).toBe(201);
      expect(joined.json.person.role).toBe('lead');

      // Another process on the folder is refused rather than allowed to lose writes.
      await expect(openDatabase({ dataDir })).rejects.toThrow(`in use by process ${second.pid}`);
    } finally {
      expect(await second.stop()).toBe(0);
    }

    // The self-hoster's CLI reads the same folder once the server is stopped.
    const cli = runScript('src/cli.ts', ['list-people', '--team', team.team.id], {
      RELANCE_DATA_DIR: dataDir,
    });
    const output = collectOutput(cli);
    expect(await exitCode(cli), output.text()).toBe(0);
    expect(output.text()).toMatch(/owner\s+Rémi\n.*lead\s+Inès\n/);
  }, 120_000); // a fresh PGlite folder and two processes: slow on a busy machine
});
