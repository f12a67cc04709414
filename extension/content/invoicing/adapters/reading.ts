import type { InvoiceStatus } from '@relance/shared';
import { readAmount, readDate } from './parsing';
import { parseStatus } from './status';
import { textOf } from './text';
import type { FieldElements, InvoiceReading, ReadContext } from './types';

const MAX_NUMBER_LENGTH = 100;
const MAX_NAME_LENGTH = 300;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;

/**
 * Turns the elements holding an invoice's fields into a reading, or null when a required field
 * (number, client, amount, due date) is missing or unreadable. Shared by every adapter.
 *
 * `texts` lets an adapter pass a field's text when it is not an element's whole text (a detail
 * page's `Échéance : 12/03/2026`).
 */
export function readInvoice(
  cells: FieldElements,
  ctx: ReadContext,
  texts: Partial<Record<keyof FieldElements, string>> = {},
  linkScope?: Element,
): InvoiceReading | null {
  const text = (field: keyof FieldElements) => texts[field] ?? textOf(cells[field]);

  const number = text('number');
  const clientName = text('client');
  if (!number || number.length > MAX_NUMBER_LENGTH || !clientName || clientName.length > MAX_NAME_LENGTH) {
    return null;
  }
  const dueDate = readDate(text('dueDate'), ctx.locale);
  if (!dueDate) return null;

  // A currency column, when there is one, says what the bare amounts are in.
  const currencyCell = text('currency').toUpperCase();
  const currency = /^[A-Z]{3}$/.test(currencyCell) ? currencyCell : ctx.defaultCurrency;
  const due = cells.amountDue || texts.amountDue ? readAmount(text('amountDue'), ctx.locale, currency) : null;
  const total = cells.total || texts.total ? readAmount(text('total'), ctx.locale, currency) : null;
  const amount = due ?? total;
  if (!amount || amount.cents < 0) return null;

  const issueDate = readDate(text('issueDate'), ctx.locale) ?? undefined;
  const status = statusOf(text('status'), due?.cents, total?.cents);
  const reading: InvoiceReading = {
    number,
    clientName,
    amountDueCents: amount.cents,
    currency: amount.currency,
    dueDate,
    status,
  };
  if (total && total.cents >= 0) reading.totalCents = total.cents;
  if (issueDate) reading.issueDate = issueDate;
  const email = emailIn(cells.email, text('email')) ?? emailIn(cells.client);
  if (email) reading.clientEmail = email;
  const url = linkOf(cells.number, ctx.baseUrl) ?? (linkScope ? linkOf(linkScope, ctx.baseUrl) : undefined);
  if (url) reading.url = url;
  return reading;
}

/** The status cell when it says something; else what the amounts imply. */
function statusOf(statusText: string, dueCents?: number, totalCents?: number): InvoiceStatus {
  const said = parseStatus(statusText);
  if (said) return said;
  if (dueCents === 0 && (totalCents ?? 1) > 0) return 'paid';
  if (dueCents !== undefined && totalCents !== undefined && dueCents < totalCents) return 'partial';
  return 'unpaid';
}

function emailIn(el: Element | undefined, text = ''): string | undefined {
  const mailto = el?.querySelector('a[href^="mailto:" i]')?.getAttribute('href');
  const candidate = mailto ? decodeURIComponent(mailto.slice(7).split('?')[0] ?? '') : text;
  return EMAIL.exec(candidate)?.[0]?.toLowerCase();
}

/** The first http(s) link in the element (the invoice's page on the site). */
function linkOf(el: Element | undefined, baseUrl: string): string | undefined {
  if (!el) return undefined;
  const anchor = el.matches('a[href]') ? el : el.querySelector('a[href]');
  const href = anchor?.getAttribute('href');
  if (!href || href.startsWith('#') || /^(javascript|mailto|tel):/i.test(href)) return undefined;
  try {
    const url = new URL(href, baseUrl);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href.slice(0, 2000) : undefined;
  } catch {
    return undefined;
  }
}
