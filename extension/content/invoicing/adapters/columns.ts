import { textOf } from './text';
import type { ColumnMap } from './types';
import { classifyLabel, type InvoiceField } from './vocabulary';

/**
 * Builds a column map from header cells (each with its column index). Each field takes the header
 * that names it best; the list counts as an invoice list only when it has an invoice number, a
 * client, an amount and a due date.
 */
export function mapColumns(headers: { cell: Element; index: number }[]): ColumnMap | null {
  const best: Partial<Record<InvoiceField, { index: number; score: number }>> = {};
  const taken = new Set<number>();
  for (const { cell, index } of headers) {
    const match = classifyLabel(textOf(cell));
    if (!match) continue;
    const score = match.score + (match.exact ? 100 : 0);
    const current = best[match.field];
    if (!current || score > current.score) best[match.field] = { index, score };
  }
  const map: ColumnMap = {};
  for (const [field, found] of Object.entries(best) as [InvoiceField, { index: number }][]) {
    if (taken.has(found.index)) continue;
    taken.add(found.index);
    map[field] = found.index;
  }
  const hasAmount = map.amountDue !== undefined || map.total !== undefined;
  if (map.number === undefined || map.client === undefined || map.dueDate === undefined || !hasAmount) {
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
