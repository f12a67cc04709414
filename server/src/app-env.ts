import type { Database } from './db/open';
import type { RateLimitOptions } from './middleware/rate-limit';
import type { Identity } from './services/identity';

export type SignupPolicy = 'open' | 'closed';

/** What the app needs from outside; tests pass their own. */
export interface AppDeps {
  db: Database;
  /** Largest request body accepted, in bytes (default 1 MiB). */
  maxBodyBytes?: number;
  /** Per-token and per-address request limits (counted in the database); none when unset. */
  rateLimit?: RateLimitOptions;
  /**
   * A reverse proxy is in front (RELANCE_TRUST_PROXY): believe its `X-Forwarded-For` (client
   * address) and `X-Forwarded-Proto` (HTTPS, for the session cookie's `Secure`). Defaults to the
   * rate limiter's setting.
   */
  trustProxy?: boolean;
  /** Who may create a team over HTTP (RELANCE_SIGNUP): `open` (the default here) or `closed`. */
  signup?: SignupPolicy;
  /**
   * The instance admin's secret (RELANCE_ADMIN_TOKEN): with signup closed, `POST /api/v1/teams`
   * with `Authorization: Bearer <it>` still creates teams. Unset: only the CLI can.
   */
  adminToken?: string;
  /** The clock (tests move it). */
  now?: () => Date;
}

/** Hono's context typing: what middleware puts in `c.var`. */
export interface AppEnv {
  Variables: { identity: Identity };
}
