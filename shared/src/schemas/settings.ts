import { z } from 'zod';
import { rateUpdates } from '../latePayment/rateUpdates';
import { BIC, isValidIban } from '../templates/payment';
import { language, plainText, shortText } from './common';
import { jurisdiction } from './records';
import { DEFAULT_SCHEDULE, schedule, stageId } from './stage';

export const template = z.object({ subject: z.string().max(500), body: z.string().max(20_000) });
export type Template = z.infer<typeof template>;

/** Per-language, per-stage template overrides; missing ones fall back to the defaults. */
export const templateSet = z.partialRecord(language, z.partialRecord(stageId, template));
export type TemplateSet = z.infer<typeof templateSet>;

const optionalText = (max: number) => plainText(max).default('');

/**
 * Who the company is and how to pay it: shown in every reminder (signature block, letterhead,
 * legal footer) and in the SEPA transfer QR code of letters. All optional; what is empty is left out.
 */
const companyDetails = {
  /** Legal name when it differs from the trading name (`companyName`): "Atelier Dupont SARL". */
  companyLegalName: optionalText(200),
  /** The town letters are dated from ("Lyon, le 1er décembre 2026"); else read from the address. */
  companyCity: optionalText(100),
  /** SIREN (9 digits) or SIRET (14 digits), as typed. */
  companyRegistration: optionalText(40),
  /** Legal form and share capital, RCS: "SARL au capital de 10 000 € – RCS Lyon 123 456 789". */
  companyLegalMentions: optionalText(300),
  vatNumber: optionalText(40),
  iban: z
    .string()
    .max(50)
    .refine((v) => v.trim() === '' || isValidIban(v), 'not a valid IBAN (check the digits)')
    .default(''),
  bic: z
    .string()
    .max(20)
    .refine((v) => v.trim() === '' || BIC.test(v.replace(/\s+/g, '').toUpperCase()), 'not a valid BIC')
    .default(''),
  /** A payment page (card, transfer) the client can pay on. */
  paymentLink: z
    .string()
    .max(500)
    .refine(
      (v) => v.trim() === '' || /^https:\/\/\S+$/i.test(v.trim()),
      'a payment link starts with https://',
    )
    .default(''),
};

/** An IANA time zone this engine knows (`Europe/Paris`): where the team's times are shown. */
export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
export const DEFAULT_TIME_ZONE = 'Europe/Paris';

/**
 * Loose: a setting added by a newer release (another teammate's extension, or the server) is kept
 * as it is by an older one, so saving the schedule from an old install never erases it.
 */
export const teamSettings = z.looseObject({
  schedule: schedule.default(DEFAULT_SCHEDULE),
  templates: templateSet.default({}),
  /** A teammate's reminder within this many days triggers a warning. */
  quietPeriodDays: z.number().int().min(0).max(90).default(5),
  jurisdiction: jurisdiction.default('FR'),
  language: language.default('fr'),
  /** Times of day in the dashboard and its exports; settings written before it get Paris. */
  timeZone: z.string().max(64).refine(isTimeZone, 'unknown time zone').default(DEFAULT_TIME_ZONE),
  companyName: shortText.default(''),
  senderName: shortText.default(''),
  /** Shown in letters (formal notice). */
  companyAddress: z.string().max(1000).default(''),
  ...companyDetails,
  /** Reference rates the team lead added since the shipped table (latePayment/rateUpdates.ts). */
  rateUpdates: rateUpdates.optional(),
});
export type TeamSettings = z.infer<typeof teamSettings>;
