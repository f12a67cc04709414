import { createTranslator, formatDate, formatPercent, type RateSeries } from '@relance/shared';
import type { TeamRates } from '../../rates/teamRates';
import { Layout } from '../components/Layout';
import type { PageContext } from '../http/context';

/**
 * "Taux de référence": the rates late-payment interest is computed from, and a form for a team
 * lead to add a new ECB or Bank of England rate (or say a series was checked up to a day). The
 * extension receives it with its next sync: reminders stop saying "assumed rate" for the days
 * the table now covers.
 */
const WORDS = {
  fr: {
    title: 'Taux de référence',
    intro:
      'Les pénalités de retard se calculent sur ces taux. Quand la BCE ou la Banque d’Angleterre publie un nouveau taux, ajoutez-le ici : toutes les extensions de l’équipe le reçoivent à leur prochaine synchronisation. Au-delà de la date « connu jusqu’au », les relances indiquent un taux supposé.',
    ecbMainRefinancing: 'BCE, taux des opérations principales de refinancement',
    boeBankRate: 'Banque d’Angleterre, Bank Rate',
    knownUntil: 'Connu jusqu’au {date}',
    from: 'Depuis le',
    rate: 'Taux',
    origin: 'Source',
    shipped: 'table livrée',
    team: 'ajouté par l’équipe',
    addTitle: 'Ajouter un taux publié',
    series: 'Série',
    changeFrom: 'En vigueur depuis le (date d’effet)',
    changeRate: 'Taux (% par an)',
    checkedUntil: 'Vérifié jusqu’au (facultatif)',
    submit: 'Enregistrer',
    updatedBy: 'Dernière mise à jour le {date} par {name}.',
    saved: 'Taux enregistré : il part vers les extensions avec la prochaine synchronisation.',
    legal: 'Taux de l’intérêt légal (France), par semestre',
    privateCreditor: 'créancier particulier',
    otherCases: 'autres cas',
    legalAddTitle: 'Ajouter un semestre publié (arrêté de juin et de décembre)',
    halfYear: 'Semestre commençant le',
    privateCreditorRate: 'Taux, créancier particulier (%)',
    otherCasesRate: 'Taux, autres cas (%)',
  },
  en: {
    title: 'Reference rates',
    intro:
      'Late-payment interest is computed from these rates. When the ECB or the Bank of England publishes a new rate, add it here: every extension of the team gets it with its next sync. Beyond the "known until" date, reminders state an assumed rate.',
    ecbMainRefinancing: 'ECB, main refinancing operations rate',
    boeBankRate: 'Bank of England, Bank Rate',
    knownUntil: 'Known until {date}',
    from: 'From',
    rate: 'Rate',
    origin: 'Source',
    shipped: 'shipped table',
    team: 'added by the team',
    addTitle: 'Add a published rate',
    series: 'Series',
    changeFrom: 'In force from (effective date)',
    changeRate: 'Rate (% a year)',
    checkedUntil: 'Checked until (optional)',
    submit: 'Save',
    updatedBy: 'Last updated on {date} by {name}.',
    saved: 'Rate saved: it goes to the extensions with their next sync.',
    legal: 'French legal interest rate, per half-year',
    privateCreditor: 'private creditor',
    otherCases: 'other cases',
    legalAddTitle: 'Add a published half-year (decrees of June and December)',
    halfYear: 'Half-year starting on',
    privateCreditorRate: 'Rate, private creditor (%)',
    otherCasesRate: 'Rate, other cases (%)',
  },
};

const SERIES = ['ecbMainRefinancing', 'boeBankRate'] as const;
const SHOWN = 8;

/** The half-years a lead may enter: the last one listed (to correct it) and the two after it. */
function halfYearChoices(lastFrom: string): string[] {
  const choices = [lastFrom];
  let [year, month] = [Number(lastFrom.slice(0, 4)), Number(lastFrom.slice(5, 7))];
  for (let i = 0; i < 2; i++) {
    [year, month] = month === 1 ? [year, 7] : [year + 1, 1];
    choices.push(`${year}-${month === 1 ? '01' : '07'}-01`);
  }
  return choices;
}

