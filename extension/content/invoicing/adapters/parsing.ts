import { tryParseAmount, tryParseDate } from '@relance/shared/parse';
import type { IsoDate, Language } from '@relance/shared/vocabulary';

/**
 * The one place the overlay turns printed amounts and dates into cents and ISO dates, with the
 * domain's parsers and the page's language as a hint (`03/12/2026` is 3 December on a French page).
 */
export interface Money {
  cents: number;
  currency: string;
}

export function parsingLanguage(locale: string): Language {
  return locale.toLowerCase().startsWith('en') ? 'en' : 'fr';
}

export function readAmount(text: string, locale: string, defaultCurrency: string): Money | null {
  if (!text) return null;
  return tryParseAmount(text, { locale: parsingLanguage(locale), defaultCurrency });
}

export function readDate(text: string, locale: string): IsoDate | null {
  if (!text) return null;
  // The full tag: `en-GB` writes 03/12/2026 for 3 December, `en-US` for March 12.
  return tryParseDate(text, { locale });
}
