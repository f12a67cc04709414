import { handOverBody, idParam, renameTeamBody, setRoleBody } from '@relance/shared';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../app-env';
import { requireAuth, requireRole } from '../middleware/auth';
import { validate } from '../middleware/validate';
import { getPerson, listPeople, setRole } from '../services/people';
import { handOver, renameTeam } from '../services/teams';
import { reissueToken, revokePersonTokens, revokeToken } from '../services/tokens';

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
    .patch('/team', auth, requireRole('owner'), validate('json', renameTeamBody), async (c) =>
      c.json({ team: await renameTeam(db, c.var.identity.team.id, c.req.valid('json').name) }),
    )
    .post('/team/hand-over', auth, requireRole('owner'), validate('json', handOverBody), async (c) => {
      const { team, person } = c.var.identity;
      return c.json(await handOver(db, team.id, person.id, c.req.valid('json').personId));
    })
    .post('/tokens/reissue', auth, async (c) => {
      const { team, person } = c.var.identity;
      const token = await reissueToken(db, c.var.identity);
      return c.json({ team, person, token }, 201);
    })
    .post('/tokens/revoke', auth, async (c) => {
      await revokeToken(db, c.var.identity.tokenId);
      return c.body(null, 204);
    });
}