export function RatesPage(props: { ctx: PageContext; rates: TeamRates; saved: boolean; error?: string }) {
  const { ctx, rates } = props;
  const t = createTranslator(WORDS, ctx.lang);
  const day = (d: string) => formatDate(d, ctx.lang);
  const added = (series: (typeof SERIES)[number], from: string) =>
    rates.updates?.[series]?.changes.some((c) => c.from === from) ?? false;
  const table = (name: (typeof SERIES)[number], series: RateSeries) => (
    <section class="card" data-series={name}>
      <h2>{t(name)}</h2>
      <p data-known-until={series.knownUntil}>{t('knownUntil', { date: day(series.knownUntil) })}</p>
      <div class="table-wrap">
        <table class="data">
          <thead>
            <tr>
              <th>{t('from')}</th>
              <th class="num">{t('rate')}</th>
              <th>{t('origin')}</th>
            </tr>
          </thead>
          <tbody>
            {series.changes
              .slice(-SHOWN)
              .reverse()
              .map((c) => (
                <tr key={c.from} data-from={c.from}>
                  <td>{day(c.from)}</td>
                  <td class="num">{formatPercent(c.ratePercent, ctx.lang)}</td>
                  <td>{added(name, c.from) ? t('team') : t('shipped')}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </div>
    </section>
  );
  return (
    <Layout ctx={ctx} title={t('title')} nav={null}>
      <p>{t('intro')}</p>
      {props.saved ? <p class="notice">{t('saved')}</p> : null}
      {props.error ? (
        <p class="error" role="alert">
          {props.error}
        </p>
      ) : null}
      {rates.updates?.updatedOn ? (
        <p>{t('updatedBy', { date: day(rates.updates.updatedOn), name: rates.updates.updatedBy ?? '—' })}</p>
      ) : null}
      {table('ecbMainRefinancing', rates.table.ecbMainRefinancing)}
      {table('boeBankRate', rates.table.boeBankRate)}
      <section class="card">
        <h2>{t('addTitle')}</h2>
        <form method="post" action={ctx.href('/rates')} class="filters">
          <label>
            {t('series')}{' '}
            <select name="series">
              {SERIES.map((s) => (
                <option value={s} key={s}>
                  {t(s)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('changeFrom')} <input type="date" name="from" />
          </label>
          <label>
            {t('changeRate')} <input type="number" name="ratePercent" step="0.01" min="-10" max="100" />
          </label>
          <label>
            {t('checkedUntil')} <input type="date" name="knownUntil" />
          </label>
          <button type="submit">{t('submit')}</button>
        </form>
      </section>
      <section class="card">
        <h2>{t('legal')}</h2>
        <div class="table-wrap">
          <table class="data">
            <tbody>
              {rates.table.frLegalInterest.halfYears
                .slice(-4)
                .reverse()
                .map((h) => (
                  <tr key={h.from}>
                    <td>{day(h.from)}</td>
                    <td class="num">
                      {formatPercent(h.otherCasesPercent, ctx.lang)} ({t('otherCases')})
                    </td>
                    <td class="num">
                      {formatPercent(h.privateCreditorPercent, ctx.lang)} ({t('privateCreditor')})
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
        <h3>{t('legalAddTitle')}</h3>
        <form method="post" action={ctx.href('/rates')} class="filters" data-form="legal-interest">
          <input type="hidden" name="series" value="frLegalInterest" />
          <label>
            {t('halfYear')}{' '}
            <select name="from">
              {halfYearChoices(rates.table.frLegalInterest.halfYears.at(-1)!.from).map((from) => (
                <option value={from} key={from}>
                  {day(from)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('otherCasesRate')}{' '}
            <input type="number" name="otherCasesPercent" step="0.01" min="-10" max="100" required />
          </label>
          <label>
            {t('privateCreditorRate')}{' '}
            <input type="number" name="privateCreditorPercent" step="0.01" min="-10" max="100" required />
          </label>
          <button type="submit">{t('submit')}</button>
        </form>
      </section>
    </Layout>
  );
}
