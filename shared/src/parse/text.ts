/**
 * Page text normalised for reading: every kind of space (no-break U+00A0, narrow no-break U+202F,
 * thin, figure...) becomes one plain space, Unicode minus and dashes become `-`, and the
 * typographic apostrophe (Swiss digit grouping `1’234`) becomes `'`.
 */
export function normalizeSpacesAndSigns(text: string): string {
  return text
    .replace(/[\u2212\u2012\u2013\u2014\uFE63\uFF0D]/g, '-')
    .replace(/[\u2019\u02BC]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/** Lower case without accents: `Févr.` → `fevr.`, `AOÛT` → `aout`. */
export function foldCase(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}
