import { isOurElement } from '../../shared/shadowHost';
import { clientNameIn, isProvisional, numberToken } from './fields';
import { readDate } from './parsing';
import { readInvoice } from './reading';
import { parseStatus } from './status';
import { pageInvoiceNumber } from './subject';
import { isSkippedElement, normalizeLabel, textOf } from './text';
import type { FieldElements, InvoiceReading, ReadContext } from './types';
import { classifyLabel, type InvoiceField } from './vocabulary';

/**
 * Invoice pages: one invoice shown as label/value pairs (`<dl>`, two-cell table rows, a label cell
 * whose value cell holds a small nested table with an edit pencil, `Label : value`, a label element
 * followed by its value, grids of label/value blocks), the number often only in the page's title
 * or heading (`FA2609-0004 - Fiche`, `Facture FA-2026-0042`), the client a link to the customer
 * with no label, the status a chip.
 */
export interface DetailMatch {
  /** The smallest element holding every field found: the detail's "row". */
  container: Element;
  /** Where the badge goes: the invoice number's value. */
  anchor: Element;
  cells: FieldElements;
  /** Field texts when they are only part of an element's text (`Échéance : 12/03/2026`). */
  texts: Partial<Record<InvoiceField, string>>;
}

const MAX_LABEL_LENGTH = 60;
const MAX_VALUE_LENGTH = 120;
/** Links to a customer's page in the tools we know of the class of (`societe/card.php?socid=`, `/customers/42`). */
const CUSTOMER_LINK =
  /(societe|soc\.php|socid=|thirdpart|tiers|customer|client|contact|partner|compan|account|organi[sz]ation)/i;
const STATUS_CHIP = /status|statut|badge|chip|pill|tag|state|label|etat|ribbon/i;

/** A label is (mostly) the field's name: `Échéance :`, not `Facture FA-2026-0042`. */
function labelField(text: string): InvoiceField | null {
  const match = classifyLabel(text);
  if (!match) return null;
  const length = normalizeLabel(text).length;
  return match.exact || match.score >= 0.6 * length ? match.field : null;
}

/** A value that can be the field's: a number-shaped ref, a date, digits for an amount. */
function valueFits(field: InvoiceField, text: string): boolean {
  switch (field) {
    case 'number':
      // `Facturé : 3 000,00` is an amount, not a ref.
      return (
        numberToken(text) !== null && !/^[-\d\s.,\u202f\u00a0]+(\s*\p{Sc}|\s*[A-Z]{3})?$/u.test(text.trim())
      );
    case 'dueDate':
    case 'issueDate':
      return readDate(text, 'fr') !== null || readDate(text, 'en') !== null;
    case 'amountDue':
    case 'total':
    case 'paid':
      return /\d/.test(text);
    default:
      return true;
  }
}

/** The cell a label sits in, when the label is in a small nested table (label + edit pencil). */
function outerCell(label: Element): Element {
  const cell = label.closest('td, th');
  const nested = cell?.closest('table');
  const outer = nested?.parentElement?.closest('td, th');
  if (!cell || !nested || !outer) return cell ?? label;
  // Everything else in the nested table is empty to the eye (pencils, icons): the outer cell is the label.
  return textOf(nested) === textOf(cell) ? outer : cell;
}

/** The element holding a label's value, or null. */
function valueElementOf(label: Element): Element | null {
  const tag = label.tagName;
  if (tag === 'DT') {
    let next = label.nextElementSibling;
    while (next && next.tagName !== 'DD') next = next.nextElementSibling;
    return next;
  }
  const cell = label.closest('td, th');
  if (cell) {
    const labelCell = outerCell(label);
    const row = labelCell.parentElement;
    // A row of many cells is a list's header, not a label/value pair.
    if (row?.tagName !== 'TR' || row.children.length > 4) return null;
    let next = labelCell.nextElementSibling;
    while (next && !textOf(next)) next = next.nextElementSibling;
    return next;
  }
  if (tag === 'LABEL') {
    const target = label.getAttribute('for');
    const byId = target ? label.ownerDocument.getElementById(target) : null;
    if (byId && textOf(byId)) return byId;
  }
  let next = label.nextElementSibling;
  while (next && !textOf(next)) next = next.nextElementSibling;
  if (next) return next;
  const parent = label.parentElement;
  if (parent && textOf(parent) === textOf(label)) {
    let after = parent.nextElementSibling;
    while (after && !textOf(after)) after = after.nextElementSibling;
    return after;
  }
  return null;
}

function lowestCommonAncestor(elements: Element[]): Element | null {
  let candidate: Element | null = elements[0] ?? null;
  while (candidate && !elements.every((el) => candidate!.contains(el))) candidate = candidate.parentElement;
  return candidate;
}

