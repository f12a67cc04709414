import { addDays, latePaymentForInvoices, type ReminderContext, type TeamSettings } from '@relance/shared';

/** Who signs the preview: the person themself (their profile, else their account's name). */
export interface PreviewSigner {
  name: string;
  role?: string;
  phone?: string;
  email?: string;
}

/**
 * The invoice the template editor previews on: a bakery 30 days late with 1 234,56 €, so that every
 * placeholder (penalties included) shows something real; signed by the person who will send it.
 */
export function sampleReminderContext(
  settings: TeamSettings,
  today: string,
  signer: PreviewSigner,
): ReminderContext {
  const invoice = {
    number: 'F-2026-014',
    issueDate: addDays(today, -60),
    dueDate: addDays(today, -30),
    amountDueCents: 123_456,
    currency: 'EUR',
  };
  const late = latePaymentForInvoices({
    invoices: [{ amountCents: invoice.amountDueCents, currency: invoice.currency, dueDate: invoice.dueDate }],
    asOf: today,
    jurisdiction: settings.jurisdiction,
  });
  const result = late.invoices[0]!;
  return {
    client: { name: 'Boulangerie Martin' },
    invoices: [
      {
        ...invoice,
        daysLate: 30,
        interestCents: result.interestCents,
        indemnityCents: result.indemnityCents,
      },
    ],
    senderName: signer.name,
    sender: {
      ...(signer.role ? { role: signer.role } : {}),
      ...(signer.phone ? { phone: signer.phone } : {}),
      ...(signer.email ? { email: signer.email } : {}),
    },
    companyName: settings.companyName || 'Atelier Dupont',
    companyAddress: settings.companyAddress,
    today,
    penaltyRatePercent: result.segments.at(-1)?.ratePercent ?? 0,
    jurisdiction: settings.jurisdiction,
  };
}
