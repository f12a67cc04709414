import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';

/**
 * What a request carries to say who it is, read the same way by the middleware (auth, rate
 * limits) and by the dashboard: a bearer token in `Authorization`, the dashboard's cookie, and the
 * client's address.
 */

/** The dashboard's cookie (set by dashboard/http/session.ts, sent to `/dashboard` paths only). */
export const SESSION_COOKIE = 'relance_dashboard';

/** Same shape as the tokens `services/secrets.ts` makes (and older ones). */
export const TOKEN_SHAPE = /^[A-Za-z0-9_-]{10,200}$/;

const BEARER = /^Bearer\s+(\S{1,500})\s*$/i;

/** The bearer token of `Authorization: Bearer <token>`, when there is one. */
export function bearerToken(c: Context): string | undefined {
  return BEARER.exec(c.req.header('Authorization') ?? '')?.[1];
}

/** The dashboard's cookie, on the dashboard's paths. */
export function sessionCookie(c: Context): string | undefined {
  return c.req.path.startsWith('/dashboard') ? getCookie(c, SESSION_COOKIE) : undefined;
}

/**
 * The client's address. Behind a load balancer every request comes from its address: with
 * `trustProxy`, the last `X-Forwarded-For` entry (the one the balancer added) is taken instead.
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('X-Forwarded-For')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded.slice(0, 100);
  }
  // @hono/node-server puts the Node request in the env; in-process calls (tests) have none.
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}
