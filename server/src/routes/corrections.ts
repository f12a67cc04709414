import { correctionRequest } from '@relance/shared';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../app-env';
import { requireAuth, requireRole } from '../middleware/auth';
import { validate } from '../middleware/validate';
import { applyCorrection } from '../services/corrections';

/**
 * `POST /api/v1/corrections`: a lead merges a wrong client or invoice into the right one, or
 * deletes one (owners and leads; see services/corrections.ts). The dashboard's client page posts
 * the same request as a form; installs get the result through their next sync pull.
 */
export function correctionRoutes({ db, now }: AppDeps) {
  return new Hono<AppEnv>().post(
    '/corrections',
    requireAuth(db),
    requireRole('owner', 'lead'),
    validate('json', correctionRequest),
    async (c) =>
      c.json(await applyCorrection(db, c.var.identity, c.req.valid('json'), now?.() ?? new Date())),
  );
}
