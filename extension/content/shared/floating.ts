import { type ComponentChild, render } from 'preact';
import { deepActiveElement, focusInto, restoreFocus, trapTab } from './focus';
import { guard } from './guard';
import { createShadowHost } from './shadowHost';

/**
 * One floating host per kind of panel (`<relance-notes-panel>`, `<relance-reminder>`), appended to
 * `<html>` rather than `<body>` so that a single-page app re-rendering its body leaves it alone.
 * Opening it again replaces its content; closing removes it from the page. Opening moves focus in,
 * Tab stays inside, Escape from anywhere in it closes it, and focus goes back to the opener.
 */
export class FloatingPanel {
  private mounted: {
    host: HTMLElement;
    root: ShadowRoot;
    watcher: MutationObserver | null;
    opener: HTMLElement | null;
  } | null = null;

  private reserved: { value: string; priority: string } | null = null;

  constructor(
    private readonly doc: Document,
    private readonly tagName: string,
    private readonly css: string,
    /**
     * `side`: a panel docked on the right that the page makes room for (its own margin), so it
     * never covers the host's columns — the amounts usually sit on the right of a list.
     */
    private readonly placement: 'card' | 'side' = 'card',
  ) {}

  get isOpen(): boolean {
    return !!this.mounted?.host.isConnected;
  }

  get host(): HTMLElement | null {
    return this.isOpen ? this.mounted!.host : null;
  }

  show(content: ComponentChild): void {
    const opening = !this.isOpen;
    if (opening) {
      const { host, root } = createShadowHost(this.doc, this.tagName, this.css);
      const opener = deepActiveElement(this.doc);
      // When a re-render removes the focused button (a step of the dialog ends), focus would drop to
      // the page's <body>, outside the trap: it goes back to the panel. A person who clicked or
      // tabbed away on purpose (the element they left is still there) keeps their place.
      let focusInside = true;
      const refocus = () => {
        if (focusInside && this.doc.activeElement === this.doc.body) focusInto(root);
      };
      this.mounted = {
        host,
        root,
        watcher: reflectChanges(this.doc, host, root, refocus),
        opener: opener === this.doc.body ? null : opener,
      };
      host.addEventListener(
        'keydown',
        guard('panel.keys', (event: KeyboardEvent) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            this.close();
          } else {
            trapTab(root, event);
          }
          event.stopPropagation();
        }),
      );
      host.addEventListener('focusin', () => {
        focusInside = true;
      });
      host.addEventListener('focusout', (event: FocusEvent) => {
        const left = event.composedPath()[0] as Node | undefined;
        const next = event.relatedTarget as Node | null;
        if (next ? !host.contains(next) && next !== host : !!left?.isConnected) focusInside = false;
      });
      // Typing in our fields must not trigger the page's keyboard shortcuts.
      for (const type of ['keyup', 'keypress', 'click', 'mousedown', 'pointerdown']) {
        host.addEventListener(type, (event) => event.stopPropagation());
      }
      this.doc.documentElement.append(host);
      if (this.placement === 'side') this.makeRoom();
    }
    render(content, this.mounted!.root);
    if (opening) guard('panel.focus', () => focusInto(this.mounted!.root))();
  }

  close(): void {
    if (!this.mounted) return;
    const { host, root, watcher, opener } = this.mounted;
    // Give focus back only when it was ours: a person who clicked elsewhere keeps their place.
    const active = this.doc.activeElement;
    const hadFocus = active === host || active === this.doc.body || active === null;
    watcher?.disconnect();
    render(null, root);
    host.remove();
    this.mounted = null;
    this.giveRoomBack();
    if (hadFocus) restoreFocus(opener);
  }

  /**
   * On a wide enough window the page narrows by the panel's width; when the page's list cannot
   * narrow that much (a table has a minimum width), the panel narrows instead, down to a readable
   * width. On a narrow window it floats over the page.
   */
  private makeRoom(): void {
    const win = this.doc.defaultView;
    const root = this.doc.documentElement;
    if (!win || win.innerWidth < SIDE_PANEL_MIN_WINDOW) return;
    const style = root.style;
    this.reserved = {
      value: style.getPropertyValue('margin-right'),
      priority: style.getPropertyPriority('margin-right'),
    };
    style.setProperty('margin-right', `${SIDE_PANEL_WIDTH}px`, 'important');
    const overflow = root.scrollWidth - (win.innerWidth - SIDE_PANEL_WIDTH);
    const width = Math.max(SIDE_PANEL_MIN_WIDTH, SIDE_PANEL_WIDTH - Math.max(0, Math.ceil(overflow)));
    style.setProperty('margin-right', `${width}px`, 'important');
    this.mounted?.host.style.setProperty('--relance-side-width', `${width}px`);
  }

  private giveRoomBack(): void {
    if (!this.reserved) return;
    const style = this.doc.documentElement.style;
    if (this.reserved.value) style.setProperty('margin-right', this.reserved.value, this.reserved.priority);
    else style.removeProperty('margin-right');
    this.reserved = null;
  }
}

/**
 * Changes inside a shadow root are invisible to observers of the page (puppeteer's
 * `waitForSelector('relance-reminder >>> …')` among them): each one bumps `data-revision` on the
 * host, so that whoever waits on the page sees that something changed inside.
 */
