import type { Language } from '@relance/shared';
import type { InvoicePolicyView } from '../../../lib/messages';
import { guard } from '../../shared/guard';
import { createShadowHost } from '../../shared/shadowHost';
import type { InvoiceOnPage } from '../adapters/types';
import { type OverlayTranslator, overlayTranslator } from '../strings';
import { BADGE_CSS } from './badgeStyles';
import { type BadgeContent, drawBadge } from './badgeView';

export const BADGE_TAG = 'relance-badge';
/** A page that keeps removing our badge gets it back this many times a minute, then we stop fighting. */
const MAX_REMOUNTS = 20;
const REMOUNT_WINDOW_MS = 60_000;
/**
 * Badges whose content is drawn at once. Beyond, a badge's host and attributes are there at once
 * and its content is drawn when the page is idle, a slice at a time (each host is size- and
 * layout-contained, so a slice lays out only its own badges). No IntersectionObserver: watching
 * thousands of hosts costs the page frames on every scroll.
 */
const EAGER_BADGES = 200;
const DRAW_SLICE_MS = 6;

export interface BadgeActions {
  remind(observation: InvoiceOnPage, view: InvoicePolicyView, badge: HTMLElement): void;
  notes(observation: InvoiceOnPage, view: InvoicePolicyView, badge: HTMLElement): void;
}

interface Mounted {
  host: HTMLElement;
  root: ShadowRoot;
  /** The content as of the last answer. */
  content?: BadgeContent;
  drawn: boolean;
}

/**
 * Exactly one `<relance-badge>` per invoice row (docs/architecture.md#overlay-dom): created once, updated
 * in place, taken away with its row. A copy of our element made by the page (no shadow root, not
 * ours) is removed.
 */
export class BadgeSet {
  private readonly t: OverlayTranslator;
  private readonly byRow = new WeakMap<Element, Mounted>();
  private readonly remounts = new WeakMap<Element, { count: number; since: number }>();
  /** Badges built and rendered, not yet in the page. */
  private waiting: { row: Element; anchor: Element; mounted: Mounted }[] = [];
  private readonly pending = new WeakSet<Mounted>();
  private drawnEagerly = 0;
  /** Badges in the page whose content waits for an idle moment, in page order. */
  private undrawn: Mounted[] = [];
  private undrawnFrom = 0;
  private drawing = false;

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

  /** Shows the row's badge now (a single update, a badge a re-render took away). */
  show(observation: InvoiceOnPage, view: InvoicePolicyView): void {
    this.prepare(observation, view);
    this.insertPrepared();
  }

  /**
   * Renders the row's badge without touching the page yet: new badges are built detached and wait
   * for `insertPrepared`, so that hundreds of them enter the page in one pass (one layout of the
   * host's table instead of one per slice of work).
   */
  prepare(observation: InvoiceOnPage, view: InvoicePolicyView): void {
    const mounted = this.mountFor(observation);
    if (!mounted) return;
    const { host } = mounted;
    setAttribute(host, 'data-invoice-number', observation.number);
    setAttribute(host, 'data-days-overdue', String(view.daysOverdue));
    setAttribute(host, 'data-stage', view.stage);
    setAttribute(host, 'data-action-due', String(view.actionDue));
    setAttribute(host, 'data-client', observation.clientName);
    setAttribute(host, 'data-amount-due', String(view.outstandingCents));
    setAttribute(host, 'data-currency', view.currency);
    mounted.content = {
      view,
      t: this.t,
      onRemind: guard('badge.remind', () => this.actions.remind(observation, view, host)),
      onNotes: guard('badge.notes', () => this.actions.notes(observation, view, host)),
    };
    if (mounted.drawn || this.drawnEagerly < EAGER_BADGES) {
      if (!mounted.drawn) this.drawnEagerly++;
      this.draw(mounted);
    }
    this.byRow.set(observation.row, mounted);
  }

  private draw(mounted: Mounted): void {
    if (mounted.content) drawBadge(mounted.root, mounted.content);
    if (!mounted.drawn && mounted.host.isConnected) {
      // Drawn after entering the page: say so on the host, where observers of the page can see it.
      mounted.host.setAttribute('data-drawn', '');
    }
    mounted.drawn = true;
  }

