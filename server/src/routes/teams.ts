import { createTeamBody, joinBody } from '@relance/shared';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../app-env';
import { requireAuth } from '../middleware/auth';
import { signupGate } from '../middleware/signup';
import { validate } from '../middleware/validate';
import { joinTeam } from '../services/invites';
import { createTeam } from '../services/teams';

/** Creating a team and joining one need no token; `/me` says who a token belongs to. */
export function teamRoutes({ db, now, signup = 'open', adminToken }: AppDeps) {
  return new Hono<AppEnv>()
    .post('/teams', signupGate(signup, adminToken), validate('json', createTeamBody), async (c) => {
      return c.json(await createTeam(db, c.req.valid('json')), 201);
    })
    .post('/join', validate('json', joinBody), async (c) => {
      const { code, personName } = c.req.valid('json');
      return c.json(await joinTeam(db, { code, personName, now: now?.() }), 201);
    })
    .get('/me', requireAuth(db), (c) => {
      const { team, person } = c.var.identity;
      return c.json({ team, person });
    });
}
