import type { IsoDate, Language } from '../vocabulary';
import { ParseError } from './errors';
import { monthFromWord, WEEKDAYS } from './months';
import { foldCase, normalizeSpacesAndSigns } from './text';

export interface DateOptions {
  /**
   * The page's language as its `lang` says it, region included (`fr`, `en-GB`, `en-US`): decides
   * whether `03/12/2026` is 3 December or March 12 (see `writesMonthFirst`). Default French.
   */
  locale?: Language | string;
}

/** English of the United States and a few places that follow it; a bare `en` is taken as American. */
const MONTH_FIRST_REGIONS = new Set(['US', 'PH', 'UM', 'AS', 'GU', 'MP', 'PR', 'VI', 'FM', 'MH', 'PW']);

/**
 * Whether a page in this locale writes numeric dates month first: only American English does
 * (`en`, `en-US`); British, Irish, Australian, Indian… English write the day first, like French.
 */
export function writesMonthFirst(locale: string): boolean {
  const [language = '', ...rest] = locale.trim().replace(/_/g, '-').split('-');
  if (language.toLowerCase() !== 'en') return false;
  const region = rest.find((part) => /^[A-Za-z]{2}$|^\d{3}$/.test(part))?.toUpperCase();
  return region === undefined || MONTH_FIRST_REGIONS.has(region);
}

const FORMS = 'expected a date like 12/03/2026, 12 mars 2026, Mar 12, 2026 or 2026-03-12';
/** Digits separated by one kind of `/`, `.` or `-`, optionally followed by a time we ignore. */
const NUMERIC = /^(\d{1,4})([/.-])(\d{1,2})\2(\d{1,4})(?:[ T]\d{1,2}[:h]\d{2}(?::\d{2})?)?$/;
const DAY = /^(\d{1,2})(?:er|st|nd|rd|th)?$/;
const YEAR = /^(\d{4}|\d{2})$/;

/**
 * Reads a calendar date as printed on an invoicing page:
 * - ISO `2026-03-12` (also `2026/03/12`);
 * - numbers `12/03/2026`, `12.03.2026`, `12-03-2026`, `12/03/26`: day first for French pages
 *   (the default) and for British, Irish, Australian… English (`en-GB`: `03/12/2026` is 3
 *   December), month first for American English (`en`, `en-US`: March 12); with dots always day
 *   first. When the expected order is impossible (`25/03/2026` on an English page) and the other
 *   one is not, the other one is taken;
 * - words `12 mars 2026`, `1er mars 2026`, `12 MARS 2026`, `12 mars. 2026`, `12 févr. 2026`,
 *   `Mar 12, 2026`, `March 12th, 2026`, `12 March 2026`, `jeudi 12 mars 2026`, `12-Mar-2026`.
 * Two-digit years are 2000-2069 for 00-69 and 1970-1999 for 70-99.
 *
 * @throws ParseError for anything else or for a day that does not exist (`31/02/2026`).
 */
export function parseDate(text: string, options: DateOptions = {}): IsoDate {
  const fail = (reason: string): never => {
    throw new ParseError('date', text, reason);
  };
  const normalized = normalizeSpacesAndSigns(text);
  if (normalized === '') fail('empty');

  const numeric = NUMERIC.exec(normalized);
  if (numeric) {
    const [, first, separator, middle, last] = numeric as unknown as [string, string, string, string, string];
    if (first.length === 4) return toIsoDate(Number(first), Number(middle), Number(last), fail);
    if (first.length > 2 || (last.length !== 2 && last.length !== 4)) fail(FORMS);
    const year = fullYear(last);
    const dayFirst = separator === '.' || !writesMonthFirst(options.locale ?? 'fr');
    let [day, month] = dayFirst ? [Number(first), Number(middle)] : [Number(middle), Number(first)];
    if (month > 12 && day <= 12) [day, month] = [month, day];
    return toIsoDate(year, month, day, fail);
  }

  const words = foldCase(normalized)
    .replace(/,/g, ' ')
    .split(/[ /-]+/)
    .filter((word) => word !== '' && word !== 'le' && word !== 'the' && word !== 'of');
  if (words.length === 4 && WEEKDAYS.has(words[0]!.replace(/\.$/, ''))) words.shift();
  if (words.length !== 3) return fail(FORMS);
  const [a, b, year] = words as [string, string, string];
  if (!YEAR.test(year)) return fail(FORMS);

  // 12 mars 2026 | March 12 2026
  const dayFirst = DAY.exec(a) && monthFromWord(b);
  const monthFirst = monthFromWord(a) && DAY.exec(b);
  if (dayFirst) return toIsoDate(fullYear(year), monthFromWord(b)!, Number(DAY.exec(a)![1]), fail);
  if (monthFirst) return toIsoDate(fullYear(year), monthFromWord(a)!, Number(DAY.exec(b)![1]), fail);
  const word = [a, b].find((w) => /^[a-z]+\.?$/.test(w) && !monthFromWord(w));
  return fail(word ? `"${word}" is not a month name` : FORMS);
}

/** Like `parseDate`, but null instead of an error. */
export function tryParseDate(text: string, options?: DateOptions): IsoDate | null {
  try {
    return parseDate(text, options);
  } catch (error) {
    if (error instanceof ParseError) return null;
    throw error;
  }
}

function fullYear(digits: string): number {
  const year = Number(digits);
  if (digits.length === 4) return year;
  return year < 70 ? 2000 + year : 1900 + year;
}

function toIsoDate(year: number, month: number, day: number, fail: (reason: string) => never): IsoDate {
  if (year < 1900 || year > 2199) fail(`year ${year} is out of range`);
  if (month < 1 || month > 12) fail(`there is no month ${month}`);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (day < 1 || date.getUTCMonth() !== month - 1) {
    fail(`not a real calendar date (there is no day ${day} in month ${month} of ${year})`);
  }
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
