/** What an invoicing site says of an invoice. Drafts and cancelled invoices are never dunned. */
export const INVOICE_STATUSES = ['unpaid', 'partial', 'paid', 'cancelled', 'draft'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

/** Which late-payment law applies (latePayment/): France B2B, EU directive, UK act, consumers. */
export const JURISDICTIONS = ['FR', 'EU', 'UK', 'B2C'] as const;
export type Jurisdiction = (typeof JURISDICTIONS)[number];
