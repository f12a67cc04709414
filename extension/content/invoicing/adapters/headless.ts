import { invoiceNumberIn } from './fields';
import { readAmount, readDate } from './parsing';
import { parseStatus } from './status';
import { cellsWithColumns, childrenNamed, headerRow, rowsOf } from './table';
import { linesOf, textOf } from './text';
import type { ColumnMap, ListAdapter } from './types';
import { classifyLabel } from './vocabulary';

/**
 * Tables of invoices with no header row: a customer page's box of latest invoices (a title row
 * spanning the table, then one row per invoice: ref, dates, amount, status) and summary boxes of
 * the same kind. Columns are recognised from what the cells hold, and from the cells' `title`
 * (Dolibarr writes `title="Date limite règlement"` on the due date). The client is the page's
 * subject (the observer fills it in), as there is no client column.
 *
 * Such a box often shows an amount whose kind it does not say (excl. or incl. tax): its reading is
 * marked `summary`, so it never replaces the amounts of an invoice already read from a list or its
 * own page.
 */
const SAMPLE_ROWS = 6;
const DATE_ONLY = /^[\d/.\- ]+$|^\d{1,2}(er)? \p{L}+\.? \d{4}$|^\p{L}+\.? \d{1,2},? \d{4}$/u;

/** Cells of the data rows (those of a title row spanning the table are left out). */
function dataRows(table: Element): Element[] {
  return rowsOf(table).filter((row) => {
    const cells = childrenNamed(row, 'TD', 'TH');
    return cells.length >= 3 && childrenNamed(row, 'TD').length > 0;
  });
}

type Kind = 'number' | 'date' | 'amount' | 'status';

function kindOf(cell: Element): Kind | null {
  const text = textOf(cell);
  if (!text) return null;
  if (DATE_ONLY.test(text) && readDate(text, 'fr')) return 'date';
  if (parseStatus(text) && text.length <= 40) return 'status';
  if (/\d[.,]\d{2}\b/.test(text) && readAmount(text, 'fr', 'EUR')) return 'amount';
  if (cell.querySelector('a[href]') && invoiceNumberIn(cell) && linesOf(cell).length <= 2) return 'number';
  return null;
}

/** Each column's kind when most sampled rows agree, with the cells' `title` labels. */
function columnKinds(rows: Element[]): { kinds: Map<number, Kind>; titles: Map<number, string> } {
  const votes = new Map<number, Map<Kind, number>>();
  const titles = new Map<number, string>();
  for (const row of rows) {
    for (const [index, cell] of cellsWithColumns(row)) {
      const kind = kindOf(cell);
      if (kind) {
        const column = votes.get(index) ?? new Map<Kind, number>();
        column.set(kind, (column.get(kind) ?? 0) + 1);
        votes.set(index, column);
      }
      const title = cell.getAttribute('title');
      if (title && !titles.has(index)) titles.set(index, title);
    }
  }
  const kinds = new Map<number, Kind>();
  for (const [index, column] of votes) {
    const [kind, count] = [...column].sort((a, b) => b[1] - a[1])[0]!;
    if (count * 2 > rows.length) kinds.set(index, kind);
  }
  return { kinds, titles };
}

export const headlessAdapter: ListAdapter = {
  name: 'box',
  containerSelector: 'table',
  rowSelector: 'tr',

  recognise(container) {
    if (container.tagName !== 'TABLE' || headerRow(container)) return null;
    const rows = dataRows(container).slice(0, SAMPLE_ROWS);
    if (rows.length === 0) return null;
    const { kinds, titles } = columnKinds(rows);
    const columns = (kind: Kind) => [...kinds].filter(([, k]) => k === kind).map(([index]) => index);
    const map: ColumnMap = {};
    const [number] = columns('number');
    const dates = columns('date');
    const amounts = columns('amount');
    const [status] = columns('status');
    if (number === undefined || dates.length === 0 || amounts.length === 0) return null;
    map.number = number;
    for (const index of dates) {
      const field = classifyLabel(titles.get(index) ?? '')?.field;
      if (field === 'dueDate' || field === 'issueDate') map[field] ??= index;
    }
    // Unlabelled: the issue date comes first, the due date second (never guess from a lone date).
    const unlabelled = dates.filter((index) => index !== map.dueDate && index !== map.issueDate);
    if (map.dueDate === undefined && map.issueDate === undefined && unlabelled.length >= 2) {
      map.issueDate = unlabelled[0]!;
      map.dueDate = unlabelled[1]!;
    }
    if (map.dueDate === undefined) return null;
    for (const index of amounts) {
      const field = classifyLabel(titles.get(index) ?? '')?.field;
      if (field === 'amountDue' || field === 'paid' || field === 'total') map[field] ??= index;
    }
    if (map.amountDue === undefined && map.total === undefined) map.total = amounts[amounts.length - 1]!;
    if (status !== undefined) map.status = status;
    return map;
  },

  headerSignature(container) {
    const first = rowsOf(container)[0];
    return `box:${first ? textOf(first) : ''}:${dataRows(container).length > 0}`;
  },

  isDataRow(row, container) {
    if (row.tagName !== 'TR' || row.closest('table') !== container) return false;
    return childrenNamed(row, 'TD').length >= 3;
  },

  cellsOf(row, map) {
    const cells = cellsWithColumns(row);
    const picked: ReturnType<ListAdapter['cellsOf']> = {};
    for (const [field, index] of Object.entries(map) as [keyof ColumnMap, number][]) {
      const cell = cells.get(index);
      if (cell) picked[field] = cell;
    }
    return picked;
  },
};
