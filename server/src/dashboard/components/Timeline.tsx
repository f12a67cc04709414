import { type Activity, type ActivityType, describeActivity, formatDate } from '@relance/shared';
import type { HistoryEntry } from '../../services/history';
import { timeOfDay } from '../figures/timeZone';
import type { PageContext } from '../http/context';
import { typeName } from './labels';

/** The currency amounts of an entry are in (activities carry none). */
export type CurrencyOf = (entry: HistoryEntry) => string;

/**
 * The shared history, newest first: one item per activity or note, with who, when, which client
 * and invoices, and what was said. Everything typed or scraped is rendered as text.
 */
export function Timeline(props: {
  ctx: PageContext;
  entries: HistoryEntry[];
  currencyOf: CurrencyOf;
  /** Times of day are the team's (team setting), not the server's. */
  timeZone: string;
  showClient?: boolean;
}) {
  const { ctx, entries, currencyOf, timeZone, showClient = true } = props;
  const { t, lang } = ctx;
  return (
    <ol class="timeline">
      {entries.map((entry) => {
        const { details, text } = describe(ctx, entry, currencyOf(entry));
        return (
          <li
            key={entry.id}
            class={`entry entry-${entry.type}`}
            data-entry-id={entry.id}
            data-type={entry.type}
          >
            <div class="entry-head">
              <time dateTime={entry.at}>
                {t('dateAtTime', {
                  date: formatDate(entry.date, lang),
                  time: timeOfDay(entry.at, timeZone, lang),
                })}
              </time>
              <span class={`type-tag type-${entry.type}`}>
                {typeName(t, entry.type as ActivityType | 'note')}
              </span>
              {showClient ? (
                entry.clientId ? (
                  <a class="entry-client" href={ctx.href(`/clients/${entry.clientId}`)}>
                    {entry.clientName ?? entry.clientId}
                  </a>
                ) : null
              ) : null}
              {entry.invoiceNumbers.length > 0 ? (
                <span class="entry-invoices">{entry.invoiceNumbers.join(', ')}</span>
              ) : null}
              <span class="entry-author">{t('by', { name: entry.authorName ?? t('unknownAuthor') })}</span>
            </div>
            {details.length > 0 ? <p class="entry-details">{details.join(' · ')}</p> : null}
            {text ? <p class="entry-text">{text}</p> : null}
          </li>
        );
      })}
    </ol>
  );
}

/** A one-line summary of what the entry records (shared describeActivity), and its free text shown apart. */
export function describe(
  ctx: PageContext,
  entry: HistoryEntry,
  currency: string,
): { details: string[]; text?: string } {
  if (entry.kind === 'note') {
    const text = typeof entry.data.text === 'string' && entry.data.text !== '' ? entry.data.text : undefined;
    return { details: [], ...(text ? { text } : {}) };
  }
  // Stored activities were validated by the activity schema when they were pushed.
  const words = describeActivity(entry.data as unknown as Activity, ctx.lang, currency);
  return { details: words.details, ...(words.text ? { text: words.text } : {}) };
}
