import { isOurElement } from '../../shared/shadowHost';
import { readInvoice } from './reading';
import { normalizeLabel, textOf } from './text';
import type { FieldElements, InvoiceReading, ReadContext } from './types';
import { classifyLabel, type InvoiceField } from './vocabulary';

/**
 * Invoice detail pages: one invoice shown as label/value pairs (`<dl>`, two-cell table rows,
 * `Label : value`, a label element followed by its value), with the number sometimes only in the
 * title (`Facture FA-2026-0042`).
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

/** A label is (mostly) the field's name: `Échéance :`, not `Facture FA-2026-0042`. */
function labelField(text: string): InvoiceField | null {
  const match = classifyLabel(text);
  if (!match) return null;
  const length = normalizeLabel(text).length;
  return match.exact || match.score >= 0.6 * length ? match.field : null;
}
const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'SELECT', 'SVG']);
const TITLE_NUMBER =
  /^(?:facture|invoice|avoir)\s*(?:n[o°º]\.?|#|number|num[eé]ro)?\s*[:\-–]?\s*([A-Z0-9][\w\-/.]*)$/i;

/** The element holding a label's value, or null. */
function valueElementOf(label: Element): Element | null {
  const tag = label.tagName;
  if (tag === 'DT') {
    let next = label.nextElementSibling;
    while (next && next.tagName !== 'DD') next = next.nextElementSibling;
    return next;
  }
  if (tag === 'TH' || tag === 'TD') {
    const row = label.parentElement;
    // A row of many cells is a list's header, not a label/value pair.
    if (row?.tagName !== 'TR' || row.children.length > 4) return null;
    return label.nextElementSibling;
  }
  if (tag === 'LABEL') {
    const target = label.getAttribute('for');
    if (target) return label.ownerDocument.getElementById(target);
  }
  if (label.nextElementSibling) return label.nextElementSibling;
  const parent = label.parentElement;
  if (parent && textOf(parent) === textOf(label)) return parent.nextElementSibling;
  return null;
}

function lowestCommonAncestor(elements: Element[]): Element | null {
  let candidate: Element | null = elements[0] ?? null;
  while (candidate && !elements.every((el) => candidate!.contains(el))) candidate = candidate.parentElement;
  return candidate;
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
        if (SKIPPED_TAGS.has(el.tagName.toUpperCase()) || isOurElement(el) || skip(el)) {
          return NodeFilter.FILTER_REJECT;
        }
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
    if (whole.length > MAX_LABEL_LENGTH * 2) continue;

    // `Échéance : 12/03/2026` in one element.
    const colon = whole.indexOf(':');
    if (colon > 0 && colon < MAX_LABEL_LENGTH && whole.slice(colon + 1).trim()) {
      const field = labelField(whole.slice(0, colon));
      if (field && !cells[field]) {
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
    cells[field] = value;
  }

  if (!cells.number) {
    const title = Array.from(root.querySelectorAll('h1, h2')).find((h) => TITLE_NUMBER.test(textOf(h)));
    if (title) {
      cells.number = title;
      texts.number = TITLE_NUMBER.exec(textOf(title))![1]!;
    }
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
