import { formatDate } from '../format/date';
import { formatMoney } from '../format/money';
import { formatCount } from '../format/plural';
import type { Language } from '../vocabulary/languages';
import type { ReminderInvoice, ReminderTotals } from './context';

const HEADERS = {
  fr: {
    number: 'Facture',
    issued: 'Émise le',
    due: 'Échéance',
    late: 'Retard',
    amount: 'Montant dû',
    interest: 'Pénalités',
    legalInterest: 'Intérêts',
    indemnity: 'Indemnité',
    total: 'Total',
  },
  en: {
    number: 'Invoice',
    issued: 'Issued',
    due: 'Due date',
    late: 'Overdue',
    amount: 'Amount due',
    interest: 'Interest',
    legalInterest: 'Interest',
    indemnity: 'Compensation',
    total: 'Total',
  },
} as const;

function daysText(days: number, lang: Language): string {
  if (days <= 0) return '—';
  return formatCount(
    days,
    lang === 'fr' ? { one: 'jour', other: 'jours' } : { one: 'day', other: 'days' },
    lang,
  );
}

/**
 * The invoices of a reminder as a plain-text table, one line each, columns padded with spaces and
 * separated by two, amounts right-aligned; a total line when there are several invoices.
 * The issue-date column appears when an invoice has one, the overdue column when one is overdue;
 * `withPenalties` adds interest and indemnity (used from `reminder-2` on); for a consumer
 * (`consumer`) the interest is legal interest ("Intérêts", not "Pénalités") and there is no
 * indemnity column, since none is owed.
 */
export function renderInvoiceTable(
  invoices: readonly ReminderInvoice[],
  totals: ReminderTotals,
  lang: Language,
  withPenalties: boolean,
  options: { consumer?: boolean } = {},
): string {
  return layOut(invoiceColumns(invoices, totals, lang, withPenalties, options), invoices.length);
}

export interface TableColumn {
  header: string;
  /** One cell per invoice, then the total line's cell when there are several invoices. */
  cells: string[];
  /** Amounts line up on the right, words on the left. */
  alignRight: boolean;
}

/** The table's columns, for the plain-text layout here and the printed letter's HTML table. */
export function invoiceColumns(
  invoices: readonly ReminderInvoice[],
  totals: ReminderTotals,
  lang: Language,
  withPenalties: boolean,
  options: { consumer?: boolean } = {},
): TableColumn[] {
  const h = HEADERS[lang];
  const money = (cents: number, currency: string) => formatMoney(cents, currency, lang);
  const several = invoices.length > 1;
  const totalCell = (value: string) => (several ? [value] : []);

  const columns: TableColumn[] = [
    { header: h.number, cells: [...invoices.map((i) => i.number), ...totalCell(h.total)], alignRight: false },
  ];
  if (invoices.some((i) => i.issueDate)) {
    columns.push({
      header: h.issued,
      cells: [...invoices.map((i) => (i.issueDate ? formatDate(i.issueDate, lang) : '—')), ...totalCell('')],
      alignRight: false,
    });
  }
  columns.push({
    header: h.due,
    cells: [...invoices.map((i) => formatDate(i.dueDate, lang)), ...totalCell('')],
    alignRight: false,
  });
  if (invoices.some((i) => i.daysLate > 0)) {
    columns.push({
      header: h.late,
      cells: [...invoices.map((i) => daysText(i.daysLate, lang)), ...totalCell('')],
      alignRight: false,
    });
  }
  columns.push({
    header: h.amount,
    cells: [
      ...invoices.map((i) => money(i.amountDueCents, i.currency)),
      ...totalCell(money(totals.amountDueCents, totals.currency)),
    ],
    alignRight: true,
  });
  if (withPenalties) {
    columns.push({
      header: options.consumer ? h.legalInterest : h.interest,
      cells: [
        ...invoices.map((i) => money(i.interestCents ?? 0, i.currency)),
        ...totalCell(money(totals.interestCents, totals.currency)),
      ],
      alignRight: true,
    });
  }
  if (withPenalties && !options.consumer) {
    columns.push({
      header: h.indemnity,
      cells: [
        ...invoices.map((i) => money(i.indemnityCents ?? 0, i.currency)),
        ...totalCell(money(totals.indemnityCents, totals.currency)),
      ],
      alignRight: true,
    });
  }
  return columns;
}

/** Columns padded with spaces and separated by two, a rule and the total line under several invoices. */
function layOut(columns: TableColumn[], count: number): string {
  const several = count > 1;
  const widths = columns.map((c) => Math.max(c.header.length, ...c.cells.map((cell) => cell.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (columns[i]!.alignRight ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const rows = Array.from({ length: count }, (_, row) => line(columns.map((c) => c.cells[row]!)));
  const out = [line(columns.map((c) => c.header)), ...rows];
  if (several) {
    const width = widths.reduce((sum, w) => sum + w, 0) + 2 * (widths.length - 1);
    out.push('-'.repeat(width), line(columns.map((c) => c.cells[count]!)));
  }
  return out.join('\n');
}
