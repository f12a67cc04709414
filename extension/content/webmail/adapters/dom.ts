import type { PanelSlot } from './types';

/** Small structural helpers the adapters share. */

/** The nearest ancestor of `el` (itself excluded) for which `test` holds, at most `maxDepth` levels up. */
export function ancestorWhere(el: Element, test: (node: Element) => boolean, maxDepth = 40): Element | null {
  let node = el.parentElement;
  for (let depth = 0; node && depth < maxDepth; depth++, node = node.parentElement) {
    if (test(node)) return node;
  }
  return null;
}

/** Elements under `root` matching `selector`, `root` included. */
export function queryAllWithin<T extends Element = Element>(root: Element, selector: string): T[] {
  const found = Array.from(root.querySelectorAll<T>(selector));
  return root.matches(selector) ? [root as unknown as T, ...found] : found;
}

/** Keeps the outermost elements: drops every element that sits inside another one of the list. */
export function outermost(elements: Element[]): Element[] {
  return elements.filter((el) => !elements.some((other) => other !== el && other.contains(el)));
}

/** `a` comes before `b` in document order. */
export function precedes(a: Node, b: Node): boolean {
  return (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
}

/** Hidden by the page through the `hidden` attribute or an inline `display: none` on it or an ancestor. */
export function isHiddenByPage(el: Element, stopAt?: Element): boolean {
  for (let node: Element | null = el; node; node = node.parentElement) {
    if (node.hasAttribute('hidden')) return true;
    if ((node as HTMLElement).style?.display === 'none') return true;
    if (node === stopAt) break;
  }
  return false;
}

/** The closest element matching `selector`, not above `root`. */
export function closestWithin(target: Element, selector: string, root: Element): Element | null {
  const found = target.closest(selector);
  return found && root.contains(found) ? found : null;
}

/**
 * The compose windows of a page: the window around each outermost editor matching `bodySelector`
 * (as the adapter's `composeRootOf` finds it), each once, none inside another.
 */
export function composeRootsAround(
  doc: Document,
  bodySelector: string,
  composeRootOf: (editor: Element) => Element | null,
): Element[] {
  const roots: Element[] = [];
  for (const editor of outermost(Array.from(doc.querySelectorAll(bodySelector)))) {
    const root = composeRootOf(editor);
    if (root && !roots.includes(root)) roots.push(root);
  }
  return outermost(roots);
}

/** Just above the editor's wrapper, outside anything editable. */
export function slotAboveEditor(body: Element, root: Element): PanelSlot | null {
  const wrapper = body.parentElement;
  if (!wrapper) return null;
  if (wrapper !== root && wrapper.parentElement && root.contains(wrapper.parentElement)) {
    return { parent: wrapper.parentElement, before: wrapper };
  }
  return { parent: wrapper, before: body };
}