/** The smallest element under `root` whose own text shows `token` (the number's place on the page). */
function elementShowing(root: Element, token: string, skip: (el: Element) => boolean): Element | null {
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === 1) {
        const el = node as Element;
        return isSkippedElement(el) || isOurElement(el) || skip(el) || el.closest('head, title')
          ? NodeFilter.FILTER_REJECT
          : NodeFilter.FILTER_SKIP;
      }
      return node.nodeValue?.includes(token) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
    },
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (el && textOf(el).includes(token)) return el;
  }
  return null;
}

/** A link to the customer's page whose text is a name (the client, with no label). */
function customerLink(root: Element, skip: (el: Element) => boolean): Element | null {
  for (const link of Array.from(root.querySelectorAll('a[href]')).slice(0, 200)) {
    if (skip(link) || link.closest('nav, [role=navigation], aside, table table')) continue;
    if (CUSTOMER_LINK.test(link.getAttribute('href') ?? '') && clientNameIn(link)) return link;
  }
  return null;
}

/** A status chip (`<span class="badge badge-status1">Impayée</span>`), or null. */
function statusChip(root: Element, skip: (el: Element) => boolean): Element | null {
  for (const el of Array.from(root.querySelectorAll('[class]')).slice(0, 2000)) {
    if (skip(el) || !STATUS_CHIP.test(el.getAttribute('class') ?? '') || el.closest('table table')) continue;
    const text = textOf(el);
    if (text && text.length <= 40 && parseStatus(text)) return el;
  }
  return null;
}

/**
 * Finds one invoice's label/value pairs under `root`. `skip` rejects subtrees another adapter owns
 * (recognised invoice lists). Returns null unless number, client, amount and due date are all found.
 */
export function findDetail(root: Element, skip: (el: Element) => boolean): DetailMatch | null {
  const doc = root.ownerDocument;
  const cells: FieldElements = {};
  const texts: Partial<Record<InvoiceField, string>> = {};
  const seenLabels = new Set<Element>();

  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === 1) {
        const el = node as Element;
        if (isSkippedElement(el) || isOurElement(el) || skip(el)) return NodeFilter.FILTER_REJECT;
        return NodeFilter.FILTER_SKIP;
      }
      const length = node.nodeValue?.trim().length ?? 0;
      return length > 0 && length <= MAX_LABEL_LENGTH * 2 ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
    },
  });

  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const label = node.parentElement;
    if (!label || seenLabels.has(label)) continue;
    seenLabels.add(label);
    const whole = textOf(label);
    if (!whole || whole.length > MAX_LABEL_LENGTH * 2) continue;

    // `Échéance : 12/03/2026` in one element.
    const colon = whole.indexOf(':');
    if (colon > 0 && colon < MAX_LABEL_LENGTH && whole.slice(colon + 1).trim()) {
      const field = labelField(whole.slice(0, colon));
      if (field && !cells[field] && valueFits(field, whole.slice(colon + 1))) {
        cells[field] = label;
        texts[field] = whole.slice(colon + 1).trim();
        continue;
      }
    }
    if (whole.length > MAX_LABEL_LENGTH) continue;
    const field = labelField(whole.replace(/\s*:\s*$/, ''));
    if (!field || cells[field]) continue;
    const value = valueElementOf(label);
    const valueText = textOf(value);
    // An empty or long value, or one that is itself a label, means this was not a label/value pair.
    if (!value || !valueText || valueText.length > MAX_VALUE_LENGTH || labelField(valueText)) continue;
    if (!valueFits(field, valueText)) continue;
    cells[field] = value;
  }

  // The number in the title or heading (the ref as bare text in a header block).
  if (!cells.number) {
    const titled = pageInvoiceNumber(doc);
    const shown = titled && elementShowing(root, titled.number, skip);
    if (titled && shown) {
      cells.number = shown;
      texts.number = titled.shown;
    } else if (titled && isProvisional(undefined, titled.shown)) {
      return null;
    }
  }
  if (!cells.client) {
    const link = customerLink(root, skip);
    if (link) cells.client = link;
  }
  if (!cells.status) {
    const chip = statusChip(root, skip);
    if (chip) cells.status = chip;
  }

  const amount = cells.amountDue ?? cells.total;
  if (!cells.number || !cells.client || !cells.dueDate || !amount) return null;
  const container = lowestCommonAncestor([cells.number, cells.client, cells.dueDate, amount]);
  if (!container) return null;
  return { container, anchor: cells.number, cells, texts };
}

/** Reads a detail match; the page's own address is the invoice's link. */
export function readDetail(match: DetailMatch, ctx: ReadContext): InvoiceReading | null {
  const reading = readInvoice(match.cells, ctx, match.texts);
  if (reading && !reading.url) reading.url = ctx.baseUrl.slice(0, 2000);
  return reading;
}
