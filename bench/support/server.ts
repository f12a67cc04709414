import { createApp } from '../../server/src/app';
import { openDatabase } from '../../server/src/db/open';
import { listen } from '../../server/src/serve';
import { createTeam } from '../../server/src/services/teams';

/**
 * The real server (migrations, app, HTTP on a free port) on a benchmark database. The rate
 * limiter runs as in production, with a limit the benchmark never reaches, so that its cost counts.
 */
export async function benchServer(databaseUrl: string) {
  const database = await openDatabase({ databaseUrl });
  const app = createApp({
    db: database.db,
    rateLimit: { perToken: 1e9, perAddress: 1e9, windowSeconds: 60, trustProxy: false },
  });
  const server = await listen(app, 0, '127.0.0.1');
  return {
    url: server.url,
    db: database.db,
    team: (name: string) => createTeam(database.db, { teamName: name, personName: 'Bench' }),
    async close() {
      await server.close();
      await database.close();
    },
  };
}

export async function api(url: string, token: string, path: string, body?: unknown) {
  const res = await fetch(`${url}/api/v1${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      Authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
  return res.json();
}
