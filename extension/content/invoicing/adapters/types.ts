import type { InvoiceStatus, IsoDate } from '@relance/shared';
import type { InvoiceField } from './vocabulary';

/** What an adapter read of one invoice on the page. The invoicing site stays the source of truth. */
export interface InvoiceReading {
  /** As printed on the page. */
  number: string;
  clientName: string;
  clientEmail?: string;
  amountDueCents: number;
  totalCents?: number;
  currency: string;
  issueDate?: IsoDate;
  dueDate: IsoDate;
  status: InvoiceStatus;
  /** Link to the invoice on the site, when the page has one. */
  url?: string;
  /**
   * Read from a summary (a customer page's box of latest invoices) whose amount may not be what is
   * left to pay: it never replaces what a list or the invoice's own page said.
   */
  summary?: boolean;
}

/** A reading tied to the page: the row (or detail block) it came from and where its badge goes. */
export interface InvoiceOnPage extends InvoiceReading {
  /** The invoice's row in a list, or the block holding a detail page's fields. */
  row: Element;
  /** The element the badge is appended to (the invoice number's cell or value). */
  anchor: Element;
  /** Which adapter read it (`table`, `aria-grid`, `box`, `detail`, `taught`). */
  adapter: string;
}

/** How to read the page's amounts and dates. */
export interface ReadContext {
  /** The page's language (`<html lang>`), a hint for day/month order and decimal marks. */
  locale: string;
  /** Currency assumed when the page prints none. */
  defaultCurrency: string;
  /** Base for resolving links. */
  baseUrl: string;
}

/** The elements holding each field of one invoice (cells of a row, values of a detail page). */
export type FieldElements = Partial<Record<InvoiceField, Element>>;

/**
 * A list adapter: recognises invoice lists (tables, grids) by their headers, and finds their rows.
 * One instance serves every list of its kind on the page.
 */
export interface ListAdapter {
  name: string;
  /** CSS selector of the containers this adapter understands (`table`, `[role=grid]`…). */
  containerSelector: string;
  /** CSS selector of a row inside a container. */
  rowSelector: string;
  /** Column index per field when the container is an invoice list, else null. */
  recognise(container: Element): ColumnMap | null;
  /** The header row's text, to tell when a container must be recognised again. */
  headerSignature(container: Element): string;
  /** True when `row` is a data row of `container` (not a header, not a nested table's row). */
  isDataRow(row: Element, container: Element): boolean;
  /** The cell at each mapped column of a data row. */
  cellsOf(row: Element, map: ColumnMap): FieldElements;
}

export type ColumnMap = Partial<Record<InvoiceField, number>>;