function reflectChanges(
  doc: Document,
  host: HTMLElement,
  root: ShadowRoot,
  onChange: () => void,
): MutationObserver | null {
  const MO = doc.defaultView?.MutationObserver;
  if (!MO) return null;
  let revision = 0;
  const watcher = new MO(
    guard('panel.revision', () => {
      host.setAttribute('data-revision', String(++revision));
      onChange();
    }),
  );
  watcher.observe(root, { childList: true, subtree: true, characterData: true, attributes: true });
  return watcher;
}

export const SIDE_PANEL_WIDTH = 400;
const SIDE_PANEL_MIN_WIDTH = 300;
/** Below this window width, narrowing the page would leave it too little room: the panel floats. */
const SIDE_PANEL_MIN_WINDOW = 1000;

/** Shared look of the floating panels: a card on the right, above the page. */
export const PANEL_CSS = `
:host { all: initial; position: fixed; top: 16px; right: 16px; z-index: 2147483646; display: block;
  font: 13px/1.45 system-ui, sans-serif; color: #111827; }
.panel { width: min(420px, calc(100vw - 32px)); max-height: calc(100vh - 32px); overflow: auto; background: #fff;
  border: 1px solid #e5e7eb; border-radius: 10px; box-shadow: 0 10px 30px rgba(0,0,0,.18); }
header { display: flex; align-items: center; justify-content: space-between; gap: 8px; padding: 10px 14px;
  border-bottom: 1px solid #e5e7eb; position: sticky; top: 0; background: #fff; }
h2 { font-size: 14px; margin: 0; font-weight: 650; }
h3 { font-size: 12px; margin: 12px 0 6px; text-transform: uppercase; letter-spacing: .04em; color: #6b7280; }
section { padding: 10px 14px; }
button { font: 600 12px/1.4 system-ui, sans-serif; padding: 5px 10px; border-radius: 6px; cursor: pointer;
  border: 1px solid #d1d5db; background: #fff; color: #111827; }
button.primary { background: #1d4ed8; border-color: #1d4ed8; color: #fff; }
button:hover { filter: brightness(.96); }
button:focus-visible, input:focus-visible, textarea:focus-visible { outline: 2px solid #2563eb; outline-offset: 1px; }
button[disabled] { opacity: .5; cursor: default; }
.close { border: none; font-size: 18px; line-height: 1; padding: 2px 6px; }
label { display: block; font-size: 12px; color: #374151; margin: 6px 0 2px; }
input, textarea, select { box-sizing: border-box; width: 100%; font: 13px/1.4 system-ui, sans-serif; padding: 5px 7px;
  border: 1px solid #d1d5db; border-radius: 6px; color: #111827; background: #fff; }
textarea { min-height: 70px; resize: vertical; }
.row { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 8px; }
.muted { color: #6b7280; font-size: 12px; }
.warning { background: #fef3c7; border: 1px solid #f59e0b; border-radius: 6px; padding: 6px 8px; margin: 6px 0; }
.error { background: #fee2e2; border: 1px solid #ef4444; border-radius: 6px; padding: 6px 8px; margin: 6px 0; }
.ok { background: #dcfce7; border: 1px solid #22c55e; border-radius: 6px; padding: 6px 8px; margin: 6px 0; }
ol.timeline { list-style: none; padding: 0; margin: 0; }
ol.timeline li { border-left: 3px solid #d1d5db; padding: 4px 0 6px 10px; margin-bottom: 6px; }
ol.timeline li.note { border-color: #2563eb; }
ol.timeline li.reminder { border-color: #d97706; }
.entry-head { display: flex; justify-content: space-between; gap: 8px; font-size: 12px; color: #374151; }
.entry-text { white-space: pre-wrap; word-break: break-word; margin-top: 2px; }
pre.body { white-space: pre-wrap; word-break: break-word; font: 13px/1.5 system-ui, sans-serif; margin: 0; }
/* Reminder dialog and notes panel: confirmations, withdrawn entries, the collections file. */
h3 { font-size: 12px; margin: 12px 0 4px; font-weight: 650; }
.confirm { background: #eff6ff; border: 1px solid #93c5fd; border-radius: 6px; padding: 6px 8px; margin: 8px 0; }
.timeline li.voided .entry-text, .timeline li.voided strong { text-decoration: line-through; color: #6b7280; }
label.check { display: block; font-weight: 400; margin: 2px 0; }
fieldset { border: 1px solid #e5e7eb; border-radius: 6px; margin: 6px 0; padding: 4px 8px; }
dl.facts { margin: 0; } dl.facts div { display: flex; gap: 8px; justify-content: space-between; padding: 2px 0;
  border-bottom: 1px solid #f3f4f6; } dl.facts dt { color: #4b5563; } dl.facts dd { margin: 0; text-align: right;
  white-space: pre-line; }
ul.checklist { list-style: none; padding: 0; margin: 0; } ul.checklist li { padding: 2px 0; }
`;

/** The notes panel: docked on the right, full height (see FloatingPanel's `side` placement). */
export const SIDE_PANEL_CSS = `${PANEL_CSS}
:host { top: 0; right: 0; bottom: 0; }
.panel { width: min(var(--relance-side-width, ${SIDE_PANEL_WIDTH}px), 100vw); height: 100vh; max-height: 100vh; box-sizing: border-box;
  border-radius: 0; border-width: 0 0 0 1px; box-shadow: -6px 0 18px rgba(0,0,0,.12); }
section.owes { background: #eff6ff; border-bottom: 1px solid #dbeafe; }
section.owes p { margin: 0; }
`;
