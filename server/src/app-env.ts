import type { Database } from './db/open';
import type { RateLimitOptions } from './middleware/rate-limit';
import type { Identity } from './services/identity';

/** What the app needs from outside; tests pass their own. */
export interface AppDeps {
  db: Database;
  /** Largest request body accepted, in bytes (default 1 MiB). */
  maxBodyBytes?: number;
  /** Per-token and per-address request limits (counted in the database); none when unset. */
  rateLimit?: RateLimitOptions;
  /** The clock (tests move it). */
  now?: () => Date;
}

/** Hono's context typing: what middleware puts in `c.var`. */
export interface AppEnv {
  Variables: { identity: Identity };
}
