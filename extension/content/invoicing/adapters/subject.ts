import { numberToken } from './fields';
import { textOf } from './text';
import { classifyLabel } from './vocabulary';

/**
 * What a page is about, as its heading or title says: the customer on a customer page (whose box
 * of latest invoices has no client column), the invoice on an invoice page (`FA2609-0004 - Fiche`).
 */
const HEADINGS =
  'h1, [class~="refid"], [class*="page-title"], [class*="pageTitle"], [class*="page-header"] h2, h2';
const TITLE_SEPARATORS = /\s+[-–—|·:]\s+/;
const MAX_SUBJECT = 120;

/** Generic headings that are no subject: `Fiche client`, `Factures`, `Invoices`, `Customer`. */
function isGeneric(text: string): boolean {
  const match = classifyLabel(text);
  return (
    !!match || /^(fiche|card|details?|d[ée]tail|overview|aper[çc]u|dashboard|tableau de bord)\b/i.test(text)
  );
}

function headings(doc: Document): string[] {
  const found: string[] = [];
  for (const el of Array.from(doc.querySelectorAll(HEADINGS)).slice(0, 12)) {
    if (el.closest('nav, header nav, [role=navigation], aside, table, [role=grid]')) continue;
    const text = textOf(el);
    if (text && text.length <= MAX_SUBJECT) found.push(text);
  }
  return found;
}

function titleSegments(doc: Document): string[] {
  return (doc.title ?? '')
    .split(TITLE_SEPARATORS)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The customer a page is about (its heading, else the first segment of its title), or null. */
export function pageCustomer(doc: Document): string | null {
  for (const text of [...headings(doc), ...titleSegments(doc).slice(0, 1)]) {
    if (/\p{L}/u.test(text) && !isGeneric(text) && !(text.split(/\s+/).length === 1 && numberToken(text)))
      return text;
  }
  return null;
}

/** An invoice number in the page's title or main heading (`FA2609-0004 - Fiche`, `Invoice #1042`). */
export function pageInvoiceNumber(doc: Document): { number: string; shown: string } | null {
  const candidates = [...titleSegments(doc).slice(0, 2), ...headings(doc).slice(0, 3)];
  for (const text of candidates) {
    const bare = text.replace(
      /^(facture|invoice|avoir|credit note|bill|re[çc]u|receipt)\b\s*(n[o°º]\.?|#|number|num[ée]ro)?\s*[:\-–]?\s*/i,
      '',
    );
    // Only a heading that is (mostly) the number: `Facture FA-1`, not `3 factures en retard`.
    if (bare.split(/\s+/).length > 2) continue;
    const number = numberToken(bare);
    if (number) return { number, shown: bare };
  }
  return null;
}
