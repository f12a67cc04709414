import type { Role } from '@relance/shared';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { integerFromEnv } from '../config';
import type { Database } from '../db/open';
import { rememberCaller, resolveCaller } from '../http/caller';
import { bearerToken, clientAddress, TOKEN_SHAPE } from '../http/credentials';
import { sha256Hex } from '../services/secrets';
import {
  authenticateAndCount,
  type Counted,
  countRequest,
  secondsUntilRoom,
  slidingCount,
  uncountRequest,
} from './rate-limit-counter';

/**
 * Rate limits: a sliding-window counter per token (bearer header, or the dashboard session opened
 * with it), and per client address for requests without a valid one (creating a team, joining,
 * signing in, and every failed token check).
 * The counters live in the database (`rate_limits`), so every instance behind a load balancer
 * counts against the same limit. A refused request gets 429 JSON and `Retry-After` (seconds).
 */
export interface RateLimitOptions {
  /** Requests per token in any window length; 0 turns the per-token limit off. */
  perToken: number;
  /** Requests per client address in any window length, for requests without a valid token; 0 turns it off. */
  perAddress: number;
  windowSeconds: number;
  /**
   * Behind a load balancer every request comes from its address: take the client's from the
   * last `X-Forwarded-For` entry instead (the one the balancer added). Only when one is in front.
   */
  trustProxy: boolean;
}

export const DEFAULT_RATE_LIMITS: RateLimitOptions = {
  perToken: 1200,
  perAddress: 120,
  windowSeconds: 60,
  trustProxy: false,
};

/** RELANCE_RATE_LIMIT, RELANCE_RATE_LIMIT_ANONYMOUS, RELANCE_RATE_LIMIT_WINDOW, RELANCE_TRUST_PROXY. */
export function rateLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): RateLimitOptions {
  const windowSeconds = integerFromEnv('RELANCE_RATE_LIMIT_WINDOW', DEFAULT_RATE_LIMITS.windowSeconds, env)!;
  if (windowSeconds < 1) throw new Error('RELANCE_RATE_LIMIT_WINDOW must be at least 1 (second)');
  return {
    perToken: integerFromEnv('RELANCE_RATE_LIMIT', DEFAULT_RATE_LIMITS.perToken, env)!,
    perAddress: integerFromEnv('RELANCE_RATE_LIMIT_ANONYMOUS', DEFAULT_RATE_LIMITS.perAddress, env)!,
    windowSeconds,
    trustProxy: ['1', 'true', 'yes'].includes((env.RELANCE_TRUST_PROXY ?? '').toLowerCase()),
  };
}

export function rateLimit(db: Database, options: RateLimitOptions, now: () => Date = () => new Date()) {
  const windowMs = options.windowSeconds * 1000;
  return createMiddleware(async (c, next) => {
    const at = now().getTime();
    const windowStart = new Date(at - (at % windowMs));
    let subject: { kind: 'token' | 'address'; key: string };
    let counted: Counted | undefined;
    try {
      const token = bearerToken(c);
      if (token !== undefined && TOKEN_SHAPE.test(token) && options.perToken > 0) {
        // The hot path (every API call): the token checked and counted in one round trip.
        const found = await authenticateAndCount(db, sha256Hex(token), windowStart, windowMs);
        if (found) {
          const { caller } = found;
          const identity = {
            tokenId: caller.tokenId,
            team: { id: caller.teamId, name: caller.teamName },
            person: { id: caller.personId, name: caller.personName, role: caller.role as Role },
          };
          rememberCaller(c, { kind: 'token', identity });
          subject = { kind: 'token', key: `token:${caller.tokenId}` };
          counted = found.counted;
        } else {
          rememberCaller(c, { kind: 'refused' });
          subject = { kind: 'address', key: `address:${clientAddress(c, options.trustProxy)}` };
        }
      } else {
        subject = await whoIsCalling(c, db, options.trustProxy, now);
      }
    } catch (error) {
      // The database is unreachable: the request would fail there anyway, with the right error.
      console.error('[relance] rate limit not checked:', error instanceof Error ? error.message : error);
      return next();
    }
    const limit = subject.kind === 'token' ? options.perToken : options.perAddress;
    if (limit <= 0) return next();

    try {
      counted ??= await countRequest(db, subject.key, windowStart, windowMs);
    } catch (error) {
      console.error('[relance] rate limit not checked:', error instanceof Error ? error.message : error);
      return next();
    }
    if (slidingCount(counted, at, windowMs) <= limit) return next();

    // Refused requests do not use up the budget: a client that waits as told gets through.
    await uncountRequest(db, subject.key, counted.windowStart).catch(() => {});
    const retryAfter = secondsUntilRoom(counted, at, windowMs, limit);
    c.header('Retry-After', String(retryAfter));
    return c.json(
      {
        error: 'rate_limited',
        retryable: true,
        message: `too many requests: at most ${limit} in any ${options.windowSeconds} s; try again in ${retryAfter} s`,
        retryAfter,
      },
      429,
    );
  });
}

/**
 * The key a request is counted under: a known token's id (the dashboard's session counts for the
 * token it was opened with), else the client's address. A credential that names nobody is counted
 * against its address, with the budget of anonymous requests: guessing is throttled per address,
 * and no row is ever stored per unknown token.
 */
async function whoIsCalling(
  c: Context,
  db: Database,
  trustProxy: boolean,
  now: () => Date,
): Promise<{ kind: 'token' | 'address'; key: string }> {
  const caller = await resolveCaller(c, db, now);
  if (caller.kind === 'token' || caller.kind === 'session') {
    return { kind: 'token', key: `token:${caller.identity.tokenId}` };
  }
  return { kind: 'address', key: `address:${clientAddress(c, trustProxy)}` };
}
