import { formatDate } from '@relance/shared';
import { DataTable } from '../components/DataTable';
import { FormButtons, SelectField } from '../components/Fields';
import { ClientName, DaysLate, InvoiceNumber } from '../components/InvoiceCells';
import { Layout } from '../components/Layout';
import { bucketLabel, stageName } from '../components/labels';
import { Amount, formatAmounts } from '../components/Money';
import { AGE_BUCKET_IDS } from '../figures/ageBuckets';
import type { InvoiceFigure } from '../figures/evaluate';
import { addMoney, type MoneyByCurrency } from '../figures/money';
import type { PageContext } from '../http/context';
import type { OverdueParams } from '../http/params';
import { plural } from '../i18n/messages';

export function OverduePage(props: {
  ctx: PageContext;
  invoices: InvoiceFigure[];
  filters: OverdueParams;
  clients: { id: string; name: string }[];
}) {
  const { ctx, invoices, filters, clients } = props;
  const { t, lang } = ctx;
  const total: MoneyByCurrency = {};
  for (const f of invoices) addMoney(total, f.invoice.currency, f.outstandingCents);
  return (
    <Layout ctx={ctx} title={t('overdueTitle')} nav="overdue">
      <form method="get" action={ctx.href('/overdue')} class="filters">
        <fieldset>
          <legend>{t('filtersLegend')}</legend>
          <SelectField
            name="bucket"
            label={t('filterBucket')}
            value={filters.bucket}
            emptyLabel={t('allBuckets')}
            options={AGE_BUCKET_IDS.map((b) => ({ value: b, label: bucketLabel(t, b) }))}
          />
          <SelectField
            name="clientId"
            label={t('filterClient')}
            value={filters.clientId}
            emptyLabel={t('allClients')}
            options={clients.map((c) => ({ value: c.id, label: c.name }))}
          />
          <FormButtons ctx={ctx} resetPath="/overdue" />
        </fieldset>
      </form>
      <p class="list-summary">
        <span data-figure="overdue-count">{plural(t, 'invoiceCount', invoices.length)}</span>
        {' · '}
        <span data-figure="overdue-list-total">
          {t('overdueListTotal', { amount: formatAmounts(total, lang) })}
        </span>
        {' · '}
        <a
          class="csv-link"
          href={ctx.href('/overdue.csv', { ...filters, lang })}
          download
          data-export="overdue"
        >
          {t('exportCsv')}
        </a>
      </p>
      {invoices.length === 0 ? (
        <p>{t('nothingOverdue')}</p>
      ) : (
        <DataTable
          rows={invoices}
          rowKey={(f) => f.invoice.id}
          rowAttrs={(f) => ({ 'data-invoice-number': f.invoice.number, 'data-stage': f.state.stage })}
          columns={[
            { label: t('colClient'), cell: (f) => <ClientName ctx={ctx} figure={f} /> },
            { label: t('colInvoice'), cell: (f) => <InvoiceNumber figure={f} /> },
            {
              label: t('colDueDate'),
              cell: (f) => <time dateTime={f.invoice.dueDate}>{formatDate(f.invoice.dueDate, lang)}</time>,
            },
            { label: t('colDaysLate'), cell: (f) => <DaysLate ctx={ctx} days={f.state.daysOverdue} /> },
            { label: t('colStage'), cell: (f) => stageName(t, f.state.stage) },
            {
              label: t('colLastReminder'),
              cell: (f) => (f.state.lastReminder ? formatDate(f.state.lastReminder.date, lang) : t('never')),
            },
            {
              label: t('colOutstanding'),
              num: true,
              cell: (f) => <Amount cents={f.outstandingCents} currency={f.invoice.currency} lang={lang} />,
            },
          ]}
        />
      )}
    </Layout>
  );
}
