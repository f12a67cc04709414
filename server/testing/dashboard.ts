import { formatHlc, type InviteRole, type IsoDate, type Membership } from '@relance/shared';
import { type App, createApp } from '../src/app';
import { type Database, openDatabase } from '../src/db/open';
import { SESSION_COOKIE } from '../src/http/credentials';
import { createInvite, joinTeam } from '../src/services/invites';
import { createTeam } from '../src/services/teams';

/**
 * The dashboard's tests: one in-memory PGlite per file (or DATABASE_URL's PostgreSQL), the app
 * with a fixed clock (so "today" is known), teams made through the services, data pushed through
 * the sync API as the extension does (see changes.ts for the builders).
 */
export interface DashboardHarness {
  db: Database;
  app: App;
  today: IsoDate;
  close(): Promise<void>;
  team(name: string, ownerName?: string): Promise<Membership>;
  join(owner: Membership, personName: string, role?: InviteRole): Promise<Membership>;
  /** Pushes changes with this token (stamping document clocks); throws unless every one is accepted. */
  push(token: string, changes: unknown[]): Promise<void>;
  /** A dashboard request signed in with this token (the session cookie), or anonymous. */
  get(path: string, token?: string, headers?: Record<string, string>): Promise<Response>;
}

export async function openHarness(today: IsoDate): Promise<DashboardHarness> {
  const now = new Date(`${today}T10:00:00.000Z`);
  // PostgreSQL too when DATABASE_URL is set (as the server's other suites do); each test makes its own teams.
  const url = process.env.DATABASE_URL;
  const opened = await openDatabase(url ? { databaseUrl: url } : { dataDir: 'memory://' });
  const app = createApp({ db: opened.db, now: () => now });
  let clock = now.getTime() - 60_000;
  // One dashboard session per token, opened by signing in as a browser does.
  const sessions = new Map<string, Promise<string>>();
  const sessionCookieFor = (token: string) => {
    let cookie = sessions.get(token);
    if (!cookie) {
      cookie = dashboardSignIn(app, token);
      sessions.set(token, cookie);
    }
    return cookie;
  };
  const nextHlc = () => formatHlc({ ms: ++clock, counter: 0, node: 'dashboard-test' });
  return {
    db: opened.db,
    app,
    today,
    close: () => opened.close(),
    team: (name, ownerName = 'Olivia Owner') =>
      createTeam(opened.db, { teamName: name, personName: ownerName }),
    async join(owner, personName, role = 'member') {
      const { code } = await createInvite(opened.db, { teamId: owner.team.id, role, now });
      return joinTeam(opened.db, { code, personName, now });
    },
    async push(token, changes) {
      const stamped = changes.map((c) =>
        (c as { kind: string }).kind === 'document' ? { hlc: nextHlc(), ...(c as object) } : c,
      );
      const res = await app.request('/api/v1/sync/push', {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ changes: stamped }),
      });
      if (res.status !== 200) throw new Error(`push answered ${res.status}: ${await res.text()}`);
      const { results } = (await res.json()) as { results: { status: string; reason?: string }[] };
      const refused = results.filter((r) => r.status !== 'accepted');
      if (refused.length > 0) throw new Error(`push not accepted: ${JSON.stringify(refused)}`);
    },
    async get(path, token, headers = {}) {
      return app.request(path, {
        headers: { ...(token ? { Cookie: await sessionCookieFor(token) } : {}), ...headers },
      });
    },
  };
}

/** Signs in to the dashboard with `token`; answers the `Cookie` header the browser then sends. */
export async function dashboardSignIn(app: App, token: string): Promise<string> {
  const res = await app.request('/dashboard/sign-in', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token }).toString(),
  });
  const cookie = res.headers.get('Set-Cookie')?.split(';')[0];
  if (res.status !== 303 || !cookie?.startsWith(`${SESSION_COOKIE}=`)) {
    throw new Error(`dashboard sign-in answered ${res.status}`);
  }
  return cookie;
}
