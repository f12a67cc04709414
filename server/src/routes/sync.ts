import { pullQuery, pushRequest } from '@relance/shared';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../app-env';
import { requireAuth } from '../middleware/auth';
import { validate } from '../middleware/validate';
import { pullChanges } from '../services/sync/pull';
import { pushChanges } from '../services/sync/push';
import { checkSchemaVersion } from '../services/sync/version';

/** The sync protocol (docs/architecture.md#sync-protocol): push a batch, pull after a cursor. */
export function syncRoutes({ db, now }: AppDeps) {
  const auth = requireAuth(db);
  return new Hono<AppEnv>()
    .post('/sync/push', auth, validate('json', pushRequest), async (c) => {
      const { schemaVersion, changes } = c.req.valid('json');
      checkSchemaVersion(schemaVersion);
      const results = await pushChanges(db, c.var.identity, changes, now?.());
      return c.json({ schemaVersion, results });
    })
    .get('/sync/pull', auth, validate('query', pullQuery), async (c) => {
      const { schemaVersion, since, limit } = c.req.valid('query');
      checkSchemaVersion(schemaVersion);
      return c.json({ schemaVersion, ...(await pullChanges(db, c.var.identity.team.id, since, limit)) });
    });
}
