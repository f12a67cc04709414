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

/** A date written inside other words: `12/03/2026 (en retard)`, `Due Mar 12, 2026`. */
const DATE_IN_TEXT =
  /\d{4}-\d{2}-\d{2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}(?:er)? \p{L}+\.? \d{4}|\p{L}+\.? \d{1,2},? \d{4}/gu;

export function readDate(text: string, locale: string): IsoDate | null {
  if (!text) return null;
  // The full tag: `en-GB` writes 03/12/2026 for 3 December, `en-US` for March 12.
  const options = { locale };
  const whole = tryParseDate(text, options);
  if (whole) return whole;
  for (const match of text.matchAll(DATE_IN_TEXT)) {
    const found = tryParseDate(match[0], options);
    if (found) return found;
  }
  return null;
}
