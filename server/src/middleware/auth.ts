import type { Role } from '@relance/shared';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env';
import type { Database } from '../db/open';
import { resolveCaller } from '../http/caller';
import { ServiceError } from '../services/errors';

/** Resolves `Authorization: Bearer <token>` to the team and person in `c.var.identity`, or answers 401. */
export function requireAuth(db: Database) {
  return createMiddleware<AppEnv>(async (c, next) => {
    // The rate limiter has usually looked the token up already: the same lookup is reused.
    const caller = await resolveCaller(c, db);
    if (caller.kind !== 'token') {
      c.header('WWW-Authenticate', 'Bearer');
      throw new ServiceError(401, 'unauthorized', 'a valid bearer token is required');
    }
    c.set('identity', caller.identity);
    await next();
  });
}

/** Answers 403 unless the caller has one of these roles (use after requireAuth). */
export function requireRole(...roles: Role[]) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (!roles.includes(c.var.identity.person.role)) {
      throw new ServiceError(403, 'forbidden_role', `only ${roles.join(' or ')} may do this`);
    }
    await next();
  });
}
