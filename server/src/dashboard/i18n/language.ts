import type { Language } from '@relance/shared';

export interface LanguageChoice {
  lang: Language;
  /** True when the URL asked for it (`?lang=`): links then carry it on, so a shared link keeps it. */
  explicit: boolean;
}

/** `?lang=fr|en` wins; otherwise the browser's Accept-Language; French when neither says. */
export function chooseLanguage(
  queryLang: string | undefined,
  acceptLanguage: string | undefined,
): LanguageChoice {
  if (queryLang === 'fr' || queryLang === 'en') return { lang: queryLang, explicit: true };
  return { lang: fromAcceptLanguage(acceptLanguage ?? ''), explicit: false };
}

/** The first of French or English in the header's order of preference (`q` weights honoured). */
export function fromAcceptLanguage(header: string): Language {
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { base: tag.split('-')[0], weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((r) => r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  const first = ranked.find((r) => r.base === 'fr' || r.base === 'en');
  return first?.base === 'en' ? 'en' : 'fr';
}
