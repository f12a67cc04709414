import type { Role } from '@relance/shared';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env';
import type { Database } from '../db/open';
import { bearerToken, TOKEN_SHAPE } from '../http/credentials';
import { ServiceError } from '../services/errors';
import { authenticate } from '../services/tokens';

/** Resolves `Authorization: Bearer <token>` to the team and person in `c.var.identity`, or answers 401. */
export function requireAuth(db: Database) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const token = bearerToken(c);
    const identity = token && TOKEN_SHAPE.test(token) ? await authenticate(db, token) : null;
    if (!identity) {
      c.header('WWW-Authenticate', 'Bearer');
      throw new ServiceError(401, 'unauthorized', 'a valid bearer token is required');
    }
    c.set('identity', identity);
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
