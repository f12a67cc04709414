import { pullQuery, pushRequest } from '@relance/shared';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps, AppEnv } from '../app-env';
import { requireAuth } from '../middleware/auth';
import { validate } from '../middleware/validate';
import { pullChanges } from '../services/sync/pull';
import { pushChanges } from '../services/sync/push';

/** The shared pull query, bounded so that no cursor overflows PostgreSQL's bigint. */
export const boundedPullQuery = pullQuery.extend({
  since: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
});

/** The sync protocol of DESIGN.md: push a batch, pull after a cursor. */
export function syncRoutes({ db, now }: AppDeps) {
  const auth = requireAuth(db);
  return new Hono<AppEnv>()
    .post('/sync/push', auth, validate('json', pushRequest), async (c) => {
      const results = await pushChanges(db, c.var.identity, c.req.valid('json').changes, now?.());
      return c.json({ results });
    })
    .get('/sync/pull', auth, validate('query', boundedPullQuery), async (c) => {
      const { since, limit } = c.req.valid('query');
      return c.json(await pullChanges(db, c.var.identity.team.id, since, limit));
    });
}
