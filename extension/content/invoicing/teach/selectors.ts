/**
 * Selectors that find a taught row again on the next visit: the row by its tag and stable classes
 * (and a few ancestors'), each field by its position inside the row.
 */
const STATE_CLASSES =
  /^(active|selected|hover|hovered|focus|focused|odd|even|striped|open|checked|disabled|new|highlight(ed)?)$/i;
const MAX_ANCESTORS = 3;

function escapeIdent(ident: string): string {
  return typeof CSS !== 'undefined' && CSS.escape ? CSS.escape(ident) : ident.replace(/[^\w-]/g, '\\$&');
}

/** Classes that look written by a person (`invoice-row`), not generated (`css-1x2y3z`, `jsx-123`). */
function stableClasses(el: Element): string[] {
  return Array.from(el.classList)
    .filter((c) => /^[A-Za-z][\w-]*$/.test(c) && !/\d{3,}/.test(c) && !/^(css|jsx|sc|emotion)-/.test(c))
    .filter((c) => !STATE_CLASSES.test(c))
    .slice(0, 2);
}

function stableId(el: Element): string | null {
  const id = el.id;
  return id && /^[A-Za-z][\w-]*$/.test(id) && !/\d{3,}/.test(id) ? id : null;
}

function simpleSelector(el: Element): string {
  return [el.localName, ...stableClasses(el).map((c) => `.${escapeIdent(c)}`)].join('');
}

export function rowSelectorFor(row: Element): string {
  const parts = [simpleSelector(row)];
  let node = row.parentElement;
  for (let i = 0; node && i < MAX_ANCESTORS && node.localName !== 'body' && node.localName !== 'html'; i++) {
    const id = stableId(node);
    if (id) {
      parts.unshift(`#${escapeIdent(id)}`);
      break;
    }
    parts.unshift(simpleSelector(node));
    node = node.parentElement;
  }
  return parts.join(' > ');
}

/** `:scope > td:nth-child(2) > a:nth-child(1)`: the path from `row` down to `el`. */
export function relativeSelector(row: Element, el: Element): string {
  const steps: string[] = [];
  for (let node: Element | null = el; node && node !== row; node = node.parentElement) {
    const parent = node.parentElement;
    if (!parent) break;
    const index = Array.from(parent.children).indexOf(node) + 1;
    steps.unshift(`${node.localName}:nth-child(${index})`);
  }
  return `:scope > ${steps.join(' > ')}`;
}

export function lowestCommonAncestor(elements: Element[]): Element | null {
  let candidate: Element | null = elements[0] ?? null;
  while (candidate && !elements.every((el) => candidate!.contains(el))) candidate = candidate.parentElement;
  return candidate;
}

/**
 * The row of four picked elements: their lowest common ancestor. When two picks are the same
 * element or one holds another, the ancestor would be a cell, so the row is one level up.
 */
export function rowOfPicks(picks: Element[]): Element | null {
  let row = lowestCommonAncestor(picks);
  while (row && picks.includes(row)) row = row.parentElement;
  if (!row || row.localName === 'body' || row.localName === 'html') return null;
  return row;
}

/** A selector from the document for an element of an invoice page: its nearest stable id, then the path. */
export function documentSelector(el: Element): string {
  const steps: string[] = [];
  for (let node: Element | null = el; node && node.localName !== 'html'; node = node.parentElement) {
    const id = stableId(node);
    if (id) {
      steps.unshift(`#${escapeIdent(id)}`);
      return steps.join(' > ');
    }
    const parent = node.parentElement;
    if (!parent) break;
    if (node.localName === 'body') {
      steps.unshift('body');
      break;
    }
    steps.unshift(`${node.localName}:nth-child(${Array.from(parent.children).indexOf(node) + 1})`);
  }
  return steps.join(' > ');
}
