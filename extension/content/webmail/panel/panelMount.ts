import { createShadowHost } from '../../shared/shadowHost';
import type { PanelSlot } from '../adapters/types';
import { PANEL_CSS } from './panelStyles';

/** The contract's host element (docs/architecture.md#overlay-dom). */
export const PANEL_TAG = 'relance-compose-panel';
/** The quiet "this address belongs to…" line for recipients no client is known by. */
export const ASSIGN_TAG = 'relance-compose-assign';

/** A compose window whose editor keeps being re-rendered gets the panel back this often, then we stop. */
const MAX_REMOUNTS = 20;

/**
 * One host element in one compose window: created once, updated in place, put back when the
 * webmail re-renders it away, removed with the window. Keys typed and clicks made in it stay ours
 * (the webmail's shortcuts must not fire while the person types a client's name).
 */
export class PanelMount {
  private mounted: { host: HTMLElement; root: ShadowRoot } | null = null;
  private remounts = 0;
  private shown = false;

  constructor(
    private readonly doc: Document,
    private readonly tagName: string,
    /** Told when the element is taken away (what was drawn in it starts again next time). */
    private readonly onRemoved?: () => void,
  ) {}

  /** Shown, and not taken away by us since: gone from the page means the page removed it. */
  get placed(): boolean {
    return this.shown;
  }

  get host(): HTMLElement | null {
    return this.mounted?.host.isConnected ? this.mounted.host : null;
  }

  /** Puts the element in `slot` with `attributes`, then `draw` fills or updates its shadow root. */
  show(slot: PanelSlot, attributes: Record<string, string>, draw: (root: ShadowRoot) => void): void {
    let mounted = this.mounted;
    if (!mounted) {
      mounted = createShadowHost(this.doc, this.tagName, PANEL_CSS);
      keepEventsInside(mounted.host);
      this.mounted = mounted;
    }
    const { host, root } = mounted;
    if (!host.isConnected || host.parentElement !== slot.parent) {
      if (this.shown && ++this.remounts > MAX_REMOUNTS) return;
      // A copy of our element the page made (it has no shadow root of ours): not ours to keep.
      for (const stray of Array.from(slot.parent.querySelectorAll(`:scope > ${this.tagName}`))) {
        if (stray !== host) stray.remove();
      }
      slot.parent.insertBefore(
        host,
        slot.before && slot.before.parentNode === slot.parent ? slot.before : null,
      );
      this.shown = true;
    }
    for (const [name, value] of Object.entries(attributes)) {
      if (host.getAttribute(name) !== value) host.setAttribute(name, value);
    }
    draw(root);
  }

  remove(): void {
    this.shown = false;
    if (!this.mounted) return;
    this.mounted.host.remove();
    this.mounted = null;
    this.onRemoved?.();
  }
}

function keepEventsInside(host: HTMLElement): void {
  for (const type of [
    'keydown',
    'keyup',
    'keypress',
    'click',
    'mousedown',
    'mouseup',
    'pointerdown',
    'input',
  ]) {
    host.addEventListener(type, (event) => event.stopPropagation());
  }
}
