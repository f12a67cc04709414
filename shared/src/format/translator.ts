import type { Language } from '../vocabulary/languages';

export type Messages<K extends string> = Record<K, string>;
export type MessageCatalog<K extends string> = { fr: Messages<K>; en: Messages<K> };
export type MessageParams = Record<string, string | number>;

export interface Translator<K extends string> {
  readonly lang: Language;
  (key: K, params?: MessageParams): string;
}

/**
 * Replaces `{name}` with `params.name`. A placeholder without a value stays as written, so a
 * forgotten parameter shows up on screen instead of breaking the UI.
 */
export function interpolate(message: string, params: MessageParams = {}): string {
  return message.replace(/\{([A-Za-z0-9_]+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/**
 * A typed translation function for UI words. Both languages must define every key (the type says
 * so), so a missing English string is a compile error, not a blank button.
 *
 *   const t = createTranslator({ fr: { hello: 'Bonjour {name}' }, en: { hello: 'Hello {name}' } }, 'fr');
 *   t('hello', { name: 'Ana' }) // 'Bonjour Ana'
 */
export function createTranslator<K extends string>(
  messages: MessageCatalog<K>,
  lang: Language,
): Translator<K> {
  const catalog = messages[lang];
  const translate = (key: K, params?: MessageParams) => {
    const message = catalog[key];
    if (message === undefined) throw new Error(`Missing ${lang} message "${key}"`);
    return interpolate(message, params);
  };
  return Object.assign(translate, { lang });
}
