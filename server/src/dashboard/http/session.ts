import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Database } from '../../db/open';
import { forgetCaller, resolveCaller } from '../../http/caller';
import { SESSION_COOKIE } from '../../http/credentials';
import type { Identity } from '../../services/identity';
import { closeSession, openSession, SESSION_LIFETIME_MS } from '../../services/sessions';
import { DASHBOARD_BASE } from './context';

/**
 * The dashboard signs in with the same bearer token as the extension, once: the browser then
 * keeps a session id of its own (services/sessions.ts: random, stored hashed, expiring, ended at
 * sign-out or when the token is revoked), never the token. The cookie cannot be read by scripts
 * (HttpOnly), is only sent to the dashboard's paths, never with a request started by another
 * site (SameSite=Strict, which also stops cross-site form posts), and only over HTTPS when the
 * dashboard is served over HTTPS.
 */
export async function sessionIdentity(c: Context, db: Database, now?: () => Date): Promise<Identity | null> {
  const caller = await resolveCaller(c, db, now);
  return caller.kind === 'session' ? caller.identity : null;
}

export async function startSession(
  c: Context,
  db: Database,
  identity: Identity,
  trustProxy: boolean,
  now: Date,
) {
  const sessionId = await openSession(db, identity, now);
  setCookie(c, SESSION_COOKIE, sessionId, {
    path: DASHBOARD_BASE,
    httpOnly: true,
    sameSite: 'Strict',
    secure: isHttps(c, trustProxy),
    maxAge: Math.floor(SESSION_LIFETIME_MS / 1000),
  });
  forgetCaller(c);
}

/** Signs this browser's session out on the server, and drops the cookie. */
export async function endSession(c: Context, db: Database, trustProxy: boolean, now: Date) {
  const sessionId = getCookie(c, SESSION_COOKIE);
  if (sessionId) await closeSession(db, sessionId, now);
  deleteCookie(c, SESSION_COOKIE, { path: DASHBOARD_BASE, secure: isHttps(c, trustProxy) });
  forgetCaller(c);
}

/**
 * Whether the browser reached us over HTTPS. Behind a TLS-terminating proxy the request arrives
 * over HTTP: its `X-Forwarded-Proto` is believed only when a proxy is declared (RELANCE_TRUST_PROXY).
 */
export function isHttps(c: Context, trustProxy: boolean): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  return trustProxy && c.req.header('X-Forwarded-Proto')?.split(',')[0]?.trim().toLowerCase() === 'https';
}

/**
 * A form post must come from the dashboard itself. SameSite=Strict already keeps the cookie off
 * cross-site posts; checking Origin also refuses a cross-site sign-in (login CSRF).
 */
export function isSameOrigin(c: Context): boolean {
  const origin = c.req.header('Origin');
  if (!origin) return true; // Older browsers and non-browser clients send none.
  const url = new URL(c.req.url);
  const forwardedHost = c.req.header('X-Forwarded-Host');
  const host = forwardedHost ?? c.req.header('Host') ?? url.host;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
