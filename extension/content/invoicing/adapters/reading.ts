import type { InvoiceStatus } from '@relance/shared';
import {
  clientNameIn,
  invoiceNumberIn,
  isProvisional,
  nameAmong,
  numberToken,
  saysCreditNote,
} from './fields';
import { dueFromStatus, readAmount, readDate } from './parsing';
import { parseStatus } from './status';
import { linesOf, textOf } from './text';
import type { FieldElements, InvoiceReading, ReadContext } from './types';

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;

/** Statuses that never get a badge: nothing is chased on them (docs/architecture.md#overlay-dom). */
export function isDunnable(status: InvoiceStatus): boolean {
  return status !== 'draft' && status !== 'cancelled';
}

/**
 * Turns the elements holding an invoice's fields into a reading, or null when a required field
 * (number, client, amount, due date) is missing or unreadable, or when the document is a draft
 * (provisional ref, draft status) or a credit note. Shared by every adapter.
 *
 * `texts` lets an adapter pass a field's text when it is not an element's whole text (a detail
 * page's `Échéance : 12/03/2026`, a page title's number, the customer a page is about).
 */
export function readInvoice(
  cells: FieldElements,
  ctx: ReadContext,
  texts: Partial<Record<keyof FieldElements, string>> = {},
  linkScope?: Element,
): InvoiceReading | null {
  const text = (field: keyof FieldElements) => texts[field] ?? textOf(cells[field]);

  const numberText = texts.number ?? linesOf(cells.number).join(' ');
  if (isProvisional(undefined, numberText)) return null;
  const number = texts.number !== undefined ? numberToken(texts.number) : invoiceNumberIn(cells.number);
  const clientName = texts.client !== undefined ? nameAmong([texts.client]) : clientNameIn(cells.client);
  if (!number || !clientName) return null;
  const statusText = text('status');
  // No due-date column: the status may say it (`Overdue 12 days`).
  const dueDate = readDate(text('dueDate'), ctx.locale) ?? (cells.dueDate ? null : dueFromStatus(statusText));
  if (!dueDate) return null;

  if (saysCreditNote(`${numberText} ${text('docType')} ${statusText}`)) return null;

  // A currency column, when there is one, says what the bare amounts are in.
  const currencyCell = text('currency').toUpperCase();
  const currency = /^[A-Z]{3}$/.test(currencyCell) ? currencyCell : ctx.defaultCurrency;
  const money = (field: 'amountDue' | 'total' | 'paid') =>
    cells[field] || texts[field] ? readAmount(text(field), ctx.locale, currency) : null;
  const total = money('total');
  const paid = money('paid');
  let due = money('amountDue');
  // A credit note's amounts are negative.
  if ((total && total.cents < 0) || (due && due.cents < 0)) return null;
  // Total and paid so far, no balance column: what is left is their difference.
  if (!due && total && paid && paid.cents >= 0) {
    due = { cents: Math.max(0, total.cents - paid.cents), currency: total.currency };
  }
  // A document type or second state column saying draft or cancelled overrides the payment status.
  const stated = parseStatus(text('docType'));
  const status =
    stated === 'draft' || stated === 'cancelled'
      ? stated
      : statusOf(statusText, due?.cents, total?.cents, paid?.cents);
  if (status === 'draft') return null;
  // Nothing is left to pay on a cancelled invoice, nor on a paid one, whatever its columns say.
  if (status === 'cancelled' || (status === 'paid' && !due)) {
    due = { cents: 0, currency: (due ?? total)?.currency ?? currency };
  }
  const amount = due ?? total;
  if (!amount) return null;

  const issueDate = readDate(text('issueDate'), ctx.locale) ?? undefined;
  const reading: InvoiceReading = {
    number,
    clientName,
    amountDueCents: amount.cents,
    currency: amount.currency,
    dueDate,
    status,
  };
  if (total) reading.totalCents = total.cents;
  if (issueDate) reading.issueDate = issueDate;
  const email = emailIn(cells.email, text('email')) ?? emailIn(cells.client);
  if (email) reading.clientEmail = email;
  const url = linkOf(cells.number, ctx.baseUrl) ?? (linkScope ? linkOf(linkScope, ctx.baseUrl) : undefined);
  if (url) reading.url = url;
  return reading;
}

/** The status cell when it says something; else what the amounts imply. */
function statusOf(
  statusText: string,
  dueCents?: number,
  totalCents?: number,
  paidCents?: number,
): InvoiceStatus {
  const said = parseStatus(statusText);
  if (said) return said;
  if (dueCents === 0 && (totalCents ?? 1) > 0) return 'paid';
  if (dueCents !== undefined && totalCents !== undefined && dueCents < totalCents) return 'partial';
  if (paidCents !== undefined && paidCents > 0) return 'partial';
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
