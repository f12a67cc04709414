import { timingSafeEqual } from 'node:crypto';
import { createMiddleware } from 'hono/factory';
import type { SignupPolicy } from '../app-env';
import { bearerToken } from '../http/credentials';
import { ServiceError } from '../services/errors';
import { sha256Hex } from '../services/secrets';

/**
 * Who may create a team over HTTP. Open: anyone (throttled per address like every anonymous
 * request). Closed: only the instance admin, with `Authorization: Bearer <RELANCE_ADMIN_TOKEN>`;
 * everyone else gets 403 `signup_closed` (the CLI's `create-team` always works).
 */
export function signupGate(policy: SignupPolicy, adminToken: string | undefined) {
  const adminHash = adminToken ? Buffer.from(sha256Hex(adminToken), 'hex') : undefined;
  return createMiddleware(async (c, next) => {
    if (policy === 'open') return next();
    const given = bearerToken(c);
    // Hashes of equal length, compared in constant time: the comparison says nothing of the secret.
    if (adminHash && given && timingSafeEqual(Buffer.from(sha256Hex(given), 'hex'), adminHash)) return next();
    throw new ServiceError(
      403,
      'signup_closed',
      'this server does not let anyone create a team: ask its administrator for an invite code',
    );
  });
}
