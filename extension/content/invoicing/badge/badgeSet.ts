import type { Language } from '@relance/shared';
import { h, render } from 'preact';
import type { InvoicePolicyView } from '../../../lib/messages';
import { guard } from '../../shared/guard';
import { createShadowHost } from '../../shared/shadowHost';
import type { InvoiceObservation } from '../adapters/types';
import { type OverlayTranslator, overlayTranslator } from '../strings';
import { Badge } from './Badge';
import { BADGE_CSS } from './badgeStyles';

export const BADGE_TAG = 'relance-badge';
/** A page that keeps removing our badge gets it back this many times a minute, then we stop fighting. */
const MAX_REMOUNTS = 20;
const REMOUNT_WINDOW_MS = 60_000;

export interface BadgeActions {
  remind(observation: InvoiceObservation, view: InvoicePolicyView, badge: HTMLElement): void;
  notes(observation: InvoiceObservation, view: InvoicePolicyView, badge: HTMLElement): void;
}

interface Mounted {
  host: HTMLElement;
  root: ShadowRoot;
}

/**
 * Exactly one `<relance-badge>` per invoice row (DESIGN.md, Overlay DOM): created once, updated
 * in place, taken away with its row. A copy of our element made by the page (no shadow root, not
 * ours) is removed.
 */
export class BadgeSet {
  private readonly t: OverlayTranslator;
  private readonly byRow = new WeakMap<Element, Mounted>();
  private readonly remounts = new WeakMap<Element, { count: number; since: number }>();

  constructor(
    private readonly doc: Document,
    lang: Language,
    private readonly actions: BadgeActions,
  ) {
    this.t = overlayTranslator(lang);
  }

  hasBadge(row: Element): boolean {
    const mounted = this.byRow.get(row);
    return !!mounted && mounted.host.isConnected && row.contains(mounted.host);
  }

  /** The row's badge element, if it has one. */
  badgeOf(row: Element): HTMLElement | null {
    return this.hasBadge(row) ? this.byRow.get(row)!.host : null;
  }

  show(observation: InvoiceObservation, view: InvoicePolicyView): void {
    const { row } = observation;
    const mounted = this.mountIn(observation);
    if (!mounted) return;
    const { host, root } = mounted;
    setAttribute(host, 'data-invoice-number', observation.number);
    setAttribute(host, 'data-days-overdue', String(view.daysOverdue));
    setAttribute(host, 'data-stage', view.stage);
    setAttribute(host, 'data-action-due', String(view.actionDue));
    render(
      h(Badge, {
        view,
        t: this.t,
        onRemind: guard('badge.remind', () => this.actions.remind(observation, view, host)),
        onNotes: guard('badge.notes', () => this.actions.notes(observation, view, host)),
      }),
      root,
    );
    this.byRow.set(row, mounted);
  }

  remove(row: Element): void {
    const mounted = this.byRow.get(row);
    this.byRow.delete(row);
    if (mounted) {
      render(null, mounted.root);
      mounted.host.remove();
    }
    for (const stray of Array.from(row.querySelectorAll(BADGE_TAG))) stray.remove();
  }

  /** The row's one badge: the existing one, or a new one placed after the invoice number. */
  private mountIn(observation: InvoiceObservation): Mounted | null {
    const { row, anchor } = observation;
    let mounted = this.byRow.get(row);
    if (mounted && !(mounted.host.isConnected && row.contains(mounted.host))) mounted = undefined;
    // Anything else named like our badge in this row is a stale copy (a cloned row, an old anchor).
    for (const other of Array.from(row.querySelectorAll(BADGE_TAG))) {
      if (other !== mounted?.host) other.remove();
    }
    if (mounted) return mounted;

    const now = Date.now();
    const previous = this.remounts.get(row);
    const remounts =
      previous && now - previous.since < REMOUNT_WINDOW_MS ? previous : { count: 0, since: now };
    if (++remounts.count > MAX_REMOUNTS) return null;
    this.remounts.set(row, remounts);

    const { host, root } = createShadowHost(this.doc, BADGE_TAG, BADGE_CSS);
    stopPageHandlers(host);
    // Never inside a link or a button of the page: a click on our buttons must not follow it.
    const interactive = anchor.closest('a, button, label');
    if (interactive && row.contains(interactive)) interactive.after(host);
    else anchor.append(host);
    return { host, root };
  }
}

function setAttribute(el: Element, name: string, value: string): void {
  if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}

/** Clicks and keys in our badge are ours: the row's own handlers (open the invoice…) must not run. */
function stopPageHandlers(host: HTMLElement): void {
  for (const type of ['click', 'dblclick', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'keydown']) {
    host.addEventListener(type, (event) => event.stopPropagation());
  }
}
