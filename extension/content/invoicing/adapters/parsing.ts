import { addDays, todayLocal } from '@relance/shared/dates';
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

/**
 * Due dates some tools print relative to today (Odoo's `Il y a 23 jours`, `In 5 days`, `Hier`),
 * as a day offset. Only the whole text, never inside other words (`Overdue by 12 days` is a status).
 */
const RELATIVE: [RegExp, number][] = [
  [/^(il y a|depuis) (\d{1,4}) jours?$|^(\d{1,4}) days? ago$/, -1],
  [/^dans (\d{1,4}) jours?$|^in (\d{1,4}) days?$/, 1],
];
const RELATIVE_DAYS: Record<string, number> = {
  "aujourd'hui": 0,
  'aujourd’hui': 0,
  today: 0,
  hier: -1,
  yesterday: -1,
  demain: 1,
  tomorrow: 1,
};

function relativeDate(text: string): IsoDate | null {
  const t = text.trim().toLowerCase();
  const named = RELATIVE_DAYS[t];
  if (named !== undefined) return addDays(todayLocal(), named);
  for (const [pattern, sign] of RELATIVE) {
    const m = pattern.exec(t);
    const n = m?.slice(1).find((g) => g !== undefined && /^\d+$/.test(g));
    if (n) return addDays(todayLocal(), sign * Number(n));
  }
  return null;
}

/**
 * The due date a status implies when a list has no due-date column (QuickBooks' `Overdue 12 days`,
 * `Due in 5 days`; `En retard de 12 jours`, `Échéance dans 5 jours`), or null.
 */
const STATUS_DAYS: [RegExp, number][] = [
  [/\b(overdue|late|past due|en retard|echue?)( by| de| depuis)? (\d{1,4}) (days?|jours?)\b/, -1],
  [/\b(due|payable|echeance|a regler)( in| dans| sous)? (\d{1,4}) (days?|jours?)\b/, 1],
];

export function dueFromStatus(text: string): IsoDate | null {
  const norm = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  if (/\b(due today|echeance aujourd.hui)\b/.test(norm)) return todayLocal();
  for (const [pattern, sign] of STATUS_DAYS) {
    const days = pattern.exec(norm)?.[3];
    if (days) return addDays(todayLocal(), sign * Number(days));
  }
  return null;
}

export function readDate(text: string, locale: string): IsoDate | null {
  if (!text) return null;
  const relative = relativeDate(text);
  if (relative) return relative;
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
