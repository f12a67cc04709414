/** Text as read from a page: whitespace collapsed, trimmed. Never interpreted as HTML. */
export function textOf(el: Element | null | undefined): string {
  if (!el) return '';
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * A label reduced to plain lowercase words for matching: accents dropped (`Échéance` → `echeance`),
 * `N°`/`Nº` → `no`, punctuation → spaces, `#` kept as a word.
 */
export function normalizeLabel(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[°º]/g, 'o ')
    .replace(/#/g, ' # ')
    .replace(/[^a-z0-9# ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
