import type { Language } from '@relance/shared/vocabulary';

/**
 * Words of a compose window's own fields and buttons (accessible names, placeholders, titles), by
 * language: what tells the window's language when no `lang` attribute does.
 */
const UI_WORDS: Record<Language, readonly string[]> = {
  fr: [
    'envoyer',
    'ignorer',
    'objet',
    'ajouter un objet',
    'à',
    'cci',
    'destinataires',
    'supprimer le brouillon',
  ],
  en: ['send', 'discard', 'subject', 'add a subject', 'to', 'bcc', 'recipients', 'discard draft'],
};

function languageOfCode(code: string | null | undefined): Language | null {
  const lower = code?.trim().toLowerCase() ?? '';
  if (lower.startsWith('fr')) return 'fr';
  if (lower.startsWith('en')) return 'en';
  return null;
}

/**
 * The compose window's language: the nearest `lang` (the window's, else the page's), else the
 * words of its own controls; null when neither says (the background then uses the team's).
 */
export function composeLanguage(root: Element): Language | null {
  const tagged = languageOfCode(root.closest('[lang]')?.getAttribute('lang'));
  if (tagged) return tagged;
  const names = Array.from(root.querySelectorAll('button, [role="button"], input, [contenteditable="true"]'))
    .flatMap((el) => ['aria-label', 'placeholder', 'title'].map((a) => el.getAttribute(a)))
    .map((name) =>
      (name ?? '')
        .replace(/\(.*\)/g, '')
        .trim()
        .toLowerCase(),
    )
    .filter(Boolean);
  const score = (lang: Language) => names.filter((n) => UI_WORDS[lang].includes(n)).length;
  const fr = score('fr');
  const en = score('en');
  if (fr === en) return null;
  return fr > en ? 'fr' : 'en';
}
