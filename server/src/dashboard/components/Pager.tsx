import type { PageContext, QueryValue } from '../http/context';

/** Previous / next links that keep the current filters. */
export function Pager(props: {
  ctx: PageContext;
  path: string;
  params: Record<string, QueryValue>;
  page: number;
  pages: number;
}) {
  const { ctx, path, params, page, pages } = props;
  if (pages <= 1) return null;
  const { t } = ctx;
  return (
    <nav class="pager" aria-label={t('pagination')}>
      {page > 1 ? (
        <a rel="prev" href={ctx.href(path, { ...params, page: page - 1 === 1 ? undefined : page - 1 })}>
          ← {t('pagePrevious')}
        </a>
      ) : (
        <span />
      )}
      <span class="pager-position">{t('pageOf', { page, pages })}</span>
      {page < pages ? (
        <a rel="next" href={ctx.href(path, { ...params, page: page + 1 })}>
          {t('pageNext')} →
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
