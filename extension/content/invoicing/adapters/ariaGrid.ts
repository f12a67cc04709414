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

function ownHeaderRow(container: Element): Element | null {
  const firstHeader = Array.from(container.querySelectorAll(HEADER_CELL)).find(
    (cell) => cell.closest(CONTAINER) === container,
  );
  return firstHeader?.closest('[role=row]') ?? null;
}

const WRAPPER_LEVELS = 4;

/**
 * The header row; else, for a body grid drawn apart from its sticky header (a header-only grid just
 * before it in the same wrapper), that grid's header row — as tables do (table.ts).
 */
function headerRowOf(container: Element): Element | null {
  const own = ownHeaderRow(container);
  if (own || !container.querySelector(DATA_CELL)) return own;
  let scope = container.parentElement;
  for (let level = 0; scope && level < WRAPPER_LEVELS; level++, scope = scope.parentElement) {
    const before = Array.from(scope.querySelectorAll(CONTAINER)).filter(
      (other) =>
        other !== container &&
        !other.contains(container) &&
        !container.contains(other) &&
        (other.compareDocumentPosition(container) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
    );
    const header = before[before.length - 1];
    if (header) return header.querySelector(DATA_CELL) ? null : ownHeaderRow(header);
  }
  return null;
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
