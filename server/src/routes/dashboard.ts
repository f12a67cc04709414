import { todayLocal } from '@relance/shared';
import { Hono } from 'hono';
import type { AppDeps } from '../app-env';
import { STYLESHEET } from '../dashboard/assets';
import { postCorrection } from '../dashboard/handlers/corrections';
import {
  clientPage,
  clientsPage,
  forbiddenPage,
  historyCsv,
  historyPage,
  notFoundPage,
  overdueCsvFile,
  overduePage,
  overviewPage,
  peoplePage,
} from '../dashboard/handlers/pages';
import { addRate, ratesPage } from '../dashboard/handlers/rates';
import { signIn, signInForm, signOut } from '../dashboard/handlers/session';
import { DASHBOARD_BASE } from '../dashboard/http/context';
import { type DashboardEnv, pageContext } from '../dashboard/http/pageContext';
import { securityHeaders } from '../dashboard/http/render';
import { isSameOrigin, sessionIdentity } from '../dashboard/http/session';

/**
 * The team leads' dashboard (server-rendered Preact, no script needed), mounted at `/dashboard`.
 * Signed in with a lead's or owner's token, which opens a session (an HttpOnly cookie holding the
 * session's id, see http/session.ts); every query is scoped to that token's team.
 */
export function dashboardRoutes(deps: AppDeps) {
  const { db } = deps;
  const now = () => deps.now?.() ?? new Date();
  const today = () => todayLocal(now());
  const trustProxy = deps.trustProxy ?? deps.rateLimit?.trustProxy ?? false;

  return (
    new Hono<DashboardEnv>()
      .use('*', async (c, next) => {
        securityHeaders(c);
        c.set('page', pageContext(c, today(), null));
        await next();
      })
      .get('/assets/dashboard.css', (c) =>
        c.body(STYLESHEET, 200, {
          'Content-Type': 'text/css; charset=utf-8',
          'Cache-Control': 'public, max-age=86400',
        }),
      )
      .get('/sign-in', (c) => signInForm(c, db, now))
      .post('/sign-in', (c) => signIn(c, db, trustProxy, now))
      .post('/sign-out', (c) => signOut(c, db, trustProxy, now))
      // Everything below needs a signed-in lead or owner.
      .use('*', async (c, next) => {
        if (c.req.method === 'POST' && !isSameOrigin(c)) return c.text('cross-site request refused', 403);
        const identity = await sessionIdentity(c, db, now);
        if (!identity) {
          const url = new URL(c.req.url);
          const next = `${url.pathname}${url.search}`;
          return c.redirect(c.var.page.href('/sign-in', { next }), 302);
        }
        const page = { ...c.var.page, identity };
        c.set('page', page);
        c.set('identity', identity);
        if (identity.person.role === 'member') return forbiddenPage(c);
        await next();
      })
      .get('/', (c) => overviewPage(c, db))
      .get('/overdue', (c) => overduePage(c, db))
      .get('/overdue.csv', (c) => overdueCsvFile(c, db))
      .get('/history', (c) => historyPage(c, db))
      .get('/history.csv', (c) => historyCsv(c, db))
      .get('/clients', (c) => clientsPage(c, db))
      .get('/clients/:id', (c) => clientPage(c, db))
      .get('/people', (c) => peoplePage(c, db))
      .get('/rates', (c) => ratesPage(c, db))
      .post('/rates', (c) => addRate(c, db, deps.now?.() ?? new Date()))
      .post('/corrections', (c) => postCorrection(c, db, deps.now?.() ?? new Date()))
      .all('*', (c) => {
        if (c.req.path === `${DASHBOARD_BASE}/`) return c.redirect(c.var.page.href('/'), 301);
        return notFoundPage(c);
      })
  );
}
