import {
  type Activity,
  type ActivityWords,
  DEFAULT_TIME_ZONE,
  describeActivity,
  type Language,
} from '@relance/shared';
import { timeOfDay } from '../dashboard/figures/timeZone';
import type { Database } from '../db/open';
import { type CsvCell, centsToDecimal, toCsv } from './csv';
import { type HistoryEntry, type HistoryFilters, queryHistory } from './history';

/** The export stops here; narrow the filters for more. */
export const MAX_CSV_ROWS = 100_000;
const PAGE = 1000;

const COLUMNS: Record<Language, string[]> = {
  fr: [
    'Date',
    'Heure ({zone})',
    'Type',
    'Client',
    'Factures',
    'Auteur',
    'Étape',
    'Canal',
    'Montant',
    'Détails',
    'Identifiant',
  ],
  en: [
    'Date',
    'Time ({zone})',
    'Type',
    'Client',
    'Invoices',
    'Author',
    'Stage',
    'Channel',
    'Amount',
    'Details',
    'ID',
  ],
};

/**
 * The whole filtered history as a CSV file (newest first), in the reader's language, times of day
 * in the team's time zone (named in the column's heading).
 */
export async function exportHistoryCsv(
  db: Database,
  teamId: string,
  filters: HistoryFilters,
  lang: Language,
  timeZone: string = DEFAULT_TIME_ZONE,
): Promise<string> {
  const rows: CsvCell[][] = [COLUMNS[lang].map((c) => c.replace('{zone}', timeZone))];
  // Page by cursor: a push landing during the export neither repeats nor shifts a line.
  let cursor: string | undefined;
  for (let done = 0; done < MAX_CSV_ROWS; done += PAGE) {
    const page = await queryHistory(db, teamId, filters, { limit: PAGE, offset: 0, cursor });
    for (const item of page.items) rows.push(toRow(item, lang, timeZone));
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return toCsv(rows, lang === 'fr' ? ';' : ',');
}

/** One line per entry; the words are those of the panel and the dashboard (shared describeActivity). */
function toRow(item: HistoryEntry, lang: Language, timeZone: string): CsvCell[] {
  // Stored activities were validated by the activity schema when they were pushed.
  const words: Pick<ActivityWords, 'title' | 'stage' | 'channel' | 'amountCents' | 'facts' | 'text'> =
    item.kind === 'note'
      ? { title: 'Note', facts: [], text: typeof item.data.text === 'string' ? item.data.text : '' }
      : describeActivity(item.data as unknown as Activity, lang, item.currency ?? 'EUR');
  return [
    item.date,
    timeOfDay(item.at, timeZone, lang),
    words.title,
    item.clientName ?? item.clientId,
    item.invoiceNumbers.join(', '),
    item.authorName,
    words.stage,
    words.channel,
    words.amountCents === undefined ? null : centsToDecimal(words.amountCents, lang === 'fr' ? ',' : '.'),
    [...words.facts, words.text].filter(Boolean).join(' · '),
    item.id,
  ];
}
