/**
 * The one text-reading module of the invoicing overlay: what a person SEES as a field's value.
 *
 * `textContent` also returns hidden dropdown menus ("Aperçu pdf"), tooltips, screen-reader helpers,
 * icon-font ligatures ("download"), avatar initials and button labels; every adapter reads values
 * through `linesOf`/`textOf` instead, which skip them:
 * - structurally (cheap, no style): `template`/`script`/`style`, form controls and buttons, images
 *   and SVG, `[hidden]`, `aria-hidden`, `inert`, menu/tooltip/checkbox roles, visually-hidden,
 *   tooltip, menu, icon and avatar classes;
 * - by computed style, once per distinct element "shape" (tag, classes, inline style, under the
 *   same ancestors' shapes) and per task: a 2,000-row table has a handful of shapes per column, so
 *   a few dozen `getComputedStyle` calls, not one per node.
 *
 * Block-level boundaries (a `div`, a `br`, a nested table's cell, a flex item) split the text into
 * lines: a client cell's name, address and e-mail are separate lines.
 */

const SKIPPED_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'select',
  'option',
  'datalist',
  'button',
  'input',
  'img',
  'picture',
  'svg',
  'canvas',
  'video',
  'audio',
  'iframe',
  'object',
  'embed',
  'head',
  'title',
]);
const SKIPPED_ROLES = new Set([
  'tooltip',
  'menu',
  'menubar',
  'menuitem',
  'menuitemcheckbox',
  'menuitemradio',
  'listbox',
  'checkbox',
  'switch',
  'radio',
  'img',
  'progressbar',
  'slider',
  'dialog',
  'alertdialog',
]);
/** Whole class names of visually-hidden helpers and hidden states (Bootstrap, Tailwind, WP, jQuery UI…). */
const HIDDEN_CLASSES = new Set([
  'sr-only',
  'visually-hidden',
  'visuallyhidden',
  'screen-reader-text',
  'screen-reader-only',
  'screenreader-only',
  'a11y-hidden',
  'assistive-text',
  'slds-assistive-text',
  'cdk-visually-hidden',
  'element-invisible',
  'ui-helper-hidden',
  'ui-helper-hidden-accessible',
  'u-visually-hidden',
  'u-hidden',
  'offscreen',
  'hidden',
  'd-none',
  'hide',
  'hideobject',
  'invisible',
  'is-hidden',
]);
/** Parts of class names (split on `-`/`_`) that mark a popup: always hidden or not a value. */
const POPUP_PARTS = new Set(['tooltip', 'tooltiptext', 'popover', 'popper', 'menu', 'submenu', 'flyout']);
/** Icon fonts: `fa fa-file-pdf`, `material-icons`, `bi-download`, `MuiSvgIcon-root`, `o_icon`… */
const ICON_CLASS =
  /^(fa|fas|far|fab|fal|fad|bi|mdi|ti|las|glyphicon|dashicons|octicon|feather|lnr|picto)$|^(fa|bi|mdi|ti|la|glyphicon|icon|icons|ion|material-icons|material-symbols)[-_]|icon|picto/i;
const AVATAR_CLASS = /avatar|initials|monogram|userpic|user-pic|profile-pic|photo|thumb/i;
/** Tags that break a line when computed style cannot tell (old engines, test DOMs). */
const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'dd',
  'div',
  'dl',
  'dt',
  'fieldset',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);
/** A letter, a digit or a currency sign: anything else alone is a glyph (`!`, `⚠`, `•`, `▾`, `×`). */
const MEANINGFUL = /[\p{L}\p{N}\p{Sc}]/u;

interface Verdict {
  hidden: boolean;
  block: boolean;
}

/** Verdicts by element shape, valid for the current task only (the page may change afterwards). */
let verdicts: Map<string, Verdict> | null = null;

function verdictCache(): Map<string, Verdict> {
  if (!verdicts) {
    verdicts = new Map();
    queueMicrotask(() => {
      verdicts = null;
    });
  }
  return verdicts;
}

function classTokens(el: Element): string[] {
  const value = el.getAttribute('class');
  return value ? value.split(/\s+/).filter(Boolean) : [];
}

/** Hidden or not a value, judged from the markup alone. */
function skippedByMarkup(el: Element, tokens: string[]): boolean {
  const tag = el.localName;
  if (SKIPPED_TAGS.has(tag) || tag.includes('-relance') || tag.startsWith('relance-')) return true;
  if (el.hasAttribute('hidden') || el.hasAttribute('inert')) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const role = el.getAttribute('role');
  if (role && SKIPPED_ROLES.has(role)) return true;
  if (tag === 'dialog' && !el.hasAttribute('open')) return true;
  if (tag === 'details') return false;
  for (const token of tokens) {
    const lower = token.toLowerCase();
    if (HIDDEN_CLASSES.has(lower)) return true;
    if (lower.split(/[-_]+/).some((part) => POPUP_PARTS.has(part))) return true;
  }
  return false;
}

