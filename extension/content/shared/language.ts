import type { Language } from '@relance/shared';

/** The UI language: the user's choice when known, else the browser's (French first). */
export function browserLanguage(nav: { language?: string } = globalThis.navigator ?? {}): Language {
  return (nav.language ?? 'fr').toLowerCase().startsWith('en') ? 'en' : 'fr';
}

/** The page's own language (`<html lang>`), a hint for parsing its amounts and dates. */
export function pageLocale(doc: Document): string {
  const lang = doc.documentElement.getAttribute('lang')?.trim();
  return lang || globalThis.navigator?.language || 'fr';
}
