import { mapColumns, pickCells } from './columns';
import { textOf } from './text';
import type { ListAdapter } from './types';

/**
 * Invoice lists built from `<div>`s with ARIA roles (`role=grid|table|treegrid` › `row` ›
 * `columnheader` / `cell|gridcell`), as SPA data-grid components render them. Columns follow
 * `aria-colindex` when present, else the cells' order.
 */
const CONTAINER = '[role=grid], [role=table], [role=treegrid]';
const HEADER_CELL = '[role=columnheader]';
const DATA_CELL = '[role=cell], [role=gridcell], [role=rowheader]';

function ownCells(row: Element, selector: string): Element[] {
  return Array.from(row.querySelectorAll(selector)).filter((cell) => cell.closest('[role=row]') === row);
}

function cellsWithColumns(cells: Element[]): Map<number, Element> {
  const byColumn = new Map<number, Element>();
  cells.forEach((cell, order) => {
    const colindex = Number(cell.getAttribute('aria-colindex'));
    byColumn.set(Number.isInteger(colindex) && colindex > 0 ? colindex - 1 : order, cell);
  });
  return byColumn;
}

function headerRowOf(container: Element): Element | null {
  const firstHeader = Array.from(container.querySelectorAll(HEADER_CELL)).find(
    (cell) => cell.closest(CONTAINER) === container,
  );
  return firstHeader?.closest('[role=row]') ?? null;
}

export const ariaGridAdapter: ListAdapter = {
  name: 'aria-grid',
  containerSelector: CONTAINER,
  rowSelector: '[role=row]',

  recognise(container) {
    // A real <table role=grid> is read by the table adapter; this one reads ARIA-only structures.
    if (container.tagName === 'TABLE') return null;
    const header = headerRowOf(container);
    if (!header) return null;
    const headers = Array.from(cellsWithColumns(ownCells(header, HEADER_CELL)), ([index, cell]) => ({
      index,
      cell,
    }));
    return mapColumns(headers);
  },

  headerSignature(container) {
    return textOf(headerRowOf(container));
  },

  isDataRow(row, container) {
    if (row.getAttribute('role') !== 'row' || row.closest(CONTAINER) !== container) return false;
    return ownCells(row, DATA_CELL).length > 0;
  },

  cellsOf(row, map) {
    return pickCells(cellsWithColumns(ownCells(row, DATA_CELL)), map);
  },
};
