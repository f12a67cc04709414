import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { uuidv7 } from '@relance/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { activityChange, clientChange, hlc, noteChange, T0 } from './support/fixtures';
import { collectOutput, exitCode, runScript, startServerProcess } from './support/process';

const dataDir = mkdtempSync(join(tmpdir(), 'relance-restart-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function call(
  url: string,
  path: string,
  init: { token?: string; body?: unknown; method?: string } = {},
) {
  const res = await fetch(`${url}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: {
      ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}),
      ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { status: res.status, json: res.status === 204 ? null : await res.json() };
}

describe('the server and CLI processes on a PGlite data folder', () => {
  it('still has everything after a restart', async () => {
    const noteId = uuidv7();
    const clientId = uuidv7();

    const first = await startServerProcess({ RELANCE_DATA_DIR: dataDir });
    expect(first.output.text()).toContain(`(pglite: ${dataDir})`);
    expect((await call(first.url, '/healthz')).json).toEqual({ ok: true });
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
          clientChange(clientId, 'Société Générale de Café', hlc(T0)),
          noteChange(noteId, clientId, 'v1', hlc(T0)),
          noteChange(noteId, clientId, 'v2', hlc(T0 + 1)),
        ],
      },
    });
    expect(pushed.status).toBe(200);
    const before = (await call(first.url, '/api/v1/sync/pull', { token: team.token })).json;
    const revisionsBefore = (
      await call(first.url, `/api/v1/notes/${noteId}/revisions`, { token: team.token })
    ).json;
    expect(revisionsBefore.revisions).toHaveLength(2);
    expect(await first.stop()).toBe(0);

    const second = await startServerProcess({ RELANCE_DATA_DIR: dataDir });
    try {
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
  });
});
