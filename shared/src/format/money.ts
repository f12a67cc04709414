import type { Language } from '../vocabulary/languages';
import { MONEY_LOCALE, memoize } from './locale';

const currencyFormatter = memoize((key) => {
  const [locale, currency] = key.split('|') as [string, string];
  return new Intl.NumberFormat(locale, { style: 'currency', currency });
});

const minorDigits = memoize((currency) => {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits as number;
  } catch {
    throw new RangeError(`Unknown currency code "${currency}"`);
  }
});

/** Digits after the decimal mark for a currency (ISO 4217 minor units): EUR 2, JPY 0, KWD 3. */
export function minorUnitDigits(currency: string): number {
  if (!/^[A-Z]{3}$/.test(currency)) throw new RangeError(`Unknown currency code "${currency}"`);
  return minorDigits(currency);
}

/** Integer minor units to an exact decimal string: (123456, 2) → "1234.56", (-5, 2) → "-0.05". */
export function minorUnitsToDecimal(amount: number, digits: number): `${number}` {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`Amount ${amount} is not a whole number of cents`);
  const sign = amount < 0 ? '-' : '';
  const units = String(Math.abs(amount)).padStart(digits + 1, '0');
  const whole = units.slice(0, units.length - digits);
  const fraction = units.slice(units.length - digits);
  return `${sign}${whole}${digits > 0 ? `.${fraction}` : ''}` as `${number}`;
}

/**
 * `formatMoney(123456, 'EUR', 'fr')` → `1 234,56 €` (with the no-break spaces French typography
 * uses: U+202F between digit groups, U+00A0 before the symbol); in English `€1,234.56`.
 * The amount reaches Intl as an exact decimal string, never as a float.
 */
export function formatMoney(cents: number, currency: string, lang: Language): string {
  const decimal = minorUnitsToDecimal(cents, minorUnitDigits(currency));
  return currencyFormatter(`${MONEY_LOCALE[lang]}|${currency}`).format(decimal);
}

const percentFormatter = memoize(
  (locale) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }),
);

/** A rate given in percent: `formatPercent(12.15, 'fr')` → `12,15 %`, in English `12.15%`. */
export function formatPercent(percent: number, lang: Language): string {
  return percentFormatter(MONEY_LOCALE[lang]).format(percent / 100);
}
