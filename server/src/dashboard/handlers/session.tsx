import type { Context } from 'hono';
import type { Database } from '../../db/open';
import { TOKEN_SHAPE } from '../../http/credentials';
import { readForm } from '../../http/form';
import { authenticate } from '../../services/tokens';
import type { DashboardEnv } from '../http/pageContext';
import { safeNext } from '../http/params';
import { htmlPage } from '../http/render';
import { endSession, isSameOrigin, sessionIdentity, startSession } from '../http/session';
import { type SignInError, SignInPage } from '../pages/SignInPage';

type C = Context<DashboardEnv>;

/** The sign-in form; someone already signed in goes straight on. */
export async function signInForm(c: C, db: Database, now: () => Date) {
  const next = safeNext(c.req.query('next'));
  if (await sessionIdentity(c, db, now)) return c.redirect(next ?? c.var.page.href('/'), 302);
  return htmlPage(c, <SignInPage ctx={c.var.page} next={next} />);
}

/**
 * Checks the pasted token and opens a session for it (the cookie holds the session's id, never
 * the token). A member's token is accepted too: the next page then explains that the dashboard
 * is for leads.
 */
export async function signIn(c: C, db: Database, trustProxy: boolean, now: () => Date) {
  if (!isSameOrigin(c)) return c.text('cross-site request refused', 403);
  const form = await readForm(c);
  const token = typeof form.token === 'string' ? form.token.trim() : '';
  const next = safeNext(typeof form.next === 'string' ? form.next : undefined);
  const fail = (error: SignInError, status: 400 | 401) =>
    htmlPage(c, <SignInPage ctx={c.var.page} error={error} next={next} />, status);
  if (!TOKEN_SHAPE.test(token)) return fail('malformed', 400);
  const identity = await authenticate(db, token);
  if (!identity) return fail('invalid', 401);
  await startSession(c, db, identity, trustProxy, now());
  // 303: the browser follows with a GET, and a reload does not post the token again.
  return c.redirect(next ?? c.var.page.href('/'), 303);
}

export async function signOut(c: C, db: Database, trustProxy: boolean, now: () => Date) {
  if (!isSameOrigin(c)) return c.text('cross-site request refused', 403);
  await endSession(c, db, trustProxy, now());
  return c.redirect(c.var.page.href('/sign-in'), 303);
}
