import { formatDate } from '@relance/shared';
import { DataTable } from '../components/DataTable';
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
        <DataTable
          rows={clients}
          rowKey={(c) => c.id}
          rowAttrs={(c) => ({ 'data-client': c.id })}
          columns={[
            {
              label: t('colClient'),
              rowHeader: true,
              cell: (c) => <a href={ctx.href(`/clients/${c.id}`)}>{c.name}</a>,
            },
            { label: t('colOpenInvoices'), num: true, cell: (c) => c.openInvoices },
            { label: t('colOverdue'), num: true, cell: (c) => <Amounts amounts={c.overdue} lang={lang} /> },
            {
              label: t('colOutstanding'),
              num: true,
              cell: (c) => <Amounts amounts={c.outstanding} lang={lang} />,
            },
            {
              label: t('colLastActivity'),
              cell: (c) => (c.lastActivity ? formatDate(c.lastActivity, lang) : '—'),
            },
          ]}
        />
      )}
    </Layout>
  );
}
