import { formatMoney } from '@relance/shared';
import type { OverdueSummary } from '../figures/overdue';
import type { PageContext } from '../http/context';
import { plural } from '../i18n/messages';
import { bucketLabel } from './labels';

/**
 * The overdue amount by age as horizontal bars: plain HTML rows (they reflow on a phone and print
 * well) each holding an inline SVG bar sized to the largest bucket. Each bar says what it shows
 * to screen readers; each row links to the overdue list filtered on its bucket.
 */
export function AgeChart({
  ctx,
  summary,
  caption,
}: {
  ctx: PageContext;
  summary: OverdueSummary;
  /** Names the currency when the team has several. */
  caption?: string;
}) {
  const { t, lang } = ctx;
  const largest = Math.max(...summary.buckets.map((b) => b.cents), 1);
  return (
    <figure class="age-chart" data-currency={summary.currency}>
      <figcaption>{caption ?? t('overdueByAge')}</figcaption>
      <ol class="bars">
        {summary.buckets.map((b) => {
          const label = bucketLabel(t, b.bucket);
          const amount = formatMoney(b.cents, summary.currency, lang);
          const invoices = plural(t, 'invoiceCount', b.count);
          const width = b.cents > 0 ? Math.max(1, Math.round((b.cents / largest) * 1000) / 10) : 0;
          return (
            <li
              key={b.bucket}
              class="bar-row"
              data-bucket={b.bucket}
              data-cents={b.cents}
              data-count={b.count}
            >
              <a href={ctx.href('/overdue', { bucket: b.bucket })} class="bar-link">
                <span class="bar-label">{label}</span>
                <svg
                  class={`bar bar-${b.bucket.replace('+', 'plus')}`}
                  viewBox="0 0 100 10"
                  preserveAspectRatio="none"
                  role="img"
                  aria-label={t('bucketBarLabel', { bucket: label, amount, invoices })}
                >
                  <rect class="bar-track" x="0" y="0" width="100" height="10" />
                  <rect class="bar-fill" x="0" y="0" width={width} height="10" />
                </svg>
                <span class="bar-value">
                  <span class="money">{amount}</span> <span class="muted">({invoices})</span>
                </span>
              </a>
            </li>
          );
        })}
      </ol>
    </figure>
  );
}
