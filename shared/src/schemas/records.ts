import { z } from 'zod';
import { INVOICE_STATUSES, JURISDICTIONS } from '../vocabulary/invoices';
import { currency, email, isoDate, language, longText, nonNegativeCents, shortText, uuid } from './common';

export type { InvoiceStatus, Jurisdiction } from '../vocabulary/invoices';

/** Which late-payment law applies (see latePayment/). */
export const jurisdiction = z.enum(JURISDICTIONS);

export const client = z.object({
  id: uuid,
  name: shortText.min(1, 'client name is required'),
  emails: z.array(email).max(50).default([]),
  jurisdiction: jurisdiction.optional(),
  /** Language the client is written to in. */
  language: language.optional(),
  address: shortText.optional(),
});
export type Client = z.infer<typeof client>;

export const invoiceStatus = z.enum(INVOICE_STATUSES);

/** What the overlay read of an invoice on a page (a snapshot; the invoicing site stays the source). */
export const invoice = z.object({
  id: uuid,
  /** As printed on the page. */
  number: shortText.min(1, 'invoice number is required'),
  clientId: uuid.optional(),
  clientName: shortText.min(1, 'client name is required'),
  totalCents: nonNegativeCents.optional(),
  amountDueCents: nonNegativeCents,
  currency,
  issueDate: isoDate.optional(),
  dueDate: isoDate,
  status: invoiceStatus.default('unpaid'),
  /** Contractual late-penalty rate in percent per year, when the terms set one. */
  penaltyRatePercent: z.number().min(0).max(100).optional(),
  jurisdiction: jurisdiction.optional(),
  host: shortText.optional(),
  url: z.string().max(2000).optional(),
});
export type Invoice = z.infer<typeof invoice>;

export const note = z.object({
  id: uuid,
  clientId: uuid,
  invoiceId: uuid.optional(),
  text: longText,
  authorId: z.string().max(100).optional(),
  authorName: shortText.optional(),
});
export type Note = z.infer<typeof note>;
