import { addDays, latePaymentForInvoices, type ReminderContext, type TeamSettings } from '@relance/shared';

/**
 * The invoice the template editor previews on: a bakery 30 days late with 1 234,56 €, so that every
 * placeholder (penalties included) shows something real.
 */
export function sampleReminderContext(settings: TeamSettings, today: string): ReminderContext {
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
    senderName: settings.senderName || 'Marie Dupont',
    companyName: settings.companyName || 'Atelier Dupont',
    companyAddress: settings.companyAddress,
    today,
    penaltyRatePercent: result.segments.at(-1)?.ratePercent ?? 0,
    jurisdiction: settings.jurisdiction,
  };
}
