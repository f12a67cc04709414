import { isoDate, rateTable, rateUpdates } from '@relance/shared';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps, AppEnv } from '../app-env';
import { requireAuth, requireRole } from '../middleware/auth';
import { validate } from '../middleware/validate';
import { rateChangeBody } from '../rates/rateChange';
import { addTeamRate, teamRates } from '../rates/teamRates';

/** What both methods answer: the team's table (for the OpenAPI document). */
export const teamRatesAnswer = z.object({
  table: rateTable,
  updates: rateUpdates.nullable(),
  shippedUpdatedOn: isoDate,
});

/**
 * `GET /api/v1/rates`: the team's reference-rate table (shipped table + the leads' updates).
 * `POST /api/v1/rates`: adds a rate change (owners and leads). The extension gets the updates
 * through sync (the team settings document); this route serves the dashboard and scripts.
 */
export function rateRoutes({ db, now }: AppDeps) {
  const auth = requireAuth(db);
  return new Hono<AppEnv>()
    .get('/rates', auth, async (c) => c.json(await teamRates(db, c.var.identity.team.id)))
    .post('/rates', auth, requireRole('owner', 'lead'), validate('json', rateChangeBody), async (c) =>
      c.json(await addTeamRate(db, c.var.identity, c.req.valid('json'), now?.() ?? new Date())),
    );
}
