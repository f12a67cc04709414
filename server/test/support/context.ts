import type { Membership, PulledChange } from '@relance/shared';
import { type App, createApp } from '../../src/app';
import type { AppDeps } from '../../src/app-env';
import { type Database, openDatabase } from '../../src/db/open';
import { migratedTemplate } from '../../src/db/template';
import { createTeam } from '../../src/services/teams';

/**
 * Every suite runs on PGlite, and on PostgreSQL too when DATABASE_URL is set (CI sets it).
 * Suites share the database of their file; each test makes its own teams, so they never collide.
 */
export interface Driver {
  name: 'pglite' | 'postgres';
  databaseUrl?: string;
}

export function drivers(): Driver[] {
  const url = process.env.DATABASE_URL;
  return [{ name: 'pglite' }, ...(url ? [{ name: 'postgres' as const, databaseUrl: url }] : [])];
}

export interface TestContext {
  db: Database;
  app: App;
  close(): Promise<void>;
  /** A new team with its owner; the name is unique in the file. */
  team(name?: string): Promise<Membership>;
}

let teams = 0;

export async function openContext(driver: Driver, deps: Partial<AppDeps> = {}): Promise<TestContext> {
  const opened = await openDatabase(
    driver.databaseUrl
      ? { databaseUrl: driver.databaseUrl }
      : { dataDir: 'memory://', template: await migratedTemplate() },
  );
  const app = createApp({ db: opened.db, ...deps });
  return {
    db: opened.db,
    app,
    close: () => opened.close(),
    team: (name) =>
      createTeam(opened.db, { teamName: name ?? `Team ${++teams}`, personName: `Owner ${teams}` }),
  };
}

/** Calls the app in-process, as a client holding `token` would over HTTP. */
export function client(app: App, token?: string) {
  const headers = (extra: Record<string, string> = {}) => ({
    ...(token ? { Authorization: `Bearer ${token}` } : {}),
    ...extra,
  });
  const send = (method: string, path: string, body?: unknown) =>
    app.request(path, {
      method,
      headers: headers(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  return {
    get: (path: string) => send('GET', path),
    post: (path: string, body?: unknown) => send('POST', path, body),
    patch: (path: string, body?: unknown) => send('PATCH', path, body),
    /** A raw body and content type, for malformed requests. */
    raw: (method: string, path: string, body: BodyInit, contentType = 'application/json') =>
      app.request(path, { method, headers: headers({ 'Content-Type': contentType }), body }),
    push: (changes: unknown[]) => send('POST', '/api/v1/sync/push', { changes }),
    pull: (since = 0, limit?: number) =>
      send('GET', `/api/v1/sync/pull?since=${since}${limit === undefined ? '' : `&limit=${limit}`}`),
  };
}

/** The response body as JSON, asserting nothing (tests check the status themselves). */
// biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON
export async function body(res: Response): Promise<any> {
  return res.json();
}

/** Every change of a team, following the cursor page by page as the extension does. */
export async function pullAll(app: App, token: string, pageSize = 1000) {
  const changes: PulledChange[] = [];
  let since = 0;
  for (;;) {
    const res = await client(app, token).pull(since, pageSize);
    if (res.status !== 200) throw new Error(`pull answered ${res.status}: ${await res.text()}`);
    const page = await res.json();
    changes.push(...page.changes);
    since = page.cursor;
    if (!page.hasMore) return { changes, cursor: since };
  }
}

/** Signs in to the dashboard with `token` and answers the `Cookie` header the browser would send. */
export async function signedInCookie(app: App, token: string): Promise<string> {
  const res = await app.request('/dashboard/sign-in', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token }).toString(),
  });
  const setCookie = res.headers.get('Set-Cookie');
  if (res.status !== 303 || !setCookie) throw new Error(`sign-in answered ${res.status}`);
  return setCookie.split(';')[0]!;
}
