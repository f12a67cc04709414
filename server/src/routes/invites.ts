import { inviteBody } from '@relance/shared';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../app-env';
import { requireAuth, requireRole } from '../middleware/auth';
import { validate } from '../middleware/validate';
import { createInvite } from '../services/invites';

export function inviteRoutes({ db, now }: AppDeps) {
  return new Hono<AppEnv>().post(
    '/invites',
    requireAuth(db),
    requireRole('owner', 'lead'),
    validate('json', inviteBody),
    async (c) => {
      const { team, person } = c.var.identity;
      const invite = await createInvite(db, {
        teamId: team.id,
        role: c.req.valid('json').role,
        createdBy: person.id,
        now: now?.(),
      });
      return c.json(invite, 201);
    },
  );
}
