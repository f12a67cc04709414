/**
 * The few DOM calls the compose panel and the "belongs to" line are drawn with (no framework: the
 * webmail content script stays small). Every text goes in as text, never as HTML.
 */

/** An element with its class and text (`textContent`: a client's name stays a name). */
export function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  className = '',
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A `type="button"` button with its action (what the tests and the page's scripts find it by). */
export function actionButton(doc: Document, action: string, className = ''): HTMLButtonElement {
  const button = el(doc, 'button', className);
  button.type = 'button';
  if (action) button.dataset.relanceAction = action;
  return button;
}

/** Sets or removes an attribute (`undefined`: absent). */
export function attr(node: Element, name: string, value: string | undefined): void {
  if (value === undefined) node.removeAttribute(name);
  else if (node.getAttribute(name) !== value) node.setAttribute(name, value);
}

/**
 * Makes `parent`'s children exactly `nodes`, in that order, moving only what must move: a kept
 * element (the select, the checkbox, the button the person is on) stays put and keeps the focus.
 * `nodes` list kept elements in the order they already have.
 */
export function syncChildren(parent: Node, nodes: (Node | false | null | undefined)[]): void {
  const wanted = nodes.filter((n): n is Node => !!n);
  const keep = new Set(wanted);
  for (const child of Array.from(parent.childNodes)) if (!keep.has(child)) child.remove();
  wanted.forEach((node, i) => {
    const at = parent.childNodes[i] ?? null;
    if (at !== node) parent.insertBefore(node, at);
  });
}

const optionKeys = new WeakMap<HTMLSelectElement, string>();

/** Replaces a select's options when the list changed (never while unchanged: an open list stays open). */
export function setOptions(
  select: HTMLSelectElement,
  options: [value: string, label: string][],
  value: string,
): void {
  const key = JSON.stringify(options);
  if (optionKeys.get(select) !== key) {
    optionKeys.set(select, key);
    select.replaceChildren(
      ...options.map(([optionValue, label]) => {
        const option = el(select.ownerDocument, 'option', '', label);
        option.value = optionValue;
        return option;
      }),
    );
  }
  select.value = value;
}
