import { mapColumns, pickCells } from './columns';
import { textOf } from './text';
import type { ListAdapter } from './types';

/**
 * Invoice lists written as HTML `<table>`s (server-rendered ERPs, most admin templates).
 */
export function childrenNamed(parent: Element, ...tags: string[]): Element[] {
  return Array.from(parent.children).filter((child) => tags.includes(child.tagName));
}

/** The table's own rows (not those of a table nested in a cell), in order. */
export function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of Array.from(table.children)) {
    if (child.tagName === 'TR') rows.push(child);
    else if (['THEAD', 'TBODY', 'TFOOT'].includes(child.tagName)) rows.push(...childrenNamed(child, 'TR'));
  }
  return rows;
}

/**
 * The table's header row; else, for a body drawn apart from its sticky header (Element UI, Ant
 * Design, DataTables' scrolling), the header-only table just before it in the same wrapper.
 */
export function headerRow(table: Element): Element | null {
  return ownHeaderRow(table) ?? detachedHeaderRow(table);
}

const WRAPPER_LEVELS = 4;

function detachedHeaderRow(table: Element): Element | null {
  if (childrenNamed(table, 'TBODY', 'TR').length === 0) return null;
  let scope = table.parentElement;
  for (let level = 0; scope && level < WRAPPER_LEVELS; level++, scope = scope.parentElement) {
    const before = Array.from(scope.querySelectorAll('table')).filter(
      (other) =>
        other !== table &&
        !other.contains(table) &&
        !table.contains(other) &&
        (other.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
    );
    const header = before[before.length - 1];
    if (header) {
      const bodyRows = rowsOf(header).filter((row) => row.parentElement?.tagName === 'TBODY');
      return bodyRows.some((row) => childrenNamed(row, 'TD').length > 0) ? null : ownHeaderRow(header);
    }
  }
  return null;
}

/** The last row of `<thead>`; else, among the first rows, one made only of `<th>` (a filter row may come first). */
function ownHeaderRow(table: Element): Element | null {
  const head = childrenNamed(table, 'THEAD')[0];
  const headRows = head ? childrenNamed(head, 'TR') : [];
  if (headRows.length > 0) return headRows[headRows.length - 1]!;
  for (const row of rowsOf(table).slice(0, 3)) {
    const cells = childrenNamed(row, 'TH', 'TD');
    if (cells.length > 0 && cells.every((c) => c.tagName === 'TH')) return row;
  }
  return null;
}

/** Each cell with its column index, honouring colspan. */
export function cellsWithColumns(row: Element): Map<number, Element> {
  const byColumn = new Map<number, Element>();
  let column = 0;
  for (const cell of childrenNamed(row, 'TD', 'TH')) {
    byColumn.set(column, cell);
    column += Math.max(1, Number(cell.getAttribute('colspan')) || 1);
  }
  return byColumn;
}

export const tableAdapter: ListAdapter = {
  name: 'table',
  containerSelector: 'table',
  rowSelector: 'tr',

  recognise(container) {
    if (container.tagName !== 'TABLE') return null;
    const header = headerRow(container);
    if (!header) return null;
    const headers = Array.from(cellsWithColumns(header), ([index, cell]) => ({ index, cell }));
    return mapColumns(headers);
  },

  headerSignature(container) {
    const header = container.tagName === 'TABLE' ? headerRow(container) : null;
    return header ? textOf(header) : '';
  },

  isDataRow(row, container) {
    if (row.tagName !== 'TR' || row.closest('table') !== container) return false;
    const section = row.parentElement?.tagName;
    if (section === 'THEAD' || section === 'TFOOT') return false;
    // A data row has at least one <td> (a header row is all <th>).
    return childrenNamed(row, 'TD').length > 0;
  },

  cellsOf(row, map) {
    return pickCells(cellsWithColumns(row), map);
  },
};
