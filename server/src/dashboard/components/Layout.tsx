import { formatDate } from '@relance/shared';
import type { ComponentChildren } from 'preact';
import { STYLESHEET_VERSION } from '../assets';
import { type PageContext, switchLanguageHref } from '../http/context';
import type { MessageKey } from '../i18n/messages';

export type NavId = 'overview' | 'overdue' | 'history' | 'clients' | 'people';

const NAV: { id: NavId; path: string; label: MessageKey }[] = [
  { id: 'overview', path: '/', label: 'navOverview' },
  { id: 'overdue', path: '/overdue', label: 'navOverdue' },
  { id: 'history', path: '/history', label: 'navHistory' },
  { id: 'clients', path: '/clients', label: 'navClients' },
  { id: 'people', path: '/people', label: 'navPeople' },
];

const ROLE_LABEL: Record<string, MessageKey> = { owner: 'roleOwner', lead: 'roleLead', member: 'roleMember' };

export function roleLabel(ctx: PageContext, role: string): string {
  const key = ROLE_LABEL[role];
  return key ? ctx.t(key) : role;
}

/** The frame of every page: header with the team and the person, navigation, language switch. */
export function Layout(props: {
  ctx: PageContext;
  title: string;
  /** The current section; null shows the navigation with none current; undefined hides it. */
  nav?: NavId | null;
  children: ComponentChildren;
}) {
  const { ctx, title, nav, children } = props;
  const { t, identity } = ctx;
  return (
    <html lang={ctx.lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        {/* Relance's own page: the extension's invoicing overlay never reads it (issue 11). */}
        <meta name="relance-server" content="dashboard" />
        <title>{`${title} · ${identity ? `${identity.team.name} · ` : ''}${t('appName')}`}</title>
        <link rel="stylesheet" href={`/dashboard/assets/dashboard.css?v=${STYLESHEET_VERSION}`} />
      </head>
      <body>
        <a class="skip-link" href="#content">
          {t('skipToContent')}
        </a>
        <header class="site-header">
          <div class="brand">
            <a href={ctx.href('/')} class="brand-name">
              {t('appName')}
            </a>
            {identity ? <span class="team-name">{identity.team.name}</span> : null}
          </div>
          <div class="header-tools">
            {identity ? (
              <span class="signed-in">
                {t('signedInAs', { name: identity.person.name, role: roleLabel(ctx, identity.person.role) })}
              </span>
            ) : null}
            <a
              class="lang-switch"
              href={switchLanguageHref(ctx)}
              hrefLang={ctx.lang === 'fr' ? 'en' : 'fr'}
              lang={ctx.lang === 'fr' ? 'en' : 'fr'}
              title={t('switchLanguageLabel')}
            >
              {t('switchLanguage')}
            </a>
            {identity ? (
              <form method="post" action={ctx.href('/sign-out')} class="sign-out">
                <button type="submit" class="link-button">
                  {t('signOut')}
                </button>
              </form>
            ) : null}
          </div>
        </header>
        {identity && nav !== undefined ? (
          <nav class="main-nav" aria-label={t('mainNav')}>
            <ul>
              {NAV.map((item) => (
                <li key={item.id}>
                  <a href={ctx.href(item.path)} aria-current={item.id === nav ? 'page' : undefined}>
                    {t(item.label)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        <main id="content">
          <h1>{title}</h1>
          {children}
        </main>
        <footer class="site-footer">
          <p>{t('asOf', { date: formatDate(ctx.today, ctx.lang) })}</p>
        </footer>
      </body>
    </html>
  );
}
