import { minorUnitDigits } from '../format/money';
import type { Language } from '../vocabulary/languages';
import { currencyFromMark } from './currency';
import { ParseError } from './errors';
import { normalizeSpacesAndSigns } from './text';

export interface ParsedAmount {
  /** Integer minor units of `currency` (cents for EUR/USD/GBP). */
  cents: number;
  /** ISO 4217 code. */
  currency: string;
}

export interface AmountOptions {
  /** Language of the page. Only breaks the rare tie a digit pattern cannot (see `readDecimalMark`). */
  locale?: Language;
  /** Used when the text has no currency mark, and to read a bare `$`. Default `EUR`. */
  defaultCurrency?: string;
}

/** Words that may follow an amount in an invoice table and say nothing about its value. */
const TAX_WORDS = /(^|\s)(TTC|HT|HTVA)(?=\s|$)/gi;
/** Leading text (currency, sign), the number from its first to its last digit, trailing text. */
const AMOUNT_SHAPE = /^(?<before>\D*?)(?<number>\d(?:[\d.,' ]*\d)?)(?<after>\D*)$/;

/**
 * Reads an amount as printed on an invoicing page, in French or English writing:
 * `1 234,56 €`, `1.234,56 EUR`, `€1,234.56`, `$0.99`, `£70`, `-12,00 €`, `EUR 1 234,56`,
 * `CHF 1'234.50`, `(12.00)`, `1 234,56 € TTC`. Exact: the digits become integer cents without
 * passing through a float.
 *
 * Which of `.` and `,` is the decimal mark: when both appear, the last one; when one appears
 * several times, it groups digits; when it appears once with other than three digits after it
 * (`12,5`, `0.99`), it is the decimal mark. `1,234` and `1.234` (three digits after a single mark)
 * are read as 1234 because a euro amount cannot have three decimals; only for a currency with
 * three minor digits (KWD, TND...) does the locale decide (fr: comma is decimal, en: point).
 *
 * @throws ParseError when the text is not one amount (no digits, bad digit groups, two currencies,
 *   more decimals than the currency has, unknown words).
 */
export function parseAmount(text: string, options: AmountOptions = {}): ParsedAmount {
  const fail = (reason: string): never => {
    throw new ParseError('amount', text, reason);
  };
  const defaultCurrency = options.defaultCurrency ?? 'EUR';

  let normalized = normalizeSpacesAndSigns(text);
  if (normalized === '') fail('empty');
  let negative = false;
  const inParentheses = /^\((.*)\)$/.exec(normalized);
  if (inParentheses) {
    negative = true; // accounting style: (12.00) is -12.00
    normalized = inParentheses[1]!.trim();
  }

  const shape = AMOUNT_SHAPE.exec(normalized)?.groups;
  if (!shape) {
    return fail(/\d/.test(normalized) ? 'expected a single number with an optional currency' : 'no digits');
  }
  const { before = '', number = '', after = '' } = shape;

  // Before the number: an optional sign and an optional currency, in either order.
  const signs = before.match(/[-+]/g) ?? [];
  if (signs.length > 1) fail('more than one sign');
  if (signs[0] === '-') {
    if (negative) fail('both parentheses and a minus sign');
    negative = true;
  }
  const markBefore = before.replace(/[-+]/, '').trim();
  const markAfter = after.replace(TAX_WORDS, ' ').trim();

  const read = (mark: string): string | undefined => {
    if (mark === '') return undefined;
    return currencyFromMark(mark, defaultCurrency) ?? fail(`"${mark}" is not a currency`);
  };
  const currencyBefore = read(markBefore);
  const currencyAfter = read(markAfter);
  if (currencyBefore && currencyAfter && currencyBefore !== currencyAfter) {
    fail(`two currencies (${currencyBefore} and ${currencyAfter})`);
  }
  const currency = currencyBefore ?? currencyAfter ?? defaultCurrency;
  let digits: number;
  try {
    digits = minorUnitDigits(currency);
  } catch {
    return fail(`unknown currency ${currency}`);
  }

  // Without a hint, a symbol written first (€12, $12) is English usage; anything else French.
  const symbolFirst = currencyBefore !== undefined && !/^[a-z]+$/i.test(markBefore);
  const locale = options.locale ?? (symbolFirst ? 'en' : 'fr');
  const decimalMark = readDecimalMark(number, locale, digits);
  const [wholePart, fraction = ''] = decimalMark ? splitOnce(number, decimalMark) : [number];
  const whole = ungroup(wholePart, fail);

  if (fraction.length > digits && !/^0*$/.test(fraction.slice(digits))) {
    fail(`more decimals than ${currency} has (${digits})`);
  }
  const minorUnits = `${whole}${fraction.slice(0, digits).padEnd(digits, '0')}`;
  const cents = Number(minorUnits);
  if (!Number.isSafeInteger(cents)) fail('too large');
  return { cents: negative && cents !== 0 ? -cents : cents, currency };
}

/** Like `parseAmount`, but null instead of an error. */
export function tryParseAmount(text: string, options?: AmountOptions): ParsedAmount | null {
  try {
    return parseAmount(text, options);
  } catch (error) {
    if (error instanceof ParseError) return null;
    throw error;
  }
}

/** Which character of the number, if any, is its decimal mark (see `parseAmount`). */
function readDecimalMark(number: string, locale: Language, minorDigits: number): '.' | ',' | undefined {
  const lastDot = number.lastIndexOf('.');
  const lastComma = number.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) return lastDot > lastComma ? '.' : ',';
  const mark = lastDot >= 0 ? '.' : lastComma >= 0 ? ',' : undefined;
  if (!mark) return undefined;
  if (number.indexOf(mark) !== number.lastIndexOf(mark)) return undefined; // 1.234.567: grouping
  const [whole, fraction] = splitOnce(number, mark);
  if (fraction.length !== 3) return mark; // 12,5  12,50  0.99
  if (/[ ']/.test(whole)) return mark; // 1 234,567: spaces already group the digits
  if (whole === '0' || whole.length > 3) return mark; // 0,125  1234,567: cannot be a digit group
  // Three digits after a lone mark: 1,234 or 1.234.
  const localeDecimal = locale === 'en' ? '.' : ',';
  return mark === localeDecimal && minorDigits >= 3 ? mark : undefined;
}

function splitOnce(text: string, separator: string): [string, string] {
  const at = text.lastIndexOf(separator);
  return [text.slice(0, at), text.slice(at + 1)];
}

/** Removes one kind of digit-group separator after checking the groups: 1 to 3 digits, then threes. */
function ungroup(whole: string, fail: (reason: string) => never): string {
  const separators = new Set(whole.replace(/\d/g, ''));
  if (separators.size === 0) return whole;
  if (separators.size > 1) fail('mixed digit-group separators');
  const [separator] = separators as Set<string>;
  const groups = whole.split(separator!);
  const valid = /^\d{1,3}$/.test(groups[0]!) && groups.slice(1).every((group) => /^\d{3}$/.test(group));
  if (!valid) fail('digits are not grouped by three');
  return groups.join('');
}
