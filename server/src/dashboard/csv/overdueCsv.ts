import { type Language, minorUnitDigits, minorUnitsToDecimal } from '@relance/shared';
import { type CsvCell, toCsv } from '../../services/csv';
import { bucketLabel, stageName } from '../components/labels';
import { ageBucketOf } from '../figures/ageBuckets';
import type { InvoiceFigure } from '../figures/evaluate';
import { translator } from '../i18n/messages';

const COLUMNS: Record<Language, string[]> = {
  fr: [
    'Client',
    'Facture',
    'Émise le',
    'Échéance',
    'Jours de retard',
    'Ancienneté',
    'Étape',
    'Dernière relance',
    'Reste dû',
    'Devise',
    'Identifiant',
  ],
  en: [
    'Client',
    'Invoice',
    'Issued',
    'Due date',
    'Days late',
    'Age',
    'Stage',
    'Last reminder',
    'Left to pay',
    'Currency',
    'ID',
  ],
};

/**
 * The overdue list as CSV, with the conventions of the history export (services/csv.ts): UTF-8
 * with a byte-order mark, CRLF, cells that could start a formula neutralised. In French `;`
 * separates cells and amounts use a decimal comma, as French Excel expects when it opens a
 * file by double-click; in English `,` and a decimal point. Dates are ISO `YYYY-MM-DD`, which
 * every spreadsheet reads as a date; amounts are plain numbers, the currency in its own column.
 */
export function overdueCsv(invoices: readonly InvoiceFigure[], lang: Language): string {
  const t = translator(lang);
  const rows: CsvCell[][] = [COLUMNS[lang]];
  for (const f of invoices) {
    const bucket = ageBucketOf(f.state.daysOverdue);
    rows.push([
      f.clientName,
      f.invoice.number,
      f.invoice.issueDate,
      f.invoice.dueDate,
      { number: String(f.state.daysOverdue) },
      bucket && bucketLabel(t, bucket),
      stageName(t, f.state.stage),
      f.state.lastReminder?.date,
      amountCell(f.outstandingCents, f.invoice.currency, lang),
      f.invoice.currency,
      f.invoice.id,
    ]);
  }
  return toCsv(rows, lang === 'fr' ? ';' : ',');
}

/** An exact decimal in the currency's own minor units (2 for EUR, 0 for JPY), decimal comma in French. */
function amountCell(cents: number, currency: string, lang: Language): CsvCell {
  const decimal = minorUnitsToDecimal(cents, minorUnitDigits(currency));
  return { number: lang === 'fr' ? decimal.replace('.', ',') : decimal };
}
