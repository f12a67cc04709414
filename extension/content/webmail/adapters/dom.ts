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
