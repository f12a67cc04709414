import type { IsoDate, Language } from '@relance/shared';
import type { Identity } from '../../services/identity';
import type { T } from '../i18n/messages';

/** Where the dashboard is mounted (see app.ts). */
export const DASHBOARD_BASE = '/dashboard';

export type QueryValue = string | number | undefined | null;

/** What every page needs to know about the request it answers. */
export interface PageContext {
  t: T;
  lang: Language;
  /** The language was asked for in the URL; links keep asking for it. */
  explicitLang: boolean;
  /** The current path (under the base) and query, to build the language switch link. */
  path: string;
  query: Record<string, string>;
  today: IsoDate;
  identity: Identity | null;
  /** A dashboard link: `href('/history', { clientId })`; empty values are left out, the language carried on when asked for. */
  href(path: string, params?: Record<string, QueryValue>): string;
}

export function buildHref(explicitLang: boolean, lang: Language) {
  return (path: string, params: Record<string, QueryValue> = {}) => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) {
      if (value === undefined || value === null || value === '') continue;
      search.set(key, String(value));
    }
    // A link may ask for a language itself (CSV files: their format depends on it).
    if (explicitLang && !search.has('lang')) search.set('lang', lang);
    const qs = search.toString();
    return `${DASHBOARD_BASE}${path === '/' ? '' : path}${qs ? `?${qs}` : ''}`;
  };
}

/** The same page in the other language. */
export function switchLanguageHref(ctx: PageContext): string {
  const other: Language = ctx.lang === 'fr' ? 'en' : 'fr';
  const search = new URLSearchParams({ ...ctx.query, lang: other });
  return `${DASHBOARD_BASE}${ctx.path === '/' ? '' : ctx.path}?${search.toString()}`;
}
