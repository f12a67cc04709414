import { ACTIVITY_LABELS, CHANNEL_LABELS, type Language, STAGE_LABELS } from '@relance/shared';
import type { Database } from '../db/open';
import { type CsvCell, centsToDecimal, toCsv } from './csv';
import { type HistoryEntry, type HistoryFilters, queryHistory } from './history';

/** The export stops here; narrow the filters for more. */
export const MAX_CSV_ROWS = 100_000;
const PAGE = 1000;

const COLUMNS: Record<Language, string[]> = {
  fr: [
    'Date',
    'Heure (UTC)',
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
    'Time (UTC)',
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

/** A shared label (the one the extension shows), capitalised for a column of its own; the raw value when unknown. */
function labelFor(labels: Readonly<Record<string, string>>, key: string): string {
  const label = labels[key];
  return label ? capitalise(label) : key;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const DETAIL_WORDS: Record<Language, { promised: string; deadline: string; instalments: string }> = {
  fr: { promised: 'promis pour le', deadline: 'date limite', instalments: 'échéances' },
  en: { promised: 'promised for', deadline: 'deadline', instalments: 'instalments' },
};

/** The whole filtered history as a CSV file (newest first), in the reader's language. */
export async function exportHistoryCsv(
  db: Database,
  teamId: string,
  filters: HistoryFilters,
  lang: Language,
): Promise<string> {
  const rows: CsvCell[][] = [COLUMNS[lang]];
  for (let offset = 0; offset < MAX_CSV_ROWS; offset += PAGE) {
    const { items } = await queryHistory(db, teamId, filters, { limit: PAGE, offset });
    for (const item of items) rows.push(toRow(item, lang));
    if (items.length < PAGE) break;
  }
  return toCsv(rows, lang === 'fr' ? ';' : ',');
}

function toRow(item: HistoryEntry, lang: Language): CsvCell[] {
  const d = item.data as Record<string, unknown>;
  const text = (key: string) =>
    typeof d[key] === 'string' && d[key] !== '' ? (d[key] as string) : undefined;
  const words = DETAIL_WORDS[lang];
  const instalments = Array.isArray(d.instalments)
    ? (d.instalments as { amountCents?: unknown }[])
    : undefined;
  const amountCents =
    typeof d.amountCents === 'number'
      ? d.amountCents
      : instalments?.reduce((sum, i) => sum + (typeof i.amountCents === 'number' ? i.amountCents : 0), 0);
  const details = [
    text('subject'),
    text('reason'),
    text('outcome'),
    text('resolution'),
    text('promisedDate') && `${words.promised} ${text('promisedDate')}`,
    text('deadline') && `${words.deadline} ${text('deadline')}`,
    instalments && `${instalments.length} ${words.instalments}`,
    text('text'),
    text('comment'),
  ].filter((s): s is string => !!s);
  const stage = text('stage');
  const channel = text('channel');
  return [
    item.date,
    item.at.slice(11, 16),
    item.type === 'note' ? 'Note' : labelFor(ACTIVITY_LABELS[lang], item.type),
    item.clientName ?? item.clientId,
    item.invoiceNumbers.join(', '),
    item.authorName,
    stage && labelFor(STAGE_LABELS[lang], stage),
    channel && labelFor(CHANNEL_LABELS[lang], channel),
    amountCents === undefined ? null : centsToDecimal(amountCents, lang === 'fr' ? ',' : '.'),
    details.join(' · '),
    item.id,
  ];
}
