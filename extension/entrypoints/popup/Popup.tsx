import { formatDaysLate, formatMoney, stageLabel } from '@relance/shared/format';
import type { Language } from '@relance/shared/vocabulary';
import { useEffect, useState } from 'preact/hooks';
import { errorText, plural, type UiTranslator, uiTranslator } from '@/lib/i18n/words';
import type { Send, SyncStatusView, TodayWork } from '@/lib/messages';
import { SyncStatus } from '@/lib/ui/SyncStatus';
import type { PageTabs } from '@/lib/ui/tabs';
import { NotUnderstood } from './NotUnderstood';
import { TeachButton } from './TeachButton';
import { WebmailHealth } from './WebmailHealth';

interface Loaded {
  language: Language;
  work: TodayWork;
  status: SyncStatusView;
}

export interface PopupProps {
  send: Send;
  openOptions: () => void;
  /** The tab the popup opened over (teach mode) and the options page's sites section. */
  tabs: PageTabs;
  close: () => void;
}

/**
 * Today's work: the reminders due, grouped by client, the overdue total and the sync status; and
 * the way into teach mode for the page underneath.
 */
export function Popup({ send, openOptions, tabs, close }: PopupProps) {
  const [loaded, setLoaded] = useState<Loaded>();
  const [error, setError] = useState<{ code?: string; message?: string }>();

  useEffect(() => {
    Promise.all([
      send({ type: 'getSettings' }),
      send({ type: 'getTodayWork' }),
      send({ type: 'getSyncStatus' }),
    ])
      .then(([settings, work, status]) => setLoaded({ language: settings.language, work, status }))
      .catch((e: { code?: string; message?: string }) => setError(e));
  }, [send]);

  useEffect(() => {
    if (loaded) document.documentElement.lang = loaded.language;
  }, [loaded?.language]);

  if (error) return <p class="error">{errorText(uiTranslator('fr'), error)}</p>;
  if (!loaded) return <p class="loading">{uiTranslator('fr')('loading')}</p>;
  const t = uiTranslator(loaded.language);

  return (
    <main class="popup">
      <header>
        <h1>
          {t('appName')} · {t('todayTitle')}
        </h1>
        <button type="button" class="link" onClick={openOptions} data-relance-action="open-options">
          {t('openOptions')}
        </button>
      </header>
      {/* Sync first: whether what follows is the team's up-to-date picture. */}
      <section class="sync">
        <h2>{t('syncTitle')}</h2>
        <SyncStatus
          status={loaded.status}
          t={t}
          send={send}
          onChange={(status) => setLoaded({ ...loaded, status })}
        />
      </section>
      <NotUnderstood t={t} send={send} tabs={tabs} close={close} />
      <WebmailHealth t={t} send={send} />
      <TeachButton t={t} send={send} tabs={tabs} close={close} />
      {loaded.work.invoicesSeen === 0 ? (
        <p class="nothing-seen" data-testid="nothing-seen">
          {t('nothingSeenYet')}
        </p>
      ) : (
        <>
          <Overdue work={loaded.work} t={t} />
          <TodayList work={loaded.work} t={t} dashboard={teamDashboard(loaded.status)} />
        </>
      )}
    </main>
  );
}

/** Clients shown before "see all", and invoices per client: the popup is a glance, not the list. */
export const POPUP_CLIENTS = 6;
export const POPUP_INVOICES_PER_CLIENT = 3;

/** The dashboard's overdue list, for owners and leads of a team (members have no dashboard). */
function teamDashboard(status: SyncStatusView): string | undefined {
  if (status.mode !== 'team' || !status.serverUrl) return undefined;
  if (status.person?.role !== 'owner' && status.person?.role !== 'lead') return undefined;
  return `${status.serverUrl.replace(/\/+$/, '')}/dashboard/overdue`;
}

function Overdue({ work, t }: { work: TodayWork; t: UiTranslator }) {
  if (work.overdueTotals.length === 0) return <p class="overdue none">{t('overdueNone')}</p>;
  return (
    <ul class="overdue" data-testid="overdue-total">
      {work.overdueTotals.map((total) => (
        <li class="total" data-currency={total.currency}>
          {t('overdueTotal', { amount: formatMoney(total.cents, total.currency, t.lang) })} ·{' '}
          {plural(t, total.count, 'overdueInvoicesOne', 'overdueInvoicesMany')}
        </li>
      ))}
    </ul>
  );
}

function TodayList({ work, t, dashboard }: { work: TodayWork; t: UiTranslator; dashboard?: string }) {
  const [all, setAll] = useState(false);
  const count = work.groups.reduce((n, g) => n + g.invoices.length, 0);
  if (count === 0) return <p class="today none">{t('todayNothing')}</p>;
  const shown = all ? work.groups : work.groups.slice(0, POPUP_CLIENTS);
  const hidden = work.groups.length - shown.length;
  return (
    <section class="today">
      <h2>{plural(t, count, 'todayDueOne', 'todayDueMany')}</h2>
      <ul class="clients">
        {shown.map((group) => (
          <li class="client" data-client-id={group.clientId}>
            <strong>{group.clientName}</strong>
            <ul>
              {(all ? group.invoices : group.invoices.slice(0, POPUP_INVOICES_PER_CLIENT)).map((invoice) => (
                <li class="invoice" data-invoice-number={invoice.number} data-stage={invoice.stage}>
                  <span class="number">{invoice.number}</span>
                  <span class="days">{formatDaysLate(invoice.daysOverdue, t.lang)}</span>
                  <span class="stage">{stageLabel(invoice.stage, t.lang)}</span>
                  <span class="amount">
                    {formatMoney(invoice.outstandingCents, invoice.currency, t.lang)}
                  </span>
                </li>
              ))}
              {!all && group.invoices.length > POPUP_INVOICES_PER_CLIENT && (
                <li class="more">
                  {t('moreInvoices', {
                    count: new Intl.NumberFormat(t.lang).format(
                      group.invoices.length - POPUP_INVOICES_PER_CLIENT,
                    ),
                  })}
                </li>
              )}
            </ul>
          </li>
        ))}
      </ul>
      {(hidden > 0 || (!all && work.groups.some((g) => g.invoices.length > POPUP_INVOICES_PER_CLIENT))) &&
        (dashboard ? (
          <a
            class="see-all"
            href={dashboard}
            target="_blank"
            rel="noopener noreferrer"
            data-relance-action="see-all"
          >
            {t('seeAllDashboard')}
          </a>
        ) : (
          <button
            type="button"
            class="link see-all"
            onClick={() => setAll(true)}
            data-relance-action="see-all"
          >
            {t('seeAll', { count: new Intl.NumberFormat(t.lang).format(work.groups.length) })}
          </button>
        ))}
    </section>
  );
}
