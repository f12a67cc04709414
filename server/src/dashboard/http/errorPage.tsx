import { todayLocal } from '@relance/shared';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { Layout } from '../components/Layout';
import type { PageContext } from './context';
import { pageContext } from './pageContext';
import { htmlPage, securityHeaders } from './render';

/**
 * The dashboard's side of the error boundary (middleware/errors.ts): the same sorted error,
 * shown as a page. A refused request (4xx) says the request could not be read; a 5xx says the
 * server is unavailable. The error's code is in `data-error` for tests and support.
 */
export function dashboardErrorPage(c: Context, status: ContentfulStatusCode, code: string): Response {
  securityHeaders(c);
  const existing = (c.var as { page?: PageContext }).page;
  const ctx: PageContext = existing ?? pageContext(c, todayLocal(new Date()), null);
  const { t } = ctx;
  const refused = status < 500;
  return htmlPage(
    c,
    <Layout
      ctx={ctx}
      title={t(refused ? 'requestErrorTitle' : 'serverErrorTitle')}
      nav={ctx.identity ? null : undefined}
    >
      <p data-error={code}>{t(refused ? 'requestErrorText' : 'serverErrorText')}</p>
      <p>
        <a href={ctx.href('/')}>{t('backToOverview')}</a>
      </p>
    </Layout>,
    status,
  );
}
