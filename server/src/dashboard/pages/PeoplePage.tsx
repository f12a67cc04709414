import { formatDate, type IsoDate } from '@relance/shared';
import { type Column, DataTable } from '../components/DataTable';
import { FormButtons, InputField } from '../components/Fields';
import { Layout, roleLabel } from '../components/Layout';
import { PERSON_COLUMN_IDS, PERSON_COLUMNS, type PersonActivity } from '../figures/personActivity';
import type { PageContext } from '../http/context';
import type { MessageKey } from '../i18n/messages';

export function PeoplePage(props: {
  ctx: PageContext;
  period: { from: IsoDate; to: IsoDate };
  swapped: boolean;
  rows: PersonActivity[];
}) {
  const { ctx, period, swapped, rows } = props;
  const { t, lang } = ctx;
  /** Each count links to the history showing exactly those entries (when one type makes the column). */
  const historyLink = (personId: string, types: readonly string[]) =>
    types.length === 1 ? ctx.href('/history', { personId, type: types[0], ...period }) : undefined;
  return (
    <Layout ctx={ctx} title={t('peopleTitle')} nav="people">
      <form method="get" action={ctx.href('/people')} class="filters">
        <fieldset>
          <legend>{t('periodLegend')}</legend>
          <InputField name="from" type="date" label={t('filterFrom')} value={period.from} />
          <InputField name="to" type="date" label={t('filterTo')} value={period.to} />
          <FormButtons ctx={ctx} resetPath="/people" />
        </fieldset>
      </form>
      {swapped ? <p class="notice">{t('invalidPeriod')}</p> : null}
      <p class="list-summary" data-figure="period" data-from={period.from} data-to={period.to}>
        {t('periodSummary', { from: formatDate(period.from, lang), to: formatDate(period.to, lang) })}
      </p>
      <DataTable
        rows={rows}
        rowKey={(r) => r.personId}
        rowAttrs={(r) => ({ 'data-person': r.personId })}
        columns={[
          {
            label: t('colPerson'),
            rowHeader: true,
            cell: (r) => (
              <>
                <a href={ctx.href('/history', { personId: r.personId, ...period })}>{r.name}</a>{' '}
                <span class="muted small">({roleLabel(ctx, r.role)})</span>
              </>
            ),
          },
          ...PERSON_COLUMN_IDS.map(
            (c): Column<PersonActivity> => ({
              label: t(`col_${c}` as MessageKey),
              num: true,
              attrs: () => ({ 'data-column': c }),
              cell: (r) => {
                const href = r.counts[c] > 0 ? historyLink(r.personId, PERSON_COLUMNS[c]) : undefined;
                return href ? <a href={href}>{r.counts[c]}</a> : r.counts[c];
              },
            }),
          ),
          {
            label: t('colNotes'),
            num: true,
            attrs: () => ({ 'data-column': 'notes' }),
            cell: (r) => r.notes,
          },
          {
            label: t('colTotal'),
            num: true,
            attrs: () => ({ 'data-column': 'total' }),
            cell: (r) => <strong>{r.total}</strong>,
          },
        ]}
      />
    </Layout>
  );
}
