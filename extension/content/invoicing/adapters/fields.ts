import { numberToken } from '@relance/shared/parse';
import { linesOf, normalizeLabel, rawTextOf } from './text';

export { numberToken };

/**
 * The value of a field as a person reads it in its cell: the invoice number is the number-shaped
 * token (its link's text first), the client the name (not the address or e-mail beside it).
 */

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;
const PHONE = /^[+(]?\d[\d\s().-]{6,}$/;
/** Dolibarr's provisional refs `(PROV11)`, and drafts' placeholder numbers. */
const PROVISIONAL = /\(PROV\d*\)|^PROV\d+$|^\(?(brouillon|draft|provisoire)\)?$/i;
const MAX_NAME_LENGTH = 200;

function linkIn(el: Element): Element | null {
  if (el.matches('a[href]')) return el;
  for (const link of Array.from(el.querySelectorAll('a[href]'))) {
    const href = link.getAttribute('href') ?? '';
    if (!/^(mailto|tel|javascript):/i.test(href) && linesOf(link).length > 0) return link;
  }
  return null;
}

/** The invoice number shown in a cell or value (its link's text first), or null. */
export function invoiceNumberIn(el: Element | null | undefined): string | null {
  if (!el) return null;
  const link = linkIn(el);
  const fromLink = link ? numberToken(linesOf(link).join(' ')) : null;
  return fromLink ?? numberToken(linesOf(el).join(' ')) ?? numberToken(rawTextOf(el));
}

/** True when the cell shows a provisional (draft) reference rather than an invoice number. */
export function isProvisional(el: Element | null | undefined, text?: string): boolean {
  const shown = text ?? linesOf(el).join(' ');
  return shown.split(/\s+/).some((word) => PROVISIONAL.test(word)) || PROVISIONAL.test(shown.trim());
}

/** A credit note (avoir, credit memo, refund) says so in its number's cell, type or status. */
export function saysCreditNote(text: string): boolean {
  return /\b(avoirs?|credit notes?|credit memos?|refund|rembourse\w*|note de credit)\b/.test(
    normalizeLabel(text),
  );
}

function isInitials(line: string, next: string | undefined): boolean {
  return !!next && /^\p{Lu}{1,3}$/u.test(line) && next.startsWith(line[0]!);
}

/** Removes an e-mail written beside the name: `Boulangerie Martin <contact@bm.fr>`. */
function withoutEmail(line: string): string {
  return line
    .replace(/[<([]?\s*[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\s*[>)\]]?/g, ' ')
    .replace(/\s+[-–|·,]\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The name among a cell's lines: not an avatar's initials, an e-mail, a phone number or a glyph. */
export function nameAmong(lines: string[]): string | null {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (isInitials(line, lines[i + 1])) continue;
    if (PHONE.test(line)) continue;
    const name = EMAIL.test(line) ? withoutEmail(line) : line;
    if (name && /\p{L}/u.test(name) && name.length <= MAX_NAME_LENGTH) return name;
  }
  return null;
}

/** The client's name shown in a cell (a link to the customer first). */
export function clientNameIn(el: Element | null | undefined): string | null {
  if (!el) return null;
  const link = linkIn(el);
  const fromLink = link ? nameAmong(linesOf(link)) : null;
  if (fromLink) return fromLink;
  const lines = linesOf(el);
  return nameAmong(lines.length > 0 ? lines : [rawTextOf(el)]);
}
