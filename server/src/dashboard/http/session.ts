import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Database } from '../../db/open';
import { SESSION_COOKIE, TOKEN_SHAPE } from '../../http/credentials';
import type { Identity } from '../../services/identity';
import { authenticate } from '../../services/tokens';
import { DASHBOARD_BASE } from './context';

/**
 * The dashboard signs in with the same bearer token as the extension. The browser keeps it in a
 * cookie that scripts cannot read (HttpOnly), that is only sent to the dashboard's own paths,
 * and never with a request started by another site (SameSite=Strict, which also stops
 * cross-site form posts).
 */
const THIRTY_DAYS = 30 * 24 * 3600;

export async function sessionIdentity(c: Context, db: Database): Promise<Identity | null> {
  const token = getCookie(c, SESSION_COOKIE);
  if (!token || !TOKEN_SHAPE.test(token)) return null;
  return authenticate(db, token);
}

export function startSession(c: Context, token: string): void {
  setCookie(c, SESSION_COOKIE, token, {
    path: DASHBOARD_BASE,
    httpOnly: true,
    sameSite: 'Strict',
    secure: isHttps(c),
    maxAge: THIRTY_DAYS,
  });
}

export function endSession(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: DASHBOARD_BASE, secure: isHttps(c) });
}

/** Behind a TLS-terminating proxy the request reaches us over HTTP: trust its forwarded scheme. */
function isHttps(c: Context): boolean {
  return new URL(c.req.url).protocol === 'https:' || c.req.header('X-Forwarded-Proto') === 'https';
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
