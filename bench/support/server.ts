import { startTestServer } from '@relance/server/testing';

/**
 * The real server (migrations, app, HTTP on a free port) on a benchmark database. The rate
 * limiter runs as in production, with a limit the benchmark never reaches, so that its cost counts.
 */
export async function benchServer(databaseUrl: string) {
  const server = await startTestServer({
    databaseUrl,
    rateLimit: { perToken: 1e9, perAddress: 1e9, windowSeconds: 60, trustProxy: false },
  });
  return {
    url: server.url,
    db: server.db,
    team: (name: string) => server.createTeam(name, 'Bench'),
    close: () => server.stop(),
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
