/**
 * Invoice numbers as pages print them, and the key that makes one invoice one record: the same
 * invoice seen on a list (`FA2603-0101`), its own page (`Facture n° FA2603-0101`) and a customer
 * page is the same normalised number on the same site.
 */

/** A token of letters, digits and in-word separators: `FA2603-0101`, `INV/2026/0042`, `1042`. */
const TOKEN = /[\p{L}\p{N}](?:[\p{L}\p{N}_/.+-]*[\p{L}\p{N}])?/gu;
const DATE_LIKE = /^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}$/;
/** `1 200,00`, `1,200.00`, `12.5`: an amount, not an invoice number. */
const AMOUNT_LIKE = /^\d{1,3}(?:[.,\u202f\u00a0 ]\d{3})*[.,]\d{1,2}$/;
const MAX_NUMBER_LENGTH = 40;

/** The first number-shaped token of a text (`FA2610-0008 Aperçu pdf` → `FA2610-0008`), or null. */
export function numberToken(text: string): string | null {
  for (const match of text.matchAll(TOKEN)) {
    const token = match[0];
    if (!/\d/.test(token) || token.length > MAX_NUMBER_LENGTH) continue;
    if (DATE_LIKE.test(token) || AMOUNT_LIKE.test(token)) continue;
    return token;
  }
  return null;
}

/** The identity of an invoice number: its token, without spaces or a `#`/`N°` prefix, in capitals. */
export function normaliseInvoiceNumber(number: string): string {
  const token = numberToken(number) ?? number;
  return token
    .replace(/\s+/g, '')
    .replace(/^(#|n[°º]|no\.)/i, '')
    .toUpperCase();
}
