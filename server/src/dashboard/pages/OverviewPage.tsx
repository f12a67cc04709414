import { formatDate, formatMoney } from '@relance/shared';
import { AgeChart } from '../components/AgeChart';
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

      <section class="panel">
        {overview.overdue.length === 0 ? (
          <>
            <h2>{t('overdueByAge')}</h2>
            <p>{t('nothingOverdue')}</p>
          </>
        ) : (
          overview.overdue.map((s) => <AgeChart key={s.currency} ctx={ctx} summary={s} />)
        )}
      </section>

      <section class="panel" data-figure="stages">
        <h2>{t('stagesTitle')}</h2>
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('colStage')}</th>
                <th scope="col" class="num">
                  {t('colInvoices')}
                </th>
                <th scope="col" class="num">
                  {t('colActionDue')}
                </th>
                <th scope="col" class="num">
                  {t('colOutstanding')}
                </th>
              </tr>
            </thead>
            <tbody>
              {overview.stages.map((s) => (
                <tr key={s.stage} data-stage={s.stage} data-count={s.count} data-action-due={s.actionDue}>
                  <th scope="row">{stageName(t, s.stage)}</th>
                  <td class="num">{s.count}</td>
                  <td class="num">{s.actionDue}</td>
                  <td class="num">
                    <Amounts amounts={s.outstanding} lang={lang} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
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
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('colClient')}</th>
                  <th scope="col">{t('colInvoices')}</th>
                  <th scope="col">{t('colPromisedDate')}</th>
                  <th scope="col" class="num">
                    {t('colAmount')}
                  </th>
                  <th scope="col">{t('colObtainedBy')}</th>
                  <th scope="col">{t('colStatus')}</th>
                </tr>
              </thead>
              <tbody>
                {overview.promises.map((p) => (
                  <tr key={p.promise.id} data-promise={p.promise.id} data-status={p.status}>
                    <td>
                      <a href={ctx.href(`/clients/${p.promise.clientId}`)}>{p.clientName}</a>
                    </td>
                    <td>{p.invoices.map((f) => f.invoice.number).join(', ') || '—'}</td>
                    <td>
                      <time dateTime={p.promise.promisedDate}>
                        {formatDate(p.promise.promisedDate, lang)}
                      </time>
                    </td>
                    <td class="num">
                      {p.cents === null ? '—' : <Amount cents={p.cents} currency={p.currency} lang={lang} />}
                    </td>
                    <td>{p.promise.authorName ?? '—'}</td>
                    <td>
                      <span class={`status status-${p.status}`}>
                        {t(`promise_${p.status}` as MessageKey)}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section class="panel" data-figure="disputes">
        <h2>{t('disputesTitle')}</h2>
        {overview.disputes.length === 0 ? (
          <p>{t('noDisputes')}</p>
        ) : (
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('colClient')}</th>
                  <th scope="col">{t('colInvoices')}</th>
                  <th scope="col">{t('colReason')}</th>
                  <th scope="col">{t('colSince')}</th>
                  <th scope="col">{t('colOpenedBy')}</th>
                  <th scope="col" class="num">
                    {t('colOutstanding')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {overview.disputes.map((d) => (
                  <tr key={d.dispute.id} data-dispute={d.dispute.id}>
                    <td>
                      <a href={ctx.href(`/clients/${d.dispute.clientId}`)}>{d.clientName}</a>
                    </td>
                    <td>
                      {d.invoices.length > 0
                        ? d.invoices.map((f) => f.invoice.number).join(', ')
                        : t('wholeClient')}
                    </td>
                    <td>{d.dispute.reason}</td>
                    <td>
                      <time dateTime={d.dispute.date}>{formatDate(d.dispute.date, lang)}</time>
                    </td>
                    <td>{d.dispute.authorName ?? '—'}</td>
                    <td class="num">
                      {d.invoices.length > 0 ? (
                        <Amount cents={d.outstandingCents} currency={d.currency} lang={lang} />
                      ) : (
                        '—'
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section class="panel" data-figure="formal-notices">
        <h2>{t('formalNoticesTitle')}</h2>
        {overview.formalNotices.length === 0 ? (
          <p>{t('noFormalNotices')}</p>
        ) : (
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('colClient')}</th>
                  <th scope="col">{t('colInvoice')}</th>
                  <th scope="col">{t('colDaysLate')}</th>
                  <th scope="col">{t('colStage')}</th>
                  <th scope="col">{t('colNoticeSent')}</th>
                  <th scope="col">{t('colDeadline')}</th>
                  <th scope="col" class="num">
                    {t('colOutstanding')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {overview.formalNotices.map(({ figure, notice }) => (
                  <tr key={figure.invoice.id} data-invoice-number={figure.invoice.number}>
                    <td>
                      <ClientName ctx={ctx} figure={figure} />
                    </td>
                    <td>
                      <InvoiceNumber figure={figure} />
                    </td>
                    <td>
                      <DaysLate ctx={ctx} days={figure.state.daysOverdue} />
                    </td>
                    <td>{stageName(t, figure.state.stage)}</td>
                    <td>
                      {notice ? (
                        <time dateTime={notice.date}>{formatDate(notice.date, lang)}</time>
                      ) : (
                        <span class="status status-due">{t('noticeToSend')}</span>
                      )}
                    </td>
                    <td>{notice?.deadline ? formatDate(notice.deadline, lang) : '—'}</td>
                    <td class="num">
                      <Amount
                        cents={figure.outstandingCents}
                        currency={figure.invoice.currency}
                        lang={lang}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </Layout>
  );
}
