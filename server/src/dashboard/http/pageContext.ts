import type { IsoDate } from '@relance/shared';
import type { Context } from 'hono';
import type { Identity } from '../../services/identity';
import { chooseLanguage } from '../i18n/language';
import { translator } from '../i18n/messages';
import { buildHref, DASHBOARD_BASE, type PageContext } from './context';

/** What the dashboard's middleware puts in `c.var`. */
export interface DashboardEnv {
  Variables: { page: PageContext; identity: Identity };
}

export function pageContext(c: Context, today: IsoDate, identity: Identity | null): PageContext {
  const url = new URL(c.req.url);
  const { lang, explicit } = chooseLanguage(
    url.searchParams.get('lang') ?? undefined,
    c.req.header('Accept-Language'),
  );
  const query: Record<string, string> = {};
  for (const [key, value] of url.searchParams) if (key !== 'lang') query[key] = value;
  const path = url.pathname.startsWith(DASHBOARD_BASE)
    ? url.pathname.slice(DASHBOARD_BASE.length) || '/'
    : '/';
  return {
    t: translator(lang),
    lang,
    explicitLang: explicit,
    path,
    query,
    today,
    identity,
    href: buildHref(explicit, lang),
  };
}