  /** Draws the waiting badges in idle time, a few milliseconds at a time. */
  private drawWhenIdle(): void {
    if (this.drawing || this.undrawnFrom >= this.undrawn.length) return;
    this.drawing = true;
    const win = this.doc.defaultView;
    const schedule = (step: (deadline?: IdleDeadline) => void) => {
      if (win?.requestIdleCallback) win.requestIdleCallback(step, { timeout: 1000 });
      else setTimeout(step, 0);
    };
    const step = guard('badge.drawIdle', (deadline?: IdleDeadline) => {
      const start = performance.now();
      const more = () =>
        performance.now() - start < DRAW_SLICE_MS &&
        (!deadline || deadline.didTimeout || deadline.timeRemaining() > 1);
      while (this.undrawnFrom < this.undrawn.length && more()) {
        const mounted = this.undrawn[this.undrawnFrom++]!;
        if (!mounted.drawn && mounted.host.isConnected) this.draw(mounted);
      }
      if (this.undrawnFrom < this.undrawn.length) return schedule(step);
      this.undrawn = [];
      this.undrawnFrom = 0;
      this.drawing = false;
    });
    schedule(step);
  }

  /** Puts the prepared badges into their rows, in one pass. */
  insertPrepared(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const { row, anchor, mounted } of waiting) {
      this.pending.delete(mounted);
      // Still this row's badge, and the row still on the page with its anchor?
      if (this.byRow.get(row) !== mounted || !row.isConnected || !row.contains(anchor)) continue;
      removeCopies(row, mounted.host);
      // Never inside a link or a button of the page: a click on our buttons must not follow it.
      const interactive = anchor.closest('a, button, label');
      if (interactive && row.contains(interactive)) interactive.after(mounted.host);
      else anchor.append(mounted.host);
      if (!mounted.drawn) this.undrawn.push(mounted);
    }
    this.drawWhenIdle();
  }

  remove(row: Element): void {
    const mounted = this.byRow.get(row);
    this.byRow.delete(row);
    if (mounted) {
      mounted.root.replaceChildren();
      mounted.host.remove();
    }
    removeCopies(row, null);
  }

  /** The row's one badge: the one on the page or waiting to enter it, else a new (detached) one. */
  private mountFor(observation: InvoiceOnPage): Mounted | null {
    const { row, anchor } = observation;
    const mounted = this.byRow.get(row);
    if (mounted && this.pending.has(mounted)) return mounted;
    if (mounted?.host.isConnected && row.contains(mounted.host)) {
      // Anything else named like our badge in this row is a stale copy (a cloned row, an old anchor).
      removeCopies(row, mounted.host);
      return mounted;
    }

    const now = Date.now();
    const previous = this.remounts.get(row);
    const remounts =
      previous && now - previous.since < REMOUNT_WINDOW_MS ? previous : { count: 0, since: now };
    if (++remounts.count > MAX_REMOUNTS) return null;
    this.remounts.set(row, remounts);

    const created: Mounted = { ...createShadowHost(this.doc, BADGE_TAG, BADGE_CSS), drawn: false };
    stopPageHandlers(created.host);
    handleDetails(created.host, created.root);
    this.waiting.push({ row, anchor, mounted: created });
    this.pending.add(created);
    return created;
  }
}

function removeCopies(row: Element, keep: Element | null): void {
  for (const other of Array.from(row.querySelectorAll(BADGE_TAG))) if (other !== keep) other.remove();
}

function setAttribute(el: Element, name: string, value: string): void {
  if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}

/**
 * The details popover (CSS shows it on hover and focus): Escape hides it until the pointer or the
 * focus comes back; a click on the pill keeps it open (touch screens); near the bottom of the
 * window it opens above. One set of listeners per badge, on its host.
 */
function handleDetails(host: HTMLElement, root: ShadowRoot): void {
  const box = () => root.firstElementChild as HTMLElement | null;
  const reopen = guard('badge.details', () => {
    const b = box();
    if (!b) return;
    b.classList.remove('dismissed');
    const win = host.ownerDocument.defaultView;
    // Only read when a person points at the badge: nothing is measured while the list loads.
    if (win) b.classList.toggle('above', host.getBoundingClientRect().bottom > win.innerHeight - 120);
  });
  host.addEventListener('mouseenter', reopen);
  host.addEventListener('focusin', reopen);
  host.addEventListener(
    'keydown',
    guard('badge.escape', (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      box()?.classList.remove('pinned');
      box()?.classList.add('dismissed');
      host.style.zIndex = '';
    }),
  );
  host.addEventListener(
    'click',
    guard('badge.pin', (event: Event) => {
      const target = event.composedPath()[0] as Element | undefined;
      if (!target?.classList?.contains('pill')) return;
      const b = box();
      if (!b) return;
      const pinned = !b.classList.contains('pinned');
      b.classList.toggle('pinned', pinned);
      b.classList.toggle('dismissed', !pinned);
      // Above the other rows' badges while pinned (hover and focus do it in BADGE_CSS).
      host.style.zIndex = pinned ? '2147483001' : '';
    }),
  );
}

/** Clicks and keys in our badge are ours: the row's own handlers (open the invoice…) must not run. */
function stopPageHandlers(host: HTMLElement): void {
  for (const type of ['click', 'dblclick', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'keydown']) {
    host.addEventListener(type, (event) => event.stopPropagation());
  }
}
