import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityChange, startTestServer, type TestServer } from '../testing';
import { drivers } from './support/context';

describe.each(drivers())('startTestServer ($name)', (driver) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(driver.databaseUrl ? { databaseUrl: driver.databaseUrl } : {});
  });
  afterAll(() => server?.stop());

  it('serves the API over real HTTP on an ephemeral port, with ready-made teams', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ ok: true, service: 'relance' });

    const team = await server.createTeam('Équipe de test');
    const other = await server.createTeam();
    expect(other.teamId).not.toBe(team.teamId);
    const auth = { Authorization: `Bearer ${team.token}` };
    const me = await (await fetch(`${server.url}/api/v1/me`, { headers: auth })).json();
    expect(me).toEqual({
      team: { id: team.teamId, name: 'Équipe de test' },
      person: { id: team.personId, name: 'Owner', role: 'owner' },
    });

    const joined = await fetch(`${server.url}/api/v1/join`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'chrome-extension://abcdefghijklmnop' },
      body: JSON.stringify({ code: team.inviteCode, personName: 'Second' }),
    });
    expect(joined.status).toBe(201);
    expect(joined.headers.get('Access-Control-Allow-Origin')).toBe('chrome-extension://abcdefghijklmnop');
    const member = await joined.json();
    expect(member.team.id).toBe(team.teamId);

    const change = activityChange();
    const push = await fetch(`${server.url}/api/v1/sync/push`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${member.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ changes: [change] }),
    });
    expect((await push.json()).results[0].status).toBe('accepted');
    const pull = await (await fetch(`${server.url}/api/v1/sync/pull?since=0`, { headers: auth })).json();
    expect(pull.changes.map((c: { activity: { id: string } }) => c.activity.id)).toEqual([
      change.activity.id,
    ]);
  });

  it('serves an OpenAPI document that lists exactly the API routes of the app', async () => {
    const doc = await (await fetch(`${server.url}/api/v1/openapi.json`)).json();
    expect(doc.openapi).toBe('3.1.0');
    const documented = new Set<string>();
    for (const [path, methods] of Object.entries(doc.paths as Record<string, object>)) {
      for (const method of Object.keys(methods)) documented.add(`${method.toUpperCase()} ${path}`);
    }
    const served = new Set(
      server.app.routes
        // The API, not the dashboard's HTML pages.
        .filter((r) => r.method !== 'ALL' && (r.path.startsWith('/api/') || r.path === '/healthz'))
        .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`),
    );
    expect([...documented].sort()).toEqual([...served].sort());
    // Every schema it points to exists.
    const refs = JSON.stringify(doc).match(/#\/components\/schemas\/\w+/g) ?? [];
    for (const ref of refs) expect(doc.components.schemas[ref.split('/').pop()!], ref).toBeDefined();
    expect(doc.components.schemas.Change.anyOf).toHaveLength(2);
  });
});
