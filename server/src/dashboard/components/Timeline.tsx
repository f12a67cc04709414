import {
  type Activity,
  type ActivityType,
  formatDate,
  formatMoney,
  type IsoDate,
  isoDate,
} from '@relance/shared';
import type { HistoryEntry } from '../../services/history';
import type { PageContext } from '../http/context';
import { type MessageKey, plural } from '../i18n/messages';
import { channelName, stageName, typeName } from './labels';

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
  showClient?: boolean;
}) {
  const { ctx, entries, currencyOf, showClient = true } = props;
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
              <time dateTime={entry.date}>{formatDate(entry.date, lang)}</time>
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

const LEGAL_KINDS = ['injonction-de-payer', 'collection-agency', 'commissaire-de-justice', 'other'];

const str = (data: Record<string, unknown>, key: string) =>
  typeof data[key] === 'string' && data[key] !== '' ? (data[key] as string) : undefined;
const num = (data: Record<string, unknown>, key: string) =>
  typeof data[key] === 'number' ? (data[key] as number) : undefined;
const day = (ctx: PageContext, value: string | undefined) =>
  value && isoDate.safeParse(value).success ? formatDate(value as IsoDate, ctx.lang) : value;

/** A one-line summary of what the entry records, and its free text (note, comment) shown apart. */
export function describe(
  ctx: PageContext,
  entry: HistoryEntry,
  currency: string,
): { details: string[]; text?: string } {
  const { t, lang } = ctx;
  const d = entry.data;
  const money = (cents: number | undefined) =>
    cents === undefined ? undefined : formatMoney(cents, currency, lang);
  const details: (string | undefined)[] = [];
  switch (entry.type as Activity['type'] | 'note') {
    case 'reminder':
      details.push(
        str(d, 'stage') && t('stageOf', { stage: stageName(t, str(d, 'stage') as never) }),
        str(d, 'channel') && t('viaChannel', { channel: channelName(t, str(d, 'channel') as never) }),
        str(d, 'subject'),
      );
      break;
    case 'call':
      details.push(str(d, 'outcome'));
      break;
    case 'letter':
      details.push(
        str(d, 'stage') && t('stageOf', { stage: stageName(t, str(d, 'stage') as never) }),
        d.registered === true ? t('registered') : undefined,
      );
      break;
    case 'promise-to-pay':
      details.push(
        t('promisedFor', { date: day(ctx, str(d, 'promisedDate')) ?? '?' }),
        money(num(d, 'amountCents')),
      );
      break;
    case 'dispute-opened':
      details.push(str(d, 'reason'));
      break;
    case 'dispute-resolved':
      details.push(str(d, 'resolution'));
      break;
    case 'payment-plan': {
      const instalments = Array.isArray(d.instalments) ? (d.instalments as { amountCents?: unknown }[]) : [];
      const total = instalments.reduce(
        (s, i) => s + (typeof i.amountCents === 'number' ? i.amountCents : 0),
        0,
      );
      details.push(plural(t, 'instalments', instalments.length), money(total));
      break;
    }
    case 'payment-received':
      details.push(money(num(d, 'amountCents')), d.settles === true ? t('settles') : undefined);
      break;
    case 'formal-notice':
      details.push(
        str(d, 'deadline') && t('deadline', { date: day(ctx, str(d, 'deadline')) ?? '' }),
        str(d, 'channel') && t('viaChannel', { channel: channelName(t, str(d, 'channel') as never) }),
      );
      break;
    case 'legal-action': {
      const kind = str(d, 'kind');
      details.push(kind && LEGAL_KINDS.includes(kind) ? t(`legal_${kind}` as MessageKey) : kind);
      break;
    }
    case 'comment':
    case 'note':
      break;
  }
  const text = [str(d, 'text'), str(d, 'comment')].filter(Boolean).join('\n\n') || undefined;
  return { details: details.filter((s): s is string => !!s), ...(text ? { text } : {}) };
}
