import type { Language } from '../vocabulary/languages';
import { DATE_LOCALE, memoize } from './locale';

const rules = memoize((lang) => new Intl.PluralRules(DATE_LOCALE[lang as Language]));
const numbers = memoize((lang) => new Intl.NumberFormat(DATE_LOCALE[lang as Language]));

/**
 * Which form a count takes (Intl.PluralRules): French uses the singular for 0 and 1, English for 1
 * only. Our two languages have just these two forms for cardinal numbers.
 */
export function pluralForm(count: number, lang: Language): 'one' | 'other' {
  return rules(lang).select(count) === 'one' ? 'one' : 'other';
}

/** The count written the local way, with the word in its right form: `1 échéance`, `2 échéances`, `1 200 factures`. */
export function formatCount(count: number, words: { one: string; other: string }, lang: Language): string {
  return `${numbers(lang).format(count)} ${words[pluralForm(count, lang)]}`;
}
