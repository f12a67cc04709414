import { formatDate } from '@relance/shared';
import type { ComponentChildren } from 'preact';
import type { HistoryEntry } from '../../services/history';
import { DataTable } from '../components/DataTable';
import { DaysLate, InvoiceNumber } from '../components/InvoiceCells';
import { Layout } from '../components/Layout';
import { stageName } from '../components/labels';
import { Amount } from '../components/Money';
import { Pager } from '../components/Pager';
import { type CurrencyOf, Timeline } from '../components/Timeline';
import type { InvoiceFigure } from '../figures/evaluate';
import type { PageContext } from '../http/context';
import { type MessageKey, plural } from '../i18n/messages';

export const CLIENT_TIMELINE_PAGE_SIZE = 100;

export function ClientPage(props: {
  ctx: PageContext;
  clientId: string;
  name: string;
  emails: string[];
  address?: string;
  invoices: InvoiceFigure[];
  entries: HistoryEntry[];
  total: number;
  page: number;
  currencyOf: CurrencyOf;
  /** Merge or delete this client or its invoices (handlers/corrections.tsx). */
  corrections?: ComponentChildren;
  /** The team's time zone, for the time of day of each entry. */
  timeZone: string;
}) {
  const { ctx, clientId, invoices, entries, total, page, currencyOf } = props;
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={props.name} nav="clients">
      {props.emails.length > 0 ? (
        <p class="muted">{t('clientEmails', { emails: props.emails.join(', ') })}</p>
      ) : null}
      {props.address ? <p class="muted">{props.address}</p> : null}

      <section class="panel">
        <h2>{t('clientInvoices')}</h2>
        {invoices.length === 0 ? (
          <p>{t('clientNoInvoices')}</p>
        ) : (
          <DataTable
            rows={invoices}
            rowKey={(f) => f.invoice.id}
            rowAttrs={(f) => ({ 'data-invoice-number': f.invoice.number, 'data-stage': f.state.stage })}
            columns={[
              { label: t('colInvoice'), cell: (f) => <InvoiceNumber figure={f} /> },
              { label: t('colDueDate'), cell: (f) => formatDate(f.invoice.dueDate, lang) },
              {
                label: t('colDaysLate'),
                cell: (f) =>
                  f.open && f.state.daysOverdue > 0 ? (
                    <DaysLate ctx={ctx} days={f.state.daysOverdue} />
                  ) : f.open ? (
                    t('notYetDue')
                  ) : (
                    '—'
                  ),
              },
              {
                label: t('colStage'),
                cell: (f) =>
                  f.invoice.status === 'cancelled' || f.invoice.status === 'draft'
                    ? t(`invoiceStatus_${f.invoice.status}` as MessageKey)
                    : stageName(t, f.state.stage),
              },
              {
                label: t('colLastReminder'),
                cell: (f) =>
                  f.state.lastReminder ? formatDate(f.state.lastReminder.date, lang) : t('never'),
              },
              {
                label: t('colOutstanding'),
                num: true,
                cell: (f) =>
                  f.open ? (
                    <Amount cents={f.outstandingCents} currency={f.invoice.currency} lang={lang} />
                  ) : (
                    '—'
                  ),
              },
            ]}
          />
        )}
      </section>

      <section class="panel">
        <h2>{t('clientTimeline')}</h2>
        <p class="list-summary">
          <span data-figure="history-count" data-count={total}>
            {plural(t, 'historyCount', total)}
          </span>
          {' · '}
          <a href={ctx.href('/history', { clientId })}>{t('openInHistory')}</a>
          {' · '}
          <a
            class="csv-link"
            href={ctx.href('/history.csv', { clientId, lang })}
            download
            data-export="history"
          >
            {t('exportCsv')}
          </a>
        </p>
        {entries.length === 0 ? (
          <p>{t('noHistory')}</p>
        ) : (
          <Timeline
            ctx={ctx}
            entries={entries}
            currencyOf={currencyOf}
            timeZone={props.timeZone}
            showClient={false}
          />
        )}
        <Pager
          ctx={ctx}
          path={`/clients/${clientId}`}
          params={{}}
          page={page}
          pages={Math.max(1, Math.ceil(total / CLIENT_TIMELINE_PAGE_SIZE))}
        />
      </section>
      {props.corrections}
    </Layout>
  );
}
