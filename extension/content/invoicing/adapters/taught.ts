import type { SiteMapping } from '../../../lib/messages';
import { readInvoice } from './reading';
import type { FieldElements, InvoiceReading, ReadContext } from './types';

/**
 * A site the user taught in a few clicks: rows are found by `rowSelector`, and each field by a
 * selector relative to the row (`:scope > td:nth-child(2)`), saved per host by the background.
 */
export type TaughtMapping = SiteMapping;

const TAUGHT_FIELDS = ['number', 'client', 'amount', 'dueDate'] as const;
export type TaughtField = (typeof TAUGHT_FIELDS)[number];

function query(row: Element, selector: string): Element | null {
  try {
    return row.querySelector(selector);
  } catch {
    return null; // a saved selector this engine cannot parse
  }
}

/** The elements of each taught field in a row, or null when the row lacks one. */
export function taughtCells(row: Element, mapping: TaughtMapping): FieldElements | null {
  const cells: FieldElements = {};
  for (const field of TAUGHT_FIELDS) {
    const el = query(row, mapping.fields[field]);
    if (!el) return null;
    cells[field === 'amount' ? 'amountDue' : field] = el;
  }
  return cells;
}

export function readTaughtRow(row: Element, mapping: TaughtMapping, ctx: ReadContext): InvoiceReading | null {
  const cells = taughtCells(row, mapping);
  return cells ? readInvoice(cells, ctx, {}, row) : null;
}

/** True when `el` is a row of the mapping (a bad selector matches nothing). */
export function isTaughtRow(el: Element, mapping: TaughtMapping): boolean {
  try {
    return el.matches(mapping.rowSelector);
  } catch {
    return false;
  }
}

/** Rows of the mapping at or under `root`, and the row `root` sits in. */
export function taughtRowsIn(root: Element, mapping: TaughtMapping): Element[] {
  try {
    const rows = Array.from(root.querySelectorAll(mapping.rowSelector));
    const enclosing = root.closest(mapping.rowSelector);
    if (enclosing) rows.unshift(enclosing);
    return rows;
  } catch {
    return [];
  }
}
