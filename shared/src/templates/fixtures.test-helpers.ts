import type { ReminderContext, ReminderInvoice } from './context';

/** Invoices and a context shared by the template tests. */
export const INVOICE_A: ReminderInvoice = {
  number: 'F-2026-001',
  issueDate: '2026-01-15',
  dueDate: '2026-02-14',
  amountDueCents: 123456,
  currency: 'EUR',
  daysLate: 26,
  interestCents: 1069,
  indemnityCents: 4000,
};
export const INVOICE_B: ReminderInvoice = {
  number: 'F-2026-014',
  dueDate: '2026-02-28',
  amountDueCents: 56000,
  currency: 'EUR',
  daysLate: 12,
  interestCents: 224,
  indemnityCents: 4000,
};
export const INVOICE_C: ReminderInvoice = {
  number: 'F-2026-020',
  issueDate: '2026-02-10',
  dueDate: '2026-03-01',
  amountDueCents: 1250000,
  currency: 'EUR',
  daysLate: 11,
  interestCents: 4578,
  indemnityCents: 4000,
};

export function contextFor(
  invoices: ReminderInvoice[],
  extra: Partial<ReminderContext> = {},
): ReminderContext {
  return {
    client: { name: 'ACME SAS' },
    invoices,
    senderName: 'Marie Dupont',
    companyName: 'Atelier Dupont',
    companyAddress: '12 rue des Lilas\n75011 Paris',
    today: '2026-03-12',
    penaltyRatePercent: 12.15,
    ...extra,
  };
}

/** Any no-break space as a plain one, to write expectations readably. */
export const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
