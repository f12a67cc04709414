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
      <NotUnderstood t={t} send={send} tabs={tabs} close={close} />
      <WebmailHealth t={t} send={send} />
      <TeachButton t={t} send={send} tabs={tabs} close={close} />
      <Overdue work={loaded.work} t={t} />
      <TodayList work={loaded.work} t={t} />
      <section class="sync">
        <h2>{t('syncTitle')}</h2>
        <SyncStatus
          status={loaded.status}
          t={t}
          send={send}
          onChange={(status) => setLoaded({ ...loaded, status })}
        />
      </section>
    </main>
  );
}

function Overdue({ work, t }: { work: TodayWork; t: UiTranslator }) {
  if (work.overdueTotals.length === 0) return <p class="overdue none">{t('overdueNone')}</p>;
  return (
    <p class="overdue" data-testid="overdue-total">
      {work.overdueTotals.map((total) => (
        <span class="total">
          {t('overdueTotal', { amount: formatMoney(total.cents, total.currency, t.lang) })} ·{' '}
          {plural(t, total.count, 'overdueInvoicesOne', 'overdueInvoicesMany')}
        </span>
      ))}
    </p>
  );
}

function TodayList({ work, t }: { work: TodayWork; t: UiTranslator }) {
  const count = work.groups.reduce((n, g) => n + g.invoices.length, 0);
  if (count === 0) return <p class="today none">{t('todayNothing')}</p>;
  return (
    <section class="today">
      <h2>{plural(t, count, 'todayDueOne', 'todayDueMany')}</h2>
      <ul class="clients">
        {work.groups.map((group) => (
          <li class="client" data-client-id={group.clientId}>
            <strong>{group.clientName}</strong>
            <ul>
              {group.invoices.map((invoice) => (
                <li class="invoice" data-invoice-number={invoice.number} data-stage={invoice.stage}>
                  <span class="number">{invoice.number}</span>
                  <span class="days">{formatDaysLate(invoice.daysOverdue, t.lang)}</span>
                  <span class="stage">{stageLabel(invoice.stage, t.lang)}</span>
                  <span class="amount">
                    {formatMoney(invoice.outstandingCents, invoice.currency, t.lang)}
                  </span>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
