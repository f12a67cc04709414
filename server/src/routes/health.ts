import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../app-env';

// `service` lets the extension's options tell a Relance server from any other site at that address.
export function healthRoutes({ db }: AppDeps) {
  return new Hono<AppEnv>().get('/healthz', async (c) => {
    try {
      await db.execute(sql`select 1`);
      return c.json({ ok: true, service: 'relance' });
    } catch {
      return c.json({ ok: false, service: 'relance', error: 'database_unavailable', retryable: true }, 503);
    }
  });
}
