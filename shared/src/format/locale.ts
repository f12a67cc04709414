import type { Language } from '../vocabulary/languages';

/**
 * Which Intl locale writes each of our languages. French is France's usage. English money follows
 * en-US (`€1,234.56`, `$1,234.56`, `£70.00`: no "US$"), English dates follow en-GB (`12 Mar 2026`,
 * day before month), which neither a British nor an American reader can misread.
 */
export const MONEY_LOCALE: Record<Language, string> = { fr: 'fr-FR', en: 'en-US' };
export const DATE_LOCALE: Record<Language, string> = { fr: 'fr-FR', en: 'en-GB' };

/** Builds each Intl formatter once: they are costly to create and the overlay formats a lot. */
export function memoize<T>(create: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = create(key);
      cache.set(key, value);
    }
    return value;
  };
}
