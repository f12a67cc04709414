import { Layout, roleLabel } from '../components/Layout';
import type { PageContext } from '../http/context';

/** A member signed in: the dashboard is for leads and owners. */
export function ForbiddenPage({ ctx }: { ctx: PageContext }) {
  const { t, identity } = ctx;
  return (
    <Layout ctx={ctx} title={t('forbiddenTitle')}>
      <p data-error="forbidden">
        {t('forbiddenText', {
          name: identity?.person.name ?? '',
          role: identity ? roleLabel(ctx, identity.person.role) : '',
        })}
      </p>
    </Layout>
  );
}

export function NotFoundPage({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('notFoundTitle')} nav={ctx.identity ? null : undefined}>
      <p data-error="not-found">{t('notFoundText')}</p>
      <p>
        <a href={ctx.href('/')}>{t('backToOverview')}</a>
      </p>
    </Layout>
  );
}
