import { normalizeLabel, textOf } from './text';
import type { ColumnMap } from './types';
import { classifyLabel, type InvoiceField } from './vocabulary';

/**
 * Builds a column map from header cells (each with its column index). Each field takes the header
 * that names it best; the list counts as an invoice list only when it has an invoice number, a
 * client, an amount and a due date (or a status, which may say how late it is).
 */
export function mapColumns(headers: { cell: Element; index: number }[]): ColumnMap | null {
  const best: Partial<Record<InvoiceField, { index: number; score: number }>> = {};
  const taken = new Set<number>();
  const matches = headers.flatMap(({ cell, index }) => {
    const text = textOf(cell);
    const match = classifyLabel(text);
    return match ? [{ index, match, bare: normalizeLabel(text) }] : [];
  });
  const hasDueDate = matches.some((m) => m.match.field === 'dueDate' && m.bare !== 'due' && m.bare !== 'du');
  for (const { index, match, bare } of matches) {
    // `Due Date` and `Due` side by side (Xero): the bare `Due` is the amount due.
    const field = hasDueDate && (bare === 'due' || bare === 'du') ? 'amountDue' : match.field;
    const score = match.score + (match.exact ? 100 : 0);
    const current = best[field];
    if (!current || score > current.score) best[field] = { index, score };
  }
  const map: ColumnMap = {};
  for (const [field, found] of Object.entries(best) as [InvoiceField, { index: number }][]) {
    if (taken.has(found.index)) continue;
    taken.add(found.index);
    map[field] = found.index;
  }
  // A second status column (Odoo: the document's state beside its payment status) says draft or
  // cancelled: it is read as the document type's column when there is none.
  const second = matches.find((m) => m.match.field === 'status' && !taken.has(m.index));
  if (second && map.docType === undefined) map.docType = second.index;
  const hasAmount = map.amountDue !== undefined || map.total !== undefined;
  // Without a due-date column, a status column may say how late each invoice is (QuickBooks).
  const hasDue = map.dueDate !== undefined || map.status !== undefined;
  if (map.number === undefined || map.client === undefined || !hasDue || !hasAmount) {
    return null;
  }
  return map;
}

/** Picks each mapped field's cell from a row's cells indexed by column. */
export function pickCells(cellsByColumn: Map<number, Element>, map: ColumnMap) {
  const picked: Partial<Record<InvoiceField, Element>> = {};
  for (const [field, index] of Object.entries(map) as [InvoiceField, number][]) {
    const cell = cellsByColumn.get(index);
    if (cell) picked[field] = cell;
  }
  return picked;
}
