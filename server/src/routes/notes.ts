import { idParam } from '@relance/shared';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../app-env';
import { requireAuth } from '../middleware/auth';
import { validate } from '../middleware/validate';
import { listNoteRevisions } from '../services/revisions';

export function noteRoutes({ db }: AppDeps) {
  return new Hono<AppEnv>().get(
    '/notes/:id/revisions',
    requireAuth(db),
    validate('param', idParam),
    async (c) => c.json(await listNoteRevisions(db, c.var.identity.team.id, c.req.valid('param').id)),
  );
}
