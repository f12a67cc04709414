import { formatDate, formatDateLong } from '../format/date';
import { formatMoney, formatPercent } from '../format/money';
import { pluralForm } from '../format/plural';
import type { Language } from '../vocabulary/languages';
import type { ReminderContext, ReminderInvoice } from './context';
import { formatIban } from './payment';

/**
 * The parts of a reminder that are not sentences of the template: greeting, signature, company
 * details, how to pay, the interest worked out per period, the assumed-rate mention. Each leaves
 * out what is not known rather than printing an empty label.
 */

const WORDS = {
  fr: {
    companyGreeting: 'Madame, Monsieur,',
    personGreeting: 'Bonjour {name},',
    phone: 'Tél. {phone}',
    registration: 'SIREN/SIRET : {value}',
    vat: 'N° TVA intracommunautaire : {value}',
    transfer: 'Règlement par virement : IBAN {iban}{bic}, en indiquant la référence {reference}.',
    bic: ', BIC {bic}',
    link: 'Paiement en ligne : {link}',
    period: '{number} : {principal} × {rate} × {days} ÷ 365 = {interest} (du {from} au {to})',
    day: 'jour',
    days: 'jours',
    assumed:
      "Le taux de référence n'est publié que jusqu'au {date} : au-delà, le calcul retient le dernier taux connu, supposé inchangé.",
    references: 'factures {numbers}',
    reference: 'facture {numbers}',
  },
  en: {
    companyGreeting: 'Dear Sir or Madam,',
    personGreeting: 'Dear {name},',
    phone: 'Tel. {phone}',
    registration: 'Company registration: {value}',
    vat: 'VAT number: {value}',
    transfer: 'Payment by bank transfer: IBAN {iban}{bic}, quoting the reference {reference}.',
    bic: ', BIC {bic}',
    link: 'Pay online: {link}',
    period: '{number}: {principal} × {rate} × {days} ÷ 365 = {interest} ({from} to {to})',
    day: 'day',
    days: 'days',
    assumed:
      'The reference rate is published up to {date} only: after that day the last known rate is assumed unchanged.',
    references: 'invoices {numbers}',
    reference: 'invoice {numbers}',
  },
} as const;

const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);

const lines = (...parts: (string | undefined | false)[]) =>
  parts.filter((p): p is string => !!p && p.trim() !== '').join('\n');

/** A company is greeted "Madame, Monsieur," ("Dear Sir or Madam,"), a consumer by name. */
export function greeting(context: ReminderContext, lang: Language): string {
  const w = WORDS[lang];
  return context.jurisdiction === 'B2C'
    ? fill(w.personGreeting, { name: context.client.name })
    : w.companyGreeting;
}

/** The sender's name, role, company and phone: the person who sends it, from their own profile. */
export function signature(context: ReminderContext, lang: Language): string {
  const s = context.sender ?? {};
  return lines(
    context.senderName,
    s.role,
    context.companyName,
    s.phone && fill(WORDS[lang].phone, { phone: s.phone }),
    s.email,
  );
}

/** Legal name, address, SIREN/SIRET, VAT number, legal mentions (a mail carries them under the signature). */
export function companyDetails(context: ReminderContext, lang: Language): string {
  const c = context.company ?? {};
  const w = WORDS[lang];
  const legalName = c.legalName && c.legalName !== context.companyName ? c.legalName : undefined;
  return lines(
    legalName,
    context.companyAddress,
    c.registration && fill(w.registration, { value: c.registration }),
    c.vatNumber && fill(w.vat, { value: c.vatNumber }),
    c.legalMentions,
  );
}

/** What the client quotes with the payment: the invoice numbers. */
export function paymentReference(invoices: readonly ReminderInvoice[], lang: Language): string {
  const w = WORDS[lang];
  const numbers = invoices.map((i) => i.number).join(', ');
  return fill(invoices.length > 1 ? w.references : w.reference, { numbers });
}

/** How to pay: IBAN and BIC with the reference to quote, and the payment link. Empty when none is set. */
export function paymentDetails(context: ReminderContext, lang: Language): string {
  const p = context.payment ?? {};
  const w = WORDS[lang];
  const iban = p.iban?.trim();
  return lines(
    iban &&
      fill(w.transfer, {
        iban: formatIban(iban),
        bic: p.bic?.trim() ? fill(w.bic, { bic: p.bic.trim().toUpperCase() }) : '',
        reference: paymentReference(context.invoices, lang),
      }),
    p.paymentLink?.trim() && fill(w.link, { link: p.paymentLink.trim() }),
  );
}

/**
 * One line per invoice and rate period: principal × rate × days ÷ 365 = interest. Each line's
 * interest is the one computed (latePayment rounds per period), so the lines add up to the total.
 */
export function interestDetails(context: ReminderContext, lang: Language): string {
  const w = WORDS[lang];
  return context.invoices
    .flatMap((invoice) =>
      (invoice.periods ?? []).map((p) =>
        fill(w.period, {
          number: invoice.number,
          principal: formatMoney(invoice.amountDueCents, invoice.currency, lang),
          rate: formatPercent(p.ratePercent, lang),
          days: `${p.days} ${pluralForm(p.days, lang) === 'one' ? w.day : w.days}`,
          interest: formatMoney(p.interestCents, invoice.currency, lang),
          from: formatDate(p.from, lang),
          to: formatDate(p.to, lang),
        }),
      ),
    )
    .join('\n');
}

/** Said whenever a rate was assumed beyond the table (`rateUnknownAfter`). */
export function rateNotice(context: ReminderContext, lang: Language): string {
  if (!context.rateUnknownAfter) return '';
  return fill(WORDS[lang].assumed, { date: formatDateLong(context.rateUnknownAfter, lang) });
}

/** The distinct rates applied, or the invoices' stated rate when no period was computed. */
export function ratesApplied(context: ReminderContext): number[] {
  const rates = context.invoices.flatMap((i) => (i.periods ?? []).map((p) => p.ratePercent));
  return rates.length > 0 ? [...new Set(rates)] : [context.penaltyRatePercent];
}
