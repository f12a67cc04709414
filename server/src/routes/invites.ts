import { idParam, inviteBody } from '@relance/shared';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../app-env';
import { requireAuth, requireRole } from '../middleware/auth';
import { validate } from '../middleware/validate';
import { createInvite, listPendingInvites, revokeInvite } from '../services/invites';

export function inviteRoutes({ db, now }: AppDeps) {
  const auth = requireAuth(db);
  const leads = requireRole('owner', 'lead');
  return new Hono<AppEnv>()
    .get('/invites', auth, leads, async (c) =>
      c.json({ invites: await listPendingInvites(db, c.var.identity.team.id, now?.()) }),
    )
    .post('/invites/:id/revoke', auth, leads, validate('param', idParam), async (c) => {
      await revokeInvite(db, c.var.identity.team.id, c.req.valid('param').id, now?.());
      return c.body(null, 204);
    })
    .post(
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
