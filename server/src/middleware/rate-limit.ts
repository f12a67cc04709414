import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { integerFromEnv } from '../config';
import type { Database } from '../db/open';
import { bearerToken, clientAddress, sessionCookie } from '../http/credentials';
import { sha256Hex } from '../services/secrets';
import { countRequest } from './rate-limit-counter';

/**
 * Rate limits: a fixed-window counter per token (bearer header, or the dashboard's session cookie),
 * and per client address for requests without a token (creating a team, joining, signing in).
 * The counters live in the database (`rate_limits`), so every instance behind a load balancer
 * counts against the same limit. A refused request gets 429 JSON and `Retry-After` (seconds).
 */
export interface RateLimitOptions {
  /** Requests per token in each window; 0 turns the per-token limit off. */
  perToken: number;
  /** Requests per client address in each window, for requests without a token; 0 turns it off. */
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
    const subject = whoIsCalling(c, options.trustProxy);
    const limit = subject.kind === 'token' ? options.perToken : options.perAddress;
    if (limit <= 0) return next();

    const at = now().getTime();
    const windowStart = new Date(at - (at % windowMs));
    let counted: Awaited<ReturnType<typeof countRequest>>;
    try {
      counted = await countRequest(db, subject.key, windowStart);
    } catch (error) {
      // The database is unreachable: the request would fail there anyway, with the right error.
      console.error('[relance] rate limit not checked:', error instanceof Error ? error.message : error);
      return next();
    }
    if (counted.count <= limit) return next();

    const retryAfter = Math.max(1, Math.ceil((counted.windowStart.getTime() + windowMs - at) / 1000));
    c.header('Retry-After', String(retryAfter));
    return c.json(
      {
        error: 'rate_limited',
        retryable: true,
        message: `too many requests: at most ${limit} every ${options.windowSeconds} s; try again in ${retryAfter} s`,
        retryAfter,
      },
      429,
    );
  });
}

/**
 * The key a request is counted under. Tokens are only ever kept hashed, here as in `tokens`; an
 * unknown token is counted under its own hash too (guessing 256-bit tokens is hopeless anyway).
 */
function whoIsCalling(c: Context, trustProxy: boolean): { kind: 'token' | 'address'; key: string } {
  const token = bearerToken(c) ?? sessionCookie(c);
  if (token) return { kind: 'token', key: `token:${sha256Hex(token)}` };
  return { kind: 'address', key: `address:${clientAddress(c, trustProxy)}` };
}
