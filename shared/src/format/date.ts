import type { IsoDate, Language } from '../vocabulary';
import { isIsoDate } from '../vocabulary/isoDate';
import { DATE_LOCALE, memoize } from './locale';

// Calendar dates are formatted in UTC from their UTC midnight, so the time zone never shifts a day.
const shortFormatter = memoize((lang) =>
  lang === 'fr'
    ? new Intl.DateTimeFormat('fr-FR', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' })
    : new Intl.DateTimeFormat(DATE_LOCALE.en, {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        timeZone: 'UTC',
      }),
);
const longFormatter = memoize(
  (lang) =>
    new Intl.DateTimeFormat(DATE_LOCALE[lang as Language], {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }),
);

function toUtcDate(date: IsoDate): Date {
  if (!isIsoDate(date)) throw new RangeError(`"${date}" is not a YYYY-MM-DD calendar date`);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

/**
 * For tables and badges. French: `12/03/2026`. English: `12 Mar 2026` — the month spelt out, because
 * `03/12/2026` reads as 3 December to a British reader and 12 March to an American one.
 */
export function formatDate(date: IsoDate, lang: Language): string {
  return shortFormatter(lang).format(toUtcDate(date));
}

/**
 * For letters and sentences: `12 mars 2026`, `1er mars 2026` (French writes the first of the
 * month as an ordinal); `12 March 2026`, `1 March 2026`.
 */
export function formatDateLong(date: IsoDate, lang: Language): string {
  const text = longFormatter(lang).format(toUtcDate(date));
  return lang === 'fr' && date.endsWith('-01') ? text.replace(/^1(?=\s)/, '1er') : text;
}
