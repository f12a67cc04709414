import { idParam, setRoleBody } from '@relance/shared';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../app-env';
import { requireAuth, requireRole } from '../middleware/auth';
import { validate } from '../middleware/validate';
import { getPerson, listPeople, setRole } from '../services/people';
import { revokePersonTokens, revokeToken } from '../services/tokens';

export function peopleRoutes({ db }: AppDeps) {
  const auth = requireAuth(db);
  return new Hono<AppEnv>()
    .get('/people', auth, async (c) => c.json({ people: await listPeople(db, c.var.identity.team.id) }))
    .patch(
      '/people/:id',
      auth,
      requireRole('owner'),
      validate('param', idParam),
      validate('json', setRoleBody),
      async (c) => {
        const person = await setRole(
          db,
          c.var.identity.team.id,
          c.req.valid('param').id,
          c.req.valid('json').role,
        );
        return c.json({ person });
      },
    )
    .post('/people/:id/revoke', auth, requireRole('owner'), validate('param', idParam), async (c) => {
      const teamId = c.var.identity.team.id;
      const person = await getPerson(db, teamId, c.req.valid('param').id);
      return c.json({ person, revoked: await revokePersonTokens(db, teamId, person.id) });
    })
    .post('/tokens/revoke', auth, async (c) => {
      await revokeToken(db, c.var.identity.tokenId);
      return c.body(null, 204);
    });
}
