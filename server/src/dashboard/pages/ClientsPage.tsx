import { formatDate } from '@relance/shared';
import { Layout } from '../components/Layout';
import { Amounts } from '../components/Money';
import type { ClientSummary } from '../figures/clients';
import type { PageContext } from '../http/context';

export function ClientsPage({ ctx, clients }: { ctx: PageContext; clients: ClientSummary[] }) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t('clientsTitle')} nav="clients">
      {clients.length === 0 ? (
        <p>{t('noClients')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('colClient')}</th>
                <th scope="col" class="num">
                  {t('colOpenInvoices')}
                </th>
                <th scope="col" class="num">
                  {t('colOverdue')}
                </th>
                <th scope="col" class="num">
                  {t('colOutstanding')}
                </th>
                <th scope="col">{t('colLastActivity')}</th>
              </tr>
            </thead>
            <tbody>
              {clients.map((c) => (
                <tr key={c.id} data-client={c.id}>
                  <th scope="row">
                    <a href={ctx.href(`/clients/${c.id}`)}>{c.name}</a>
                  </th>
                  <td class="num">{c.openInvoices}</td>
                  <td class="num">
                    <Amounts amounts={c.overdue} lang={lang} />
                  </td>
                  <td class="num">
                    <Amounts amounts={c.outstanding} lang={lang} />
                  </td>
                  <td>{c.lastActivity ? formatDate(c.lastActivity, lang) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