/**
 * An icon (an icon-font element: no children, empty or a lowercase ligature such as `download`) or
 * an avatar (1–3 characters), as its class says.
 */
function isDecoration(el: Element, tokens: string[]): boolean {
  if (tokens.length === 0) return false;
  const text = (el.textContent ?? '').trim();
  if (text.length <= 3 && !/\d/.test(text) && tokens.some((t) => AVATAR_CLASS.test(t))) return true;
  return el.childElementCount === 0 && /^[a-z_]*$/.test(text) && tokens.some((t) => ICON_CLASS.test(t));
}

function computedVerdict(el: Element): Verdict {
  const view = el.ownerDocument.defaultView;
  let style: CSSStyleDeclaration | null = null;
  try {
    style = view ? view.getComputedStyle(el) : null;
  } catch {
    style = null;
  }
  const display = style?.display ?? '';
  if (!style || !display) return { hidden: false, block: BLOCK_TAGS.has(el.localName) };
  const clip = style.clip ?? '';
  const clipPath = style.clipPath ?? '';
  const hidden =
    display === 'none' ||
    style.visibility === 'hidden' ||
    style.visibility === 'collapse' ||
    style.opacity === '0' ||
    /^inset\((50|100)%/.test(clipPath) ||
    (style.position === 'absolute' &&
      (/^rect\((0|1)px,? (0|1)px,? (0|1)px,? (0|1)px\)$/.test(clip) || Number.parseFloat(style.left) < -999));
  return { hidden, block: !display.startsWith('inline') && display !== 'contents' };
}

function verdictOf(el: Element, key: string): Verdict {
  const cache = verdictCache();
  let verdict = cache.get(key);
  if (!verdict) {
    verdict = computedVerdict(el);
    cache.set(key, verdict);
  }
  return verdict;
}

/** Collects visible text into lines; whitespace collapsed, glyphs at either end of a line dropped. */
class Lines {
  readonly lines: string[] = [];
  private current = '';

  add(text: string): void {
    this.current += text;
  }

  /** True when the text written so far ends the current line without a space (`B|Boulangerie`). */
  get glued(): boolean {
    return this.current.length > 0 && !/\s$/.test(this.current);
  }

  break(): void {
    const line = tidyLine(this.current);
    if (line) this.lines.push(line);
    this.current = '';
  }
}

export function tidyLine(text: string): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  while (words.length > 0 && !MEANINGFUL.test(words[0]!)) words.shift();
  while (words.length > 0 && !MEANINGFUL.test(words[words.length - 1]!)) words.pop();
  return words.join(' ');
}

function collect(node: Node, out: Lines, path: string): void {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) {
      out.add((child as Text).data);
      continue;
    }
    if (child.nodeType !== 1) continue;
    const el = child as Element;
    const tokens = classTokens(el);
    if (el.localName === 'br') {
      out.break();
      continue;
    }
    if (skippedByMarkup(el, tokens) || isDecoration(el, tokens)) continue;
    const key = `${path}>${el.localName}.${tokens.join('.')}[${el.getAttribute('style') ?? ''}]`;
    const verdict = verdictOf(el, key);
    if (verdict.hidden) continue;
    if (verdict.block) out.break();
    else if (isGluedInitials(el, out)) continue;
    collect(el, out, key);
    if (verdict.block) out.break();
  }
}

/** `<span>B</span><span>Boulangerie Martin</span>`: a 1–3 capital-letter element glued to a name. */
function isGluedInitials(el: Element, out: Lines): boolean {
  const text = el.textContent ?? '';
  if (!/^\s*\p{Lu}{1,3}\s*$/u.test(text) || out.glued) return false;
  const next = el.nextSibling;
  const after =
    next?.nodeType === 1 ? (next as Element).textContent : next?.nodeType === 3 ? next.nodeValue : '';
  return !!after && /^\p{Lu}\p{L}/u.test(after);
}

/** True when the element and what it holds are not shown or not a value (markup cues only). */
export function isSkippedElement(el: Element): boolean {
  const tokens = classTokens(el);
  return skippedByMarkup(el, tokens) || isDecoration(el, tokens);
}

/** What a person sees in `el`, line by line (empty for a hidden or missing element). */
export function linesOf(el: Element | null | undefined): string[] {
  if (!el) return [];
  const out = new Lines();
  const tokens = classTokens(el);
  if (skippedByMarkup(el, tokens)) return [];
  collect(el, out, `${el.localName}.${tokens.join('.')}`);
  out.break();
  return out.lines;
}

/** What a person sees in `el`, as one line. */
export function textOf(el: Element | null | undefined): string {
  return linesOf(el).join(' ');
}

/** All the text of `el`, hidden parts included (a fallback when the visible text has no number). */
export function rawTextOf(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
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
