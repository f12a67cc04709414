import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../app-env';

export function healthRoutes({ db }: AppDeps) {
  return new Hono<AppEnv>().get('/healthz', async (c) => {
    try {
      await db.execute(sql`select 1`);
      return c.json({ ok: true });
    } catch {
      return c.json({ ok: false, error: 'database_unavailable', retryable: true }, 503);
    }
  });
}
