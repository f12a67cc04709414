import { formatDate, formatMoney } from '@relance/shared';
import { AgeChart } from '../components/AgeChart';
import { DataTable } from '../components/DataTable';
import { ClientName, DaysLate, InvoiceNumber } from '../components/InvoiceCells';
import { Layout } from '../components/Layout';
import { stageName } from '../components/labels';
import { Amount, Amounts } from '../components/Money';
import type { Overview } from '../figures/overview';
import type { PageContext } from '../http/context';
import { type MessageKey, plural } from '../i18n/messages';

export function OverviewPage({ ctx, overview }: { ctx: PageContext; overview: Overview }) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t('overviewTitle')} nav="overview">
      <section class="cards" aria-label={t('overdueTotal')}>
        <div class="card" data-figure="overdue-total">
          <h2>{t('overdueTotal')}</h2>
          {overview.overdue.length === 0 ? (
            <p class="big-number">
              <span class="money" data-cents="0">
                {formatMoney(0, overview.figures[0]?.invoice.currency ?? 'EUR', lang)}
              </span>
            </p>
          ) : (
            overview.overdue.map((s) => (
              <p key={s.currency} class="big-number" data-currency={s.currency} data-count={s.count}>
                <Amount cents={s.totalCents} currency={s.currency} lang={lang} />{' '}
                <span class="muted">{plural(t, 'invoiceCount', s.count)}</span>
              </p>
            ))
          )}
          <p>
            <a href={ctx.href('/overdue')}>{t('seeOverdueList')}</a>
          </p>
        </div>
        <div class="card" data-figure="dso">
          <h2>
            <abbr title={t('dsoTitle')}>DSO</abbr>
          </h2>
          {overview.dso.length === 0 ? <p>{t('dsoNoReceivables')}</p> : null}
          {overview.dso.map((d) => (
            <div key={d.currency} data-currency={d.currency} data-days={d.days ?? ''}>
              {overview.dso.length > 1 && (
                <h3 class="currency-label">{t('dsoIn', { currency: d.currency })}</h3>
              )}
              <p class="big-number">{d.days === null ? '—' : plural(t, 'dsoDays', d.days)}</p>
              <p class="small">
                {d.billedCents > 0
                  ? t('dsoFormula', {
                      receivables: formatMoney(d.receivablesCents, d.currency, lang),
                      billed: formatMoney(d.billedCents, d.currency, lang),
                    })
                  : t('dsoNoBilling')}
              </p>
            </div>
          ))}
          <p class="small muted">{t('dsoNote')}</p>
        </div>
      </section>

      {/* One section per currency: amounts in different currencies are never added up. */}
      {overview.overdue.length === 0 ? (
        <section class="panel">
          <h2>{t('overdueByAge')}</h2>
          <p>{t('nothingOverdue')}</p>
        </section>
      ) : (
        overview.overdue.map((s) => (
          <section class="panel" key={s.currency} data-section-currency={s.currency}>
            <AgeChart
              ctx={ctx}
              summary={s}
              caption={
                overview.overdue.length > 1
                  ? t('overdueByAgeIn', { currency: s.currency })
                  : t('overdueByAge')
              }
            />
          </section>
        ))
      )}

      <section class="panel" data-figure="stages">
        <h2>{t('stagesTitle')}</h2>
        <DataTable
          rows={overview.stages}
          rowKey={(s) => s.stage}
          rowAttrs={(s) => ({ 'data-stage': s.stage, 'data-count': s.count, 'data-action-due': s.actionDue })}
          columns={[
            { label: t('colStage'), rowHeader: true, cell: (s) => stageName(t, s.stage) },
            { label: t('colInvoices'), num: true, cell: (s) => s.count },
            { label: t('colActionDue'), num: true, cell: (s) => s.actionDue },
            {
              label: t('colOutstanding'),
              num: true,
              cell: (s) => <Amounts amounts={s.outstanding} lang={lang} />,
            },
          ]}
        />
      </section>

      <section class="panel" data-figure="promises">
        <h2>{t('promisesTitle')}</h2>
        <p class="muted">
          {t('weekRange', {
            start: formatDate(overview.week.start, lang),
            end: formatDate(overview.week.end, lang),
          })}
        </p>
        {overview.promises.length === 0 ? (
          <p>{t('noPromises')}</p>
        ) : (
          <DataTable
            rows={overview.promises}
            rowKey={(p) => p.promise.id}
            rowAttrs={(p) => ({ 'data-promise': p.promise.id, 'data-status': p.status })}
            columns={[
              {
                label: t('colClient'),
                cell: (p) => <a href={ctx.href(`/clients/${p.promise.clientId}`)}>{p.clientName}</a>,
              },
              {
                label: t('colInvoices'),
                cell: (p) => p.invoices.map((f) => f.invoice.number).join(', ') || '—',
              },
              {
                label: t('colPromisedDate'),
                cell: (p) => (
                  <time dateTime={p.promise.promisedDate}>{formatDate(p.promise.promisedDate, lang)}</time>
                ),
              },
              {
                label: t('colAmount'),
                num: true,
                cell: (p) =>
                  p.cents === null ? '—' : <Amount cents={p.cents} currency={p.currency} lang={lang} />,
              },
              { label: t('colObtainedBy'), cell: (p) => p.promise.authorName ?? '—' },
              {
                label: t('colStatus'),
                cell: (p) => (
                  <span class={`status status-${p.status}`}>{t(`promise_${p.status}` as MessageKey)}</span>
                ),
              },
            ]}
          />
        )}
      </section>

      <section class="panel" data-figure="disputes">
        <h2>{t('disputesTitle')}</h2>
        {overview.disputes.length === 0 ? (
          <p>{t('noDisputes')}</p>
        ) : (
          <DataTable
            rows={overview.disputes}
            rowKey={(d) => d.dispute.id}
            rowAttrs={(d) => ({ 'data-dispute': d.dispute.id })}
            columns={[
              {
                label: t('colClient'),
                cell: (d) => <a href={ctx.href(`/clients/${d.dispute.clientId}`)}>{d.clientName}</a>,
              },
              {
                label: t('colInvoices'),
                cell: (d) =>
                  d.invoices.length > 0
                    ? d.invoices.map((f) => f.invoice.number).join(', ')
                    : t('wholeClient'),
              },
              { label: t('colReason'), cell: (d) => d.dispute.reason },
              {
                label: t('colSince'),
                cell: (d) => <time dateTime={d.dispute.date}>{formatDate(d.dispute.date, lang)}</time>,
              },
              { label: t('colOpenedBy'), cell: (d) => d.dispute.authorName ?? '—' },
              {
                label: t('colOutstanding'),
                num: true,
                cell: (d) =>
                  d.invoices.length > 0 ? (
                    <Amount cents={d.outstandingCents} currency={d.currency} lang={lang} />
                  ) : (
                    '—'
                  ),
              },
            ]}
          />
        )}
      </section>

      <section class="panel" data-figure="formal-notices">
        <h2>{t('formalNoticesTitle')}</h2>
        {overview.formalNotices.length === 0 ? (
          <p>{t('noFormalNotices')}</p>
        ) : (
          <DataTable
            rows={overview.formalNotices}
            rowKey={(n) => n.figure.invoice.id}
            rowAttrs={(n) => ({ 'data-invoice-number': n.figure.invoice.number })}
            columns={[
              { label: t('colClient'), cell: (n) => <ClientName ctx={ctx} figure={n.figure} /> },
              { label: t('colInvoice'), cell: (n) => <InvoiceNumber figure={n.figure} /> },
              {
                label: t('colDaysLate'),
                cell: (n) => <DaysLate ctx={ctx} days={n.figure.state.daysOverdue} />,
              },
              { label: t('colStage'), cell: (n) => stageName(t, n.figure.state.stage) },
              {
                label: t('colNoticeSent'),
                cell: ({ notice, figure }) =>
                  notice ? (
                    <time dateTime={notice.date}>{formatDate(notice.date, lang)}</time>
                  ) : figure.state.actionDue ? (
                    <span class="status status-due">{t('noticeToSend')}</span>
                  ) : (
                    '—'
                  ),
              },
              {
                label: t('colDeadline'),
                cell: (n) => (n.notice?.deadline ? formatDate(n.notice.deadline, lang) : '—'),
              },
              {
                label: t('colOutstanding'),
                num: true,
                cell: ({ figure }) => (
                  <Amount cents={figure.outstandingCents} currency={figure.invoice.currency} lang={lang} />
                ),
              },
            ]}
          />
        )}
      </section>
    </Layout>
  );
}
