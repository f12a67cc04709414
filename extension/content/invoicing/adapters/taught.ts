import type { SiteMapping } from '../../../lib/messages';
import { readInvoice } from './reading';
import type { FieldElements, InvoiceReading, ReadContext } from './types';

/**
 * A site the user taught in a few clicks, shared by the team. Either a list: rows are found by
 * `rowSelector`, each field by a selector relative to the row (`:scope > td:nth-child(2)`); or an
 * invoice page (no `rowSelector`): each field by a selector from the document, the "row" being the
 * smallest element holding them. Status and amount due are optional picks. It adds to the built-in
 * reading (pageObserver.ts), never replaces it.
 */
export type TaughtMapping = SiteMapping;

export const REQUIRED_FIELDS = ['number', 'client', 'amount', 'dueDate'] as const;
export const OPTIONAL_FIELDS = ['status', 'amountDue'] as const;
export type TaughtField = (typeof REQUIRED_FIELDS)[number] | (typeof OPTIONAL_FIELDS)[number];

function query(scope: ParentNode, selector: string): Element | null {
  try {
    return scope.querySelector(selector);
  } catch {
    return null; // a saved selector this engine cannot parse
  }
}

/** The elements of each taught field in a row (or on the page), or null when one is missing. */
export function taughtCells(row: Element, mapping: TaughtMapping): FieldElements | null {
  const scope: ParentNode = mapping.rowSelector ? row : row.ownerDocument;
  const cells: FieldElements = {};
  for (const field of REQUIRED_FIELDS) {
    const el = query(scope, mapping.fields[field]);
    if (!el) return null;
    // The amount picked is what is due, unless the amount due was picked too (then it is the total).
    cells[field === 'amount' ? (mapping.fields.amountDue ? 'total' : 'amountDue') : field] = el;
  }
  for (const field of OPTIONAL_FIELDS) {
    const selector = mapping.fields[field];
    const el = selector ? query(scope, selector) : null;
    if (el) cells[field] = el;
  }
  return cells;
}

export function readTaughtRow(row: Element, mapping: TaughtMapping, ctx: ReadContext): InvoiceReading | null {
  const cells = taughtCells(row, mapping);
  return cells ? readInvoice(cells, ctx, {}, row) : null;
}

/** True when `el` is a row of the mapping (a bad selector matches nothing). */
export function isTaughtRow(el: Element, mapping: TaughtMapping): boolean {
  if (!mapping.rowSelector) return false;
  try {
    return el.matches(mapping.rowSelector);
  } catch {
    return false;
  }
}

/** The rows of the mapping at or under `root`, and the row `root` sits in; an invoice page's block. */
export function taughtRowsIn(root: Element, mapping: TaughtMapping): Element[] {
  if (!mapping.rowSelector) {
    const block = taughtBlock(root.ownerDocument, mapping);
    return block && (root.contains(block) || block.contains(root)) ? [block] : [];
  }
  try {
    const rows = Array.from(root.querySelectorAll(mapping.rowSelector));
    const enclosing = root.closest(mapping.rowSelector);
    if (enclosing) rows.unshift(enclosing);
    return rows;
  } catch {
    return [];
  }
}

/** An invoice page's taught fields' smallest common ancestor. */
export function taughtBlock(doc: Document, mapping: TaughtMapping): Element | null {
  const found = REQUIRED_FIELDS.map((field) => query(doc, mapping.fields[field]));
  if (found.some((el) => !el)) return null;
  let block: Element | null = found[0]!;
  while (block && !found.every((el) => block!.contains(el))) block = block.parentElement;
  return block;
}
