// Keyboard focus for the floating panels (WCAG 2.2: 2.1.2, 2.4.3, 2.4.11): a panel takes focus
// when it opens, Tab and Shift+Tab cycle inside it, and closing gives focus back to the button
// that opened it — which usually lives in another shadow root (a badge).

const FOCUSABLE =
  'button, [href], input, select, textarea, summary, [tabindex]:not([tabindex="-1"]), [contenteditable="true"]';

/** The element that really has focus, through open shadow roots (document.activeElement stops at a host). */
export function deepActiveElement(doc: Document): HTMLElement | null {
  let active = doc.activeElement as HTMLElement | null;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement as HTMLElement;
  return active;
}

/** What Tab can reach inside a root, in order: enabled and rendered. */
export function focusables(root: ShadowRoot | HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => !(el as HTMLButtonElement).disabled && el.getClientRects().length > 0,
  );
}

/** Focus goes to the panel itself (its dialog element), so a screen reader reads its name first. */
export function focusInto(root: ShadowRoot): void {
  const target =
    root.querySelector<HTMLElement>('[data-autofocus]') ??
    root.querySelector<HTMLElement>('[role=dialog]') ??
    (root.firstElementChild as HTMLElement | null);
  if (!target) return;
  if (!target.matches(FOCUSABLE) && !target.hasAttribute('tabindex')) target.tabIndex = -1;
  target.focus({ preventScroll: true });
}

/** Tab at the last field goes to the first, Shift+Tab at the first to the last; true when handled. */
export function trapTab(root: ShadowRoot, event: KeyboardEvent): boolean {
  if (event.key !== 'Tab') return false;
  const items = focusables(root);
  if (items.length === 0) {
    event.preventDefault();
    return true;
  }
  const first = items[0]!;
  const last = items[items.length - 1]!;
  const active = root.activeElement as HTMLElement | null;
  const inside = !!active && items.includes(active);
  if (event.shiftKey && (!inside || active === first)) {
    event.preventDefault();
    last.focus();
    return true;
  }
  if (!event.shiftKey && (!inside || active === last)) {
    event.preventDefault();
    first.focus();
    return true;
  }
  return false;
}

/** Back to the opener when it is still on the page (a re-rendered badge keeps its button). */
export function restoreFocus(opener: HTMLElement | null): void {
  if (opener?.isConnected) opener.focus({ preventScroll: true });
}
