import { ACTIVITY_TYPES } from '@relance/shared';
import type { HistoryEntry } from '../../services/history';
import { FormButtons, InputField, SelectField } from '../components/Fields';
import { Layout } from '../components/Layout';
import { typeName } from '../components/labels';
import { Pager } from '../components/Pager';
import { type CurrencyOf, Timeline } from '../components/Timeline';
import type { PageContext } from '../http/context';
import type { HistoryParams } from '../http/params';
import { plural } from '../i18n/messages';
import type { Directory } from '../queries/directory';

export const HISTORY_PAGE_SIZE = 50;

export function HistoryPage(props: {
  ctx: PageContext;
  filters: HistoryParams;
  entries: HistoryEntry[];
  total: number;
  directory: Directory;
  currencyOf: CurrencyOf;
  /** The team's time zone, for the time of day of each entry. */
  timeZone: string;
}) {
  const { ctx, filters, entries, total, directory, currencyOf } = props;
  const { t, lang } = ctx;
  const page = filters.page ?? 1;
  const { page: _page, ...kept } = filters;
  return (
    <Layout ctx={ctx} title={t('historyTitle')} nav="history">
      <form method="get" action={ctx.href('/history')} class="filters">
        <fieldset>
          <legend>{t('filtersLegend')}</legend>
          <SelectField
            name="clientId"
            label={t('filterClient')}
            value={filters.clientId}
            emptyLabel={t('allClients')}
            options={directory.clients.map((c) => ({ value: c.id, label: c.name }))}
          />
          <SelectField
            name="personId"
            label={t('filterPerson')}
            value={filters.personId}
            emptyLabel={t('allPeople')}
            options={directory.people.map((p) => ({ value: p.id, label: p.name }))}
          />
          <SelectField
            name="type"
            label={t('filterType')}
            value={filters.type}
            emptyLabel={t('allTypes')}
            options={[...ACTIVITY_TYPES, 'note' as const].map((type) => ({
              value: type,
              label: typeName(t, type),
            }))}
          />
          <InputField name="from" type="date" label={t('filterFrom')} value={filters.from} />
          <InputField name="to" type="date" label={t('filterTo')} value={filters.to} />
          <InputField
            name="q"
            type="search"
            label={t('filterSearch')}
            value={filters.q}
            placeholder={t('searchPlaceholder')}
          />
          <FormButtons ctx={ctx} resetPath="/history" />
        </fieldset>
      </form>
      <p class="list-summary">
        <span data-figure="history-count" data-count={total}>
          {plural(t, 'historyCount', total)}
        </span>
        {' · '}
        <a class="csv-link" href={ctx.href('/history.csv', { ...kept, lang })} download data-export="history">
          {t('exportCsv')}
        </a>
      </p>
      {entries.length === 0 ? (
        <p>{t('noHistory')}</p>
      ) : (
        <Timeline ctx={ctx} entries={entries} currencyOf={currencyOf} timeZone={props.timeZone} />
      )}
      <Pager
        ctx={ctx}
        path="/history"
        params={kept}
        page={page}
        pages={Math.max(1, Math.ceil(total / HISTORY_PAGE_SIZE))}
      />
    </Layout>
  );
}
