import type { Context } from 'hono';
import type { Database } from '../db/open';
import type { Identity } from '../services/identity';
import { findSession } from '../services/sessions';
import { authenticate } from '../services/tokens';
import { bearerToken, sessionCookie, TOKEN_SHAPE } from './credentials';

/**
 * Who a request comes from, looked up once per request and shared by the rate limiter, the API's
 * auth and the dashboard: a bearer token (API), a session cookie (dashboard), or nothing.
 * `refused` is a credential that names nobody (unknown, revoked, expired, malformed).
 */
export type Caller =
  | { kind: 'token' | 'session'; identity: Identity }
  | { kind: 'refused' }
  | { kind: 'anonymous' };

const resolved = new WeakMap<Request, Promise<Caller>>();

export function resolveCaller(c: Context, db: Database, now: () => Date = () => new Date()): Promise<Caller> {
  let caller = resolved.get(c.req.raw);
  if (!caller) {
    caller = lookUp(c, db, now());
    resolved.set(c.req.raw, caller);
  }
  return caller;
}

async function lookUp(c: Context, db: Database, now: Date): Promise<Caller> {
  const token = bearerToken(c);
  if (token !== undefined) {
    const identity = TOKEN_SHAPE.test(token) ? await authenticate(db, token) : null;
    return identity ? { kind: 'token', identity } : { kind: 'refused' };
  }
  const session = sessionCookie(c);
  if (session !== undefined && session !== '') {
    const identity = await findSession(db, session, now);
    return identity ? { kind: 'session', identity } : { kind: 'refused' };
  }
  return { kind: 'anonymous' };
}

/** Records a lookup done elsewhere (the rate limiter checks a token and counts it in one statement). */
export function rememberCaller(c: Context, caller: Caller): void {
  resolved.set(c.req.raw, Promise.resolve(caller));
}

/** Forgets what was looked up (after sign-in or sign-out changed it within the request). */
export function forgetCaller(c: Context): void {
  resolved.delete(c.req.raw);
}
